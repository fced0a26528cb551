/**
 * The picture that link previews show (OpenGraph `og:image`, X cards): 1.91:1,
 * at most 1,200 × 630 (what Facebook and LINE recommend), as JPEG, since LINE
 * and some other preview fetchers do not show WebP, in which Kiji stores
 * pictures. Its path is the original's with `.jpg` appended under
 * `/crops/og/`, so the route finds the original without a lookup.
 */
export const SOCIAL_IMAGE = { ratio: 'og', width: 1200, height: 630, suffix: '.jpg' } as const;

/** The social preview of a stored picture: `/media/x/y.webp` → `/crops/og/x/y.webp.jpg`; null for pictures not in /media. */
export function socialImagePath(src: string): string | null {
  return src.startsWith('/media/') ? `/crops/${SOCIAL_IMAGE.ratio}/${src.slice('/media/'.length)}${SOCIAL_IMAGE.suffix}` : null;
}

/** The stored original a social preview path names (`x/y.webp.jpg` → `x/y.webp`), or null when it names none. */
export function socialImageSource(path: string): string | null {
  return path.endsWith(SOCIAL_IMAGE.suffix) && path.length > SOCIAL_IMAGE.suffix.length ? path.slice(0, -SOCIAL_IMAGE.suffix.length) : null;
}

/** The size of a `width` × `height` picture's social preview: the largest 1.91:1 box in it, scaled down to 1,200 wide, never up. */
export function decideSocialImageSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(width / SOCIAL_IMAGE.width, height / SOCIAL_IMAGE.height, 1);
  return { width: Math.max(1, Math.floor(SOCIAL_IMAGE.width * scale)), height: Math.max(1, Math.floor(SOCIAL_IMAGE.height * scale)) };
}
