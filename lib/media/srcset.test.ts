import { describe, expect, it } from 'vitest';
import { trimSrcSet } from './srcset';

const url = (w: number) => `/_next/image?url=%2Fmedia%2Fa.webp&w=${w}&q=75`;
const srcSetOf = (widths: number[]) => widths.map((w) => `${url(w)} ${w}w`).join(', ');
const widthsOf = (srcSet: string | undefined) => (srcSet ?? '').split(', ').map((c) => Number(/ (\d+)w$/.exec(c)![1]));

// next.config.ts: imageSizes then deviceSizes, as next/image lists them.
const ALL = [64, 128, 256, 384, 390, 640, 828, 1080, 1200, 1920];

describe('trimSrcSet', () => {
  it('keeps, for the hero (358–760 px), the widths from a phone at 1× to the desktop column at 2×, without the 384/390 twin', () => {
    const { src, srcSet } = trimSrcSet({ src: url(1920), srcSet: srcSetOf(ALL) }, { min: 288, max: 760 });
    expect(widthsOf(srcSet)).toEqual([390, 640, 828, 1080, 1200, 1920]);
    expect(src).toBe(url(1920));
  });

  it('stops a small card at the first width that covers it at 2×, and points src at that widest kept candidate', () => {
    const { src, srcSet } = trimSrcSet({ src: url(1920), srcSet: srcSetOf(ALL.slice(2)) }, { min: 200, max: 448 });
    expect(widthsOf(srcSet)).toEqual([256, 390, 640, 828, 1080]);
    expect(src).toBe(url(1080));
  });

  it('never leaves a picture without a candidate wide enough for its widest layout', () => {
    const { srcSet } = trimSrcSet({ src: url(1920), srcSet: srcSetOf(ALL) }, { min: 1500, max: 3000 });
    expect(widthsOf(srcSet)).toEqual([1920]);
  });

  it('returns what it cannot read unchanged', () => {
    expect(trimSrcSet({ src: '/a.webp', srcSet: undefined }, { min: 100, max: 200 })).toEqual({ src: '/a.webp', srcSet: undefined });
    expect(trimSrcSet({ src: '/a.webp', srcSet: '/a.webp 1x, /b.webp 2x' }, { min: 100, max: 200 })).toEqual({
      src: '/a.webp',
      srcSet: '/a.webp 1x, /b.webp 2x',
    });
  });
});
