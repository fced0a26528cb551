/**
 * Generated illustrations for the demo: article heroes and inline figures,
 * magazine covers and mook covers. Every picture is a flat, abstract drawing
 * built as SVG and rasterised to WebP by sharp (librsvg), so the demo ships no
 * third-party imagery and needs no network. All variation comes from a hash of
 * the caller's key, so the same key always yields the same bytes and a re-seed
 * does not churn image files or caches.
 *
 * render.ts draws a picture from the parts: random.ts (the seeded generator),
 * colour.ts (palettes and schemes), svg.ts (shapes and the sky every scene
 * shares), motifs/ (one drawer per Motif, grouped by subject) and covers.ts
 * (masthead and title over a cover).
 */

export type { IllustrationPalette, RenderIllustrationOptions } from './types';
export { COVER_SIZE, HERO_SIZE, INLINE_SIZE, buildIllustrationSvg, renderIllustration } from './render';
export { ILLUSTRATION_MOTIFS } from './motifs';
