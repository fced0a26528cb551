import type { Random } from './random';
import type { IllustrationPalette } from './types';

export type Hsl = readonly [hue: number, saturation: number, lightness: number];

type PaletteSpec = { sky: Hsl; accents: readonly [number, number, number, number]; ink: number };

/** Hues in degrees; saturation and lightness in percent. */
const PALETTES: Record<IllustrationPalette, PaletteSpec> = {
  world: { sky: [205, 60, 80], accents: [208, 172, 30, 352], ink: 215 },
  business: { sky: [216, 42, 82], accents: [222, 44, 188, 160], ink: 224 },
  japan: { sky: [36, 58, 86], accents: [6, 228, 150, 42], ink: 230 },
  society: { sky: [168, 38, 82], accents: [148, 22, 48, 200], ink: 200 },
  technology: { sky: [248, 44, 82], accents: [262, 186, 302, 212], ink: 248 },
  culture: { sky: [330, 46, 87], accents: [336, 276, 40, 14], ink: 290 },
  magazine: { sky: [14, 70, 86], accents: [356, 46, 206, 24], ink: 350 },
};

export const SECTION_PALETTES: readonly IllustrationPalette[] = ['world', 'business', 'japan', 'society', 'technology', 'culture'];

export type Scheme = {
  skyTop: Hsl;
  skyBottom: Hsl;
  nightTop: Hsl;
  nightBottom: Hsl;
  /** Four accents in a key-dependent order, so the dominant colour varies. */
  accents: readonly Hsl[];
  /** The palette's first accent, unshuffled: a masthead keeps one colour issue after issue. */
  brand: Hsl;
  ink: Hsl;
  paper: Hsl;
};

export function makeScheme(r: Random, palette: IllustrationPalette): Scheme {
  const spec = PALETTES[palette];
  const [skyHue, skySat, skyLight] = spec.sky;
  const drift = r.range(-12, 12);
  const accents: Hsl[] = spec.accents.map((hue) => [hue + r.range(-12, 12), r.range(52, 72), r.range(46, 58)]);
  for (let i = accents.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [accents[i], accents[j]] = [accents[j] as Hsl, accents[i] as Hsl];
  }
  return {
    skyTop: [skyHue + drift, skySat, skyLight - 8],
    skyBottom: [skyHue + drift + 18, skySat - 8, Math.min(skyLight + 8, 95)],
    nightTop: [spec.ink + drift, 45, 9],
    nightBottom: [spec.ink + drift + 20, 38, 22],
    accents,
    brand: [spec.accents[0], 72, 44],
    ink: [spec.ink + drift, 32, 17],
    paper: [skyHue + drift, 30, 95],
  };
}

/** The accent whose hue lies nearest `hue`: water stays bluish, leaves greenish, in every palette. */
export function accentNear(s: Scheme, hue: number): Hsl {
  const distance = (c: Hsl): number => Math.abs(((((c[0] - hue) % 360) + 540) % 360) - 180);
  return s.accents.reduce((best, c) => (distance(c) < distance(best) ? c : best), s.ink);
}

export function accent(s: Scheme, i: number): Hsl {
  return s.accents[((i % s.accents.length) + s.accents.length) % s.accents.length] ?? s.ink;
}

/** `base` shifted by the given amounts, as #rrggbb. */
export function tone(base: Hsl, dLight = 0, dSat = 0, dHue = 0): string {
  return hslToHex(base[0] + dHue, base[1] + dSat, base[2] + dLight);
}

function hslToHex(hue: number, sat: number, light: number): string {
  const h = (((hue % 360) + 360) % 360) / 360;
  const s = clamp(sat, 0, 100) / 100;
  const l = clamp(light, 0, 100) / 100;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): string => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(h + 1 / 3)}${channel(h)}${channel(h - 1 / 3)}`;
}

export function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
