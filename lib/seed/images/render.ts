import sharp from 'sharp';
import { makeScheme, SECTION_PALETTES, tone } from './colour';
import { drawCover, planCover } from './covers';
import { DRAWERS } from './motifs';
import { hashString, Random } from './random';
import { n, rect, type Scene } from './svg';
import type { RenderIllustrationOptions } from './types';

/** 16:9 article hero, in pixels. */
export const HERO_SIZE = { width: 1200, height: 675 } as const;
/** 3:2 figure inside an article body, in pixels. */
export const INLINE_SIZE = { width: 960, height: 640 } as const;
/** 3:4 magazine or mook cover, in pixels. */
export const COVER_SIZE = { width: 600, height: 800 } as const;

/** WebP quality: flat shapes stay crisp at 72 while a hero stays around 8–30 KB. */
const WEBP_QUALITY = 72;
/**
 * libwebp effort 0–6. Encoding, not SVG drawing, dominates the cost: effort 2
 * encodes a hero in about half the time of the default 4 for ~7% more bytes.
 */
const WEBP_EFFORT = 2;

/**
 * Draws the motif for `key` and returns it as a WebP of exactly
 * `width` × `height` pixels. Deterministic: same options, same bytes.
 */
export async function renderIllustration(opts: RenderIllustrationOptions): Promise<Buffer> {
  return sharp(Buffer.from(buildIllustrationSvg(opts)))
    .webp({ quality: WEBP_QUALITY, effort: WEBP_EFFORT })
    .toBuffer();
}

/** The SVG behind {@link renderIllustration}; exported for tests and debugging. */
export function buildIllustrationSvg(opts: RenderIllustrationOptions): string {
  const { key, motif, label } = opts;
  const w = Math.round(opts.width);
  const h = Math.round(opts.height);
  if (!(w > 0 && h > 0)) throw new RangeError(`illustration size must be positive, got ${opts.width}×${opts.height}`);
  const r = new Random(hashString(`${motif}\u0000${key}`));
  const palette = opts.palette ?? r.pick(SECTION_PALETTES);
  const defs: string[] = [];
  let counter = 0;
  const uid = (): string => `d${counter++}`;
  const s = makeScheme(r, palette);
  let body: string;
  if (label) {
    // A cover keeps the picture between masthead and title, so neither hides the motif.
    const cover = planCover(w, h, label, opts.masthead ?? 'KIJI WEEKLY');
    const art: Scene = { r, w, h: cover.artBottom - cover.artTop, s, defs, uid };
    const clip = uid();
    defs.push(`<clipPath id="${clip}"><rect width="${w}" height="${n(art.h)}"/></clipPath>`);
    body =
      rect(0, 0, w, h, tone(s.paper)) +
      `<g transform="translate(0 ${n(cover.artTop)})" clip-path="url(#${clip})">${DRAWERS[motif](art)}</g>` +
      drawCover(cover, w, h, s);
  } else {
    body = DRAWERS[motif]({ r, w, h, s, defs, uid });
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${defs.join('')}</defs>${body}</svg>`
  );
}
