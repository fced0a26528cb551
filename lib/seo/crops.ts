import sharp from 'sharp';
import { decideSocialImageSize } from './social-image';

// The social preview's size and paths are pure and the editor's crop check
// needs them in the browser, away from sharp: ./social-image.ts.
export { decideSocialImageSize, SOCIAL_IMAGE, socialImagePath, socialImageSource } from './social-image';

/**
 * The picture crops Google asks for in article structured data: 16:9, 4:3
 * and 1:1, each at least 50,000 pixels (docs/adr/0006-image-crops.md).
 * Each crop is the largest box of its shape inside the original, placed on
 * what sharp's attention strategy finds most salient (faces, contrast)
 * rather than the dead centre.
 */

export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;

export function isCropRatio(value: string): value is CropRatio {
  return Object.hasOwn(CROP_RATIOS, value);
}

/** The largest `ratio` box inside a `width` × `height` picture, in whole pixels. */
export function decideCropSize(width: number, height: number, ratio: CropRatio): { width: number; height: number } {
  const [rw, rh] = CROP_RATIOS[ratio];
  const scale = Math.min(width / rw, height / rh);
  return { width: Math.max(1, Math.floor(rw * scale)), height: Math.max(1, Math.floor(rh * scale)) };
}

/** The site path of a stored picture's crop: `/media/x/y.webp` → `/crops/4x3/x/y.webp`; null for pictures not in /media. */
export function cropPath(src: string, ratio: CropRatio): string | null {
  return src.startsWith('/media/') ? `/crops/${ratio}/${src.slice('/media/'.length)}` : null;
}

/** Renders a picture's social preview (see {@link SOCIAL_IMAGE}), placed like the crops on what is most salient. */
export async function renderSocialImage(bytes: Uint8Array): Promise<{ bytes: Buffer; width: number; height: number }> {
  const image = sharp(bytes);
  const meta = await image.metadata();
  if (!meta.width || !meta.height) throw new Error('picture without dimensions');
  const out = await image
    .resize({ ...decideSocialImageSize(meta.width, meta.height), fit: 'cover', position: sharp.strategy.attention })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, progressive: true, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: out.data, width: out.info.width, height: out.info.height };
}

/** Crops `bytes` to `ratio` at full resolution, as WebP. */
export async function renderCrop(bytes: Uint8Array, ratio: CropRatio): Promise<{ bytes: Buffer; width: number; height: number }> {
  const image = sharp(bytes);
  const meta = await image.metadata();
  if (!meta.width || !meta.height) throw new Error('picture without dimensions');
  const size = decideCropSize(meta.width, meta.height, ratio);
  const out = await image
    .resize({ ...size, fit: 'cover', position: sharp.strategy.attention })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: out.data, width: out.info.width, height: out.info.height };
}
