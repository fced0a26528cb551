import { describe, expect, it } from 'vitest';
import { nextConfig } from '../../next.config';
import { trimSrcSet } from '../media/srcset';
import { CARD_IMAGE_QUALITY, CARD_IMAGE_WIDTHS, toCardImageProps } from './card-image';

const image = { src: '/media/demo/a b.webp', width: 1200, height: 675 };

describe('toCardImageProps', () => {
  it('asks the optimiser only for widths and a quality it makes (anything else is a 400)', () => {
    const made = [...(nextConfig.images?.deviceSizes ?? []), ...(nextConfig.images?.imageSizes ?? [])];
    for (const width of CARD_IMAGE_WIDTHS) expect(made).toContain(width);
    expect(nextConfig.images?.qualities ?? [75]).toContain(CARD_IMAGE_QUALITY);
  });

  it('lists the candidates the srcset rule keeps for a slide drawn at 144–448 px, in next/image loader URLs', () => {
    const made = [...(nextConfig.images?.imageSizes ?? []), ...(nextConfig.images?.deviceSizes ?? [])].filter((w) => w >= 0.33 * 390);
    const url = (w: number) => `/_next/image?url=%2Fmedia%2Fdemo%2Fa%20b.webp&w=${w}&q=75`;
    // What next/image would list for the card's vw sizes, trimmed as every other picture is.
    const expected = trimSrcSet({ src: url(1920), srcSet: made.map((w) => `${url(w)} ${w}w`).join(', ') }, { min: 144, max: 448 });
    const props = toCardImageProps(image);
    expect(props.srcSet).toBe(expected.srcSet);
    expect(props.src).toBe(expected.src);
    expect(props).toMatchObject({ width: 1200, height: 675, sizes: expect.stringContaining('70vw') });
  });
});
