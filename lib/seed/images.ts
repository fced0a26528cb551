import sharp from 'sharp';
import { Parser, jaModel } from 'budoux';
import type { Motif } from './demo/types';

/**
 * Generated illustrations for the demo: article heroes and inline figures,
 * magazine covers and mook covers. Every picture is a flat, abstract drawing
 * built as SVG and rasterised to WebP by sharp (librsvg), so the demo ships no
 * third-party imagery and needs no network. All variation comes from a hash of
 * the caller's key, so the same key always yields the same bytes and a re-seed
 * does not churn image files or caches.
 */

export type IllustrationPalette = 'world' | 'business' | 'japan' | 'society' | 'technology' | 'culture' | 'magazine';

export type RenderIllustrationOptions = {
  /** Stable identity of the picture (e.g. the article key); drives every random choice. */
  key: string;
  motif: Motif;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  /** Colour family; omitted = chosen from the key among the six section palettes. */
  palette?: IllustrationPalette;
  /** Cover title, drawn large. Article images never carry text. */
  label?: string;
  /** Latin masthead shown above a label; defaults to 'KIJI WEEKLY', '' omits it. */
  masthead?: string;
};

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

// librsvg picks whichever installed font matches; CJK coverage matters for cover titles.
const FONT_FAMILY = "'Noto Sans CJK JP', sans-serif";

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

// ---------------------------------------------------------------------------
// Randomness

/** FNV-1a, 32 bit: tiny, stable across platforms and Node versions. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a seeded generator, so pictures never depend on Math.random. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Inclusive of both ends. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

// ---------------------------------------------------------------------------
// Colour

type Hsl = readonly [hue: number, saturation: number, lightness: number];

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

const SECTION_PALETTES: readonly IllustrationPalette[] = ['world', 'business', 'japan', 'society', 'technology', 'culture'];

type Scheme = {
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

function makeScheme(r: Random, palette: IllustrationPalette): Scheme {
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
function accentNear(s: Scheme, hue: number): Hsl {
  const distance = (c: Hsl): number => Math.abs(((((c[0] - hue) % 360) + 540) % 360) - 180);
  return s.accents.reduce((best, c) => (distance(c) < distance(best) ? c : best), s.ink);
}

function accent(s: Scheme, i: number): Hsl {
  return s.accents[((i % s.accents.length) + s.accents.length) % s.accents.length] ?? s.ink;
}

/** `base` shifted by the given amounts, as #rrggbb. */
function tone(base: Hsl, dLight = 0, dSat = 0, dHue = 0): string {
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

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

// ---------------------------------------------------------------------------
// SVG helpers

type Scene = { r: Random; w: number; h: number; s: Scheme; defs: string[]; uid: () => string };
type Draw = (scene: Scene) => string;
type Point = readonly [number, number];

/** One decimal is below what a pixel can show and keeps the SVG short. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(w, 0))}" height="${n(Math.max(h, 0))}" fill="${fill}"${extra}/>`;
}

function circle(cx: number, cy: number, radius: number, fill: string, extra = ''): string {
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(Math.max(radius, 0))}" fill="${fill}"${extra}/>`;
}

function path(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(width)}"${extra.includes('stroke-linecap') ? '' : ' stroke-linecap="round"'}${extra}/>`;
}

function polygon(points: readonly Point[], fill: string, extra = ''): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}"${extra}/>`;
}

function polyline(points: readonly Point[], stroke: string, width: number, extra = ''): string {
  return `<polyline points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${stroke}" stroke-width="${n(width)}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
}

const opacity = (o: number): string => ` opacity="${Math.round(o * 100) / 100}"`;

/** A smooth curve through `points` (quadratic segments between midpoints). */
function smoothD(points: readonly Point[], closed: boolean): string {
  if (points.length < 3) return points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join('');
  const at = (i: number): Point => points[((i % points.length) + points.length) % points.length] as Point;
  const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  if (closed) {
    const start = mid(at(-1), at(0));
    let d = `M${n(start[0])} ${n(start[1])}`;
    for (let i = 0; i < points.length; i++) {
      const [cx, cy] = at(i);
      const [ex, ey] = mid(at(i), at(i + 1));
      d += `Q${n(cx)} ${n(cy)} ${n(ex)} ${n(ey)}`;
    }
    return `${d}Z`;
  }
  let d = `M${n(at(0)[0])} ${n(at(0)[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [cx, cy] = at(i);
    const [ex, ey] = i === points.length - 2 ? at(i + 1) : mid(at(i), at(i + 1));
    d += `Q${n(cx)} ${n(cy)} ${n(ex)} ${n(ey)}`;
  }
  return d;
}

/** A gently rolling line across the picture: y as a function of x. */
function rollingLine(r: Random, w: number, base: number, amplitude: number): (x: number) => number {
  const k1 = (r.range(0.8, 2) * Math.PI * 2) / w;
  const k2 = (r.range(2.5, 4.5) * Math.PI * 2) / w;
  const p1 = r.range(0, Math.PI * 2);
  const p2 = r.range(0, Math.PI * 2);
  return (x) => base + amplitude * Math.sin(x * k1 + p1) + amplitude * 0.35 * Math.sin(x * k2 + p2);
}

/** Closed path of the area between `top(x)` and the bottom edge. */
function areaBelow(top: (x: number) => number, w: number, h: number, steps = 16): string {
  const pts: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = -w * 0.02 + (w * 1.04 * i) / steps;
    pts.push([x, top(x)]);
  }
  return `${smoothD(pts, false)}L${n(w * 1.02)} ${n(h + 2)}L${n(-w * 0.02)} ${n(h + 2)}Z`;
}

function verticalGradient(scene: Scene, top: string, bottom: string): string {
  const id = scene.uid();
  scene.defs.push(
    `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
  );
  return `url(#${id})`;
}

function sky(scene: Scene, night = false): string {
  const { s, w, h } = scene;
  const fill = night
    ? verticalGradient(scene, tone(s.nightTop), tone(s.nightBottom))
    : verticalGradient(scene, tone(s.skyTop), tone(s.skyBottom));
  return rect(0, 0, w, h, fill);
}

function sun(scene: Scene, cx: number, cy: number, radius: number, night: boolean): string {
  const fill = night ? '#f4f1e4' : tone(accent(scene.s, 2), 22, 25);
  return circle(cx, cy, radius * 1.7, fill, opacity(0.18)) + circle(cx, cy, radius, fill);
}

function stars(scene: Scene, count: number, maxY: number): string {
  const { r, w, h } = scene;
  let out = '';
  for (let i = 0; i < count; i++) {
    out += circle(r.range(0, w), r.range(0, maxY), h * r.range(0.0015, 0.004), '#ffffff', opacity(r.range(0.4, 0.9)));
  }
  return out;
}

function cloud(x: number, y: number, size: number, fill: string): string {
  return (
    `<g fill="${fill}" opacity="0.85">` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size * 0.5)}"/>` +
    `<circle cx="${n(x + size * 0.55)}" cy="${n(y + size * 0.1)}" r="${n(size * 0.38)}"/>` +
    `<circle cx="${n(x - size * 0.55)}" cy="${n(y + size * 0.15)}" r="${n(size * 0.32)}"/>` +
    `<rect x="${n(x - size * 0.85)}" y="${n(y + size * 0.12)}" width="${n(size * 1.8)}" height="${n(size * 0.35)}" rx="${n(size * 0.17)}"/></g>`
  );
}

function clouds(scene: Scene, count: number, maxY: number): string {
  const { r, w, h } = scene;
  let out = '';
  for (let i = 0; i < count; i++) out += cloud(r.range(0.05, 0.95) * w, r.range(0.08, 1) * maxY, h * r.range(0.06, 0.11), '#ffffff');
  return out;
}

function birds(scene: Scene, count: number, maxY: number): string {
  const { r, w, h, s } = scene;
  let d = '';
  const cx = r.range(0.15, 0.85) * w;
  const cy = r.range(0.1, 1) * maxY;
  for (let i = 0; i < count; i++) {
    const x = cx + r.range(-0.12, 0.12) * w;
    const y = cy + r.range(-0.06, 0.06) * h;
    const span = h * r.range(0.012, 0.022);
    d += `M${n(x - span)} ${n(y - span * 0.4)}Q${n(x - span * 0.4)} ${n(y - span * 0.5)} ${n(x)} ${n(y)}Q${n(x + span * 0.4)} ${n(y - span * 0.5)} ${n(x + span)} ${n(y - span * 0.4)}`;
  }
  return `<path d="${d}" fill="none" stroke="${tone(s.ink, 10)}" stroke-width="${n(h * 0.0035)}" stroke-linecap="round"/>`;
}

/** Wraps `content` in a horizontal flip when `mirror` is set: cheap extra variety. */
function maybeMirror(scene: Scene, content: string, mirror: boolean): string {
  return mirror ? `<g transform="translate(${scene.w} 0) scale(-1 1)">${content}</g>` : content;
}

// ---------------------------------------------------------------------------
// Motifs

const drawCity: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.35);
  let out = sky(scene, night);
  if (night) out += stars(scene, r.int(20, 40), h * 0.45);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.08), night);
  if (!night) out += clouds(scene, r.int(0, 2), h * 0.3);
  const horizon = h * r.range(0.8, 0.88);
  const lit = '#ffd980';
  const layers = [
    { fill: night ? tone(s.nightBottom, 6, -10) : tone(s.skyBottom, -16, -22), min: 0.3, max: 0.58, windows: false },
    { fill: night ? tone(accent(s, 0), -30, -30) : tone(accent(s, 0), 0, -22), min: 0.2, max: 0.46, windows: false },
    { fill: night ? tone(s.ink, -4) : tone(s.ink, 14), min: 0.12, max: 0.36, windows: true },
  ];
  for (const [depth, layer] of layers.entries()) {
    let x = -r.range(0, 0.04) * w;
    while (x < w) {
      const bw = w * r.range(0.045, 0.1) * (1 + depth * 0.15);
      const bh = h * r.range(layer.min, layer.max);
      const top = horizon - bh;
      const roof = r.int(0, 4);
      if (roof === 3) {
        out += polygon([[x, horizon], [x, top + bh * 0.08], [x + bw, top], [x + bw, horizon]], layer.fill);
      } else {
        out += rect(x, top, bw, bh, layer.fill);
        if (roof === 1) out += rect(x + bw * 0.2, top - bh * 0.07, bw * 0.6, bh * 0.07, layer.fill);
        if (roof === 2) out += rect(x + bw * 0.45, top - bh * 0.22, Math.max(2, bw * 0.05), bh * 0.22, layer.fill);
      }
      if (layer.windows) {
        const glass = night ? lit : tone(s.skyBottom, 4);
        const alpha = night ? r.range(0.55, 0.85) : 0.45;
        const pad = bw * 0.14;
        const style = r.int(0, 2);
        if (style === 0) {
          for (let y = top + pad + bh * 0.04; y < horizon - pad; y += h * 0.034) out += rect(x + pad, y, bw - pad * 2, h * 0.014, glass, opacity(alpha));
        } else if (style === 1) {
          const cols = Math.max(2, Math.floor(bw / (w * 0.016)));
          const step = (bw - pad * 2) / cols;
          for (let c = 0; c < cols; c++) out += rect(x + pad + c * step, top + pad + bh * 0.05, step * 0.5, bh - pad * 2 - bh * 0.05, glass, opacity(alpha));
        } else {
          const cols = Math.max(2, Math.floor(bw / (w * 0.014)));
          const step = (bw - pad * 2) / cols;
          for (let y = top + pad + bh * 0.04; y < horizon - pad; y += h * 0.03) {
            for (let c = 0; c < cols; c++) if (r.chance(night ? 0.55 : 0.85)) out += rect(x + pad + c * step, y, step * 0.55, h * 0.016, glass, opacity(alpha));
          }
        }
      }
      x += bw + w * r.range(-0.012, 0.012);
    }
  }
  out += rect(0, horizon, w, h - horizon, tone(s.ink, night ? -6 : 4));
  out += line(0, horizon + (h - horizon) * 0.5, w, horizon + (h - horizon) * 0.5, tone(s.ink, 45), h * 0.006, ` stroke-dasharray="${n(w * 0.03)} ${n(w * 0.025)}"`);
  return out;
};

const drawHarbor: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.2);
  let out = sky(scene, night);
  out += sun(scene, r.range(0.55, 0.9) * w, r.range(0.15, 0.35) * h, h * r.range(0.05, 0.07), night);
  if (!night) out += clouds(scene, r.int(1, 3), h * 0.32);
  const seaTop = h * r.range(0.6, 0.68);
  out += path(areaBelow(rollingLine(r, w, seaTop - h * 0.03, h * 0.02), w, seaTop + 2), tone(night ? s.nightBottom : s.skyBottom, -14, -15));
  const water = accentNear(s, 210);
  out += rect(0, seaTop, w, h - seaTop, verticalGradient(scene, tone([water[0], 48, night ? 26 : 44]), tone([water[0], 52, night ? 16 : 30])));
  for (let i = r.int(14, 24); i > 0; i--) {
    const y = seaTop + (h - seaTop) * r.range(0.1, 0.95);
    const x = r.range(0, w);
    out += line(x, y, x + w * r.range(0.03, 0.09), y, tone([water[0], 50, 70]), h * 0.005, opacity(0.6));
  }

  let land = '';
  const quayW = w * r.range(0.42, 0.55);
  const quayTop = seaTop - h * 0.012;
  land += rect(-2, quayTop, quayW + 2, h * 0.07, tone(s.ink, 20, -12)) + rect(-2, quayTop + h * 0.055, quayW + 2, h * 0.015, tone(s.ink, 5));
  const boxW = w * r.range(0.045, 0.055);
  const boxH = h * 0.045;
  for (let x = w * 0.02; x + boxW < quayW * 0.7; x += boxW * (r.chance(0.15) ? 2 : 1)) {
    for (let k = r.int(1, 4); k > 0; k--) {
      const y = quayTop - k * boxH;
      const c = accent(s, r.int(0, 3));
      land += rect(x, y, boxW * 0.94, boxH * 0.92, tone(c, r.range(-8, 8))) + rect(x, y + boxH * 0.15, boxW * 0.94, boxH * 0.08, tone(c, 18), opacity(0.7));
    }
  }
  const craneColor = tone(accent(s, 3), 0, 10);
  for (let i = 0, cranes = r.int(1, 3); i < cranes; i++) {
    const cx = quayW - w * (0.06 + i * 0.13);
    const legTop = quayTop - h * r.range(0.2, 0.26);
    const beam = h * 0.014;
    const thick = w * 0.007;
    land += rect(cx - w * 0.035, legTop, thick, quayTop - legTop, craneColor) + rect(cx + w * 0.03, legTop, thick, quayTop - legTop, craneColor);
    land += rect(cx - w * 0.07, legTop - beam, w * 0.24, beam, craneColor);
    const apex: Point = [cx, legTop - h * 0.12];
    land += `<path d="M${n(cx - w * 0.03)} ${n(legTop - beam)}L${n(apex[0])} ${n(apex[1])}L${n(cx + w * 0.035)} ${n(legTop - beam)}M${n(apex[0])} ${n(apex[1])}L${n(cx + w * 0.17)} ${n(legTop - beam)}M${n(apex[0])} ${n(apex[1])}L${n(cx - w * 0.07)} ${n(legTop - beam)}" fill="none" stroke="${craneColor}" stroke-width="${n(h * 0.004)}"/>`;
    const hook = cx + w * r.range(0.06, 0.15);
    land += line(hook, legTop, hook, legTop + h * r.range(0.05, 0.15), tone(s.ink, 10), h * 0.003) + rect(cx - w * 0.01, legTop, w * 0.03, h * 0.03, tone(s.paper, -8));
  }
  const shipX0 = quayW + w * r.range(0.03, 0.06);
  const shipX1 = w * r.range(0.9, 1.02);
  const deck = seaTop - h * 0.02;
  const keel = seaTop + h * 0.055;
  land += path(`M${n(shipX0)} ${n(deck)}L${n(shipX1 + w * 0.03)} ${n(deck)}L${n(shipX1)} ${n(keel)}L${n(shipX0 + w * 0.015)} ${n(keel)}Z`, tone(s.ink, 8));
  land += rect(shipX0 + w * 0.008, keel - h * 0.018, shipX1 - shipX0, h * 0.012, tone(accent(s, 3), -5));
  land += rect(shipX0 + w * 0.01, deck - h * 0.09, w * 0.05, h * 0.09, tone(s.paper, -3)) + rect(shipX0 + w * 0.016, deck - h * 0.08, w * 0.038, h * 0.012, tone(s.ink, 20));
  land += rect(shipX0 + w * 0.03, deck - h * 0.13, w * 0.014, h * 0.04, tone(accent(s, 1), 0));
  for (let x = shipX0 + w * 0.07; x + boxW * 0.8 < shipX1; x += boxW * 0.8) {
    for (let k = r.int(1, 3); k > 0; k--) land += rect(x, deck - k * boxH * 0.8, boxW * 0.76, boxH * 0.74, tone(accent(s, r.int(0, 3)), r.range(-6, 10)));
  }
  out += maybeMirror(scene, land, r.chance(0.5));
  if (!night) out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

const drawMountains: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  if (dusk) out += stars(scene, r.int(15, 30), h * 0.35);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.09), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), h * 0.25);
  const ranges = r.int(3, 4);
  const nearHue = accent(s, 0)[0];
  for (let i = 0; i < ranges; i++) {
    const t = i / (ranges - 1);
    const base = h * (0.5 + t * 0.32);
    const amp = h * (0.32 - t * 0.14);
    const pts: Point[] = [[-w * 0.05, base - amp * r.range(0, 0.3)]];
    const peaks = r.int(3, 6) + i;
    const step = (w * 1.1) / (peaks * 2);
    for (let k = 1; k <= peaks * 2; k++) {
      const x = -w * 0.05 + k * step + r.range(-0.3, 0.3) * step;
      pts.push([x, k % 2 ? base - amp * r.range(0.55, 1) : base - amp * r.range(0.05, 0.4)]);
    }
    const hue = t < 0.5 ? s.skyTop[0] : nearHue;
    const fill = dusk ? tone([hue, 30, 34 - t * 22]) : tone([hue, 22 + t * 12, 72 - t * 46]);
    out += polygon([...pts, [w * 1.05, h], [-w * 0.05, h]], fill);
    if (i <= 1 && !dusk) {
      for (let k = 1; k < pts.length - 1; k++) {
        const p = pts[k] as Point;
        const a = pts[k - 1] as Point;
        const b = pts[k + 1] as Point;
        if (p[1] > a[1] || p[1] > b[1] || p[1] > base - amp * 0.7) continue;
        const f = r.range(0.22, 0.34);
        const left: Point = [p[0] + (a[0] - p[0]) * f, p[1] + (a[1] - p[1]) * f];
        const right: Point = [p[0] + (b[0] - p[0]) * f, p[1] + (b[1] - p[1]) * f];
        const low = Math.max(left[1], right[1]);
        out += polygon([p, right, [right[0] - (right[0] - left[0]) * 0.3, low - h * 0.015], [left[0] + (right[0] - left[0]) * 0.45, low + h * 0.01], left], '#f8f9fb');
      }
    }
  }
  if (r.chance(0.5)) {
    const lakeTop = h * r.range(0.84, 0.9);
    out += rect(0, lakeTop, w, h - lakeTop, tone([accentNear(s, 205)[0], 45, dusk ? 22 : 58]));
    for (let i = r.int(5, 9); i > 0; i--) {
      const y = lakeTop + (h - lakeTop) * r.range(0.15, 0.9);
      const x = r.range(0, w);
      out += line(x, y, x + w * r.range(0.04, 0.12), y, '#ffffff', h * 0.004, opacity(0.45));
    }
  } else {
    const treeColor = tone([nearHue, 30, dusk ? 8 : 18]);
    let trees = '';
    for (let x = -w * 0.02; x < w * 1.02; x += w * r.range(0.015, 0.04)) {
      const th = h * r.range(0.07, 0.14);
      const ty = h * r.range(0.95, 1.02);
      trees += `M${n(x)} ${n(ty - th)}L${n(x + th * 0.28)} ${n(ty)}L${n(x - th * 0.28)} ${n(ty)}Z`;
    }
    out += path(trees, treeColor) + rect(0, h * 0.97, w, h * 0.03, treeColor);
  }
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.35);
  return out;
};

const drawFields: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.25) * h, h * r.range(0.05, 0.08), false);
  out += clouds(scene, r.int(1, 3), h * 0.28);
  const horizon = h * r.range(0.4, 0.52);
  const bands = r.int(4, 6);
  const tops: ((x: number) => number)[] = [];
  for (let i = 0; i < bands; i++) {
    const t = i / bands;
    tops.push(rollingLine(r, w, horizon + (h - horizon) * t * 0.85, h * (0.015 + t * 0.05)));
  }
  for (const [i, top] of tops.entries()) {
    const c = accent(s, i);
    const d = areaBelow(top, w, h);
    out += path(d, tone([c[0], r.range(30, 50), 64 - i * 5]));
    if (i === bands - 2) {
      const id = scene.uid();
      scene.defs.push(`<clipPath id="${id}"><path d="${d}"/></clipPath>`);
      let rows = '';
      for (let k = 1; k < 10; k++) {
        const dy = k * h * 0.03;
        rows += smoothD(Array.from({ length: 13 }, (_, j): Point => [(w * j) / 12, top((w * j) / 12) + dy]), false);
      }
      out += `<path d="${rows}" clip-path="url(#${id})" fill="none" stroke="${tone(c, -22)}" stroke-width="${n(h * 0.006)}" opacity="0.4"/>`;
    }
  }
  const front = tops[bands - 1];
  if (front) {
    const id = scene.uid();
    scene.defs.push(`<clipPath id="${id}"><path d="${areaBelow(front, w, h)}"/></clipPath>`);
    const vx = r.range(0.3, 0.7) * w;
    const vy = horizon - h * 0.1;
    let rows = '';
    for (let x = -w; x < w * 2; x += w * 0.06) rows += `M${n(x)} ${n(h)}L${n(vx)} ${n(vy)}`;
    out += `<path d="${rows}" clip-path="url(#${id})" stroke="${tone(accent(s, bands - 1), -25)}" stroke-width="${n(h * 0.008)}" opacity="0.35"/>`;
  }
  const treeColor = tone([accentNear(s, 120)[0], 35, 28]);
  for (let i = r.int(3, 7); i > 0; i--) {
    const band = tops[r.int(1, Math.max(1, bands - 3))];
    if (!band) continue;
    const x = r.range(0.04, 0.96) * w;
    const y = band(x) + h * 0.01;
    const size = h * r.range(0.03, 0.055);
    out += rect(x - size * 0.1, y - size * 1.2, size * 0.2, size * 1.2, tone(s.ink, 10)) + circle(x, y - size * 1.5, size * 0.7, treeColor);
  }
  const farm = tops[1];
  if (farm && r.chance(0.7)) {
    const x = r.range(0.15, 0.85) * w;
    const y = farm(x) + h * 0.015;
    const size = h * r.range(0.06, 0.09);
    out += rect(x, y - size, size * 1.3, size, tone(accent(s, 3), 0)) + polygon([[x - size * 0.12, y - size], [x + size * 0.65, y - size * 1.55], [x + size * 1.42, y - size]], tone(s.ink, 12));
    out += rect(x + size * 0.5, y - size * 0.55, size * 0.3, size * 0.55, tone(s.ink, 20));
  }
  out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

const drawChart: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dark = r.chance(0.3);
  const text = dark ? tone(s.paper, -40) : tone(s.ink, 55, -20);
  let out = rect(0, 0, w, h, dark ? tone(s.nightTop, 4) : tone(s.paper, -3));
  const card = { x: w * 0.07, y: h * 0.1, w: w * 0.86, h: h * 0.8 };
  const rx = n(Math.min(w, h) * 0.025);
  out += rect(card.x + h * 0.01, card.y + h * 0.015, card.w, card.h, '#000000', ` rx="${rx}"${opacity(0.08)}`);
  out += rect(card.x, card.y, card.w, card.h, dark ? tone(s.nightBottom, -4) : '#ffffff', ` rx="${rx}"`);
  const donut = w > h * 1.15 && r.chance(0.55);
  out += rect(card.x + card.w * 0.05, card.y + card.h * 0.07, card.w * r.range(0.22, 0.34), card.h * 0.04, text, ` rx="${n(card.h * 0.02)}"`);
  out += rect(card.x + card.w * 0.05, card.y + card.h * 0.14, card.w * r.range(0.12, 0.2), card.h * 0.025, text, ` rx="${n(card.h * 0.012)}"${opacity(0.6)}`);
  const plot = { x0: card.x + card.w * 0.07, x1: card.x + card.w * (donut ? 0.62 : 0.94), y0: card.y + card.h * 0.25, y1: card.y + card.h * 0.88 };
  for (let i = 0; i <= 4; i++) {
    const y = plot.y0 + ((plot.y1 - plot.y0) * i) / 4;
    out += line(plot.x0, y, plot.x1, y, text, h * 0.002, opacity(0.35));
  }
  const bars = r.int(6, 11);
  const slot = (plot.x1 - plot.x0) / bars;
  const trend = r.chance(0.6) ? 1 : -1;
  let v = trend > 0 ? r.range(0.25, 0.45) : r.range(0.7, 0.9);
  let lineV = r.range(0.3, 0.8);
  const points: Point[] = [];
  const barColor = accent(s, 0);
  for (let i = 0; i < bars; i++) {
    v = clamp(v + trend * r.range(-0.06, 0.14), 0.08, 0.98);
    lineV = clamp(lineV + r.range(-0.18, 0.18), 0.1, 0.95);
    const bh = (plot.y1 - plot.y0) * v;
    const x = plot.x0 + slot * i + slot * 0.21;
    out += rect(x, plot.y1 - bh, slot * 0.58, bh, i === bars - 1 ? tone(accent(s, 1), 0, 10) : tone(barColor, 14, -10), ` rx="${n(slot * 0.06)}"`);
    points.push([plot.x0 + slot * (i + 0.5), plot.y1 - (plot.y1 - plot.y0) * lineV]);
  }
  const lineColor = tone(accent(s, 2), -8, 10);
  out += polyline(points, lineColor, h * 0.008);
  for (const [x, y] of points) out += circle(x, y, h * 0.011, dark ? tone(s.nightBottom, -4) : '#ffffff', ` stroke="${lineColor}" stroke-width="${n(h * 0.005)}"`);
  out += line(plot.x0, plot.y1, plot.x1, plot.y1, text, h * 0.004);
  if (donut) {
    const cx = card.x + card.w * 0.81;
    const cy = card.y + card.h * 0.45;
    const radius = Math.min(card.w * 0.11, card.h * 0.24);
    const circ = 2 * Math.PI * radius;
    const parts = Array.from({ length: r.int(3, 5) }, () => r.range(0.5, 2));
    const total = parts.reduce((a, b) => a + b, 0);
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      const len = (part / total) * circ;
      out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="none" stroke="${tone(accent(s, i), i * 4)}" stroke-width="${n(radius * 0.45)}" stroke-dasharray="${n(len)} ${n(circ)}" stroke-dashoffset="${n(-offset)}" transform="rotate(-90 ${n(cx)} ${n(cy)})"/>`;
      offset += len;
      const ly = cy + radius * 1.5 + i * card.h * 0.06;
      if (ly < card.y + card.h * 0.93) out += rect(cx - radius, ly, card.h * 0.03, card.h * 0.03, tone(accent(s, i), i * 4)) + rect(cx - radius + card.h * 0.05, ly + card.h * 0.005, radius * r.range(0.9, 1.6), card.h * 0.02, text, opacity(0.5));
    }
  } else {
    const last = points[points.length - 1];
    if (last) {
      const size = h * 0.05;
      const dir = trend > 0 ? -1 : 1;
      out += polygon([[last[0], last[1] + dir * size * 1.4], [last[0] - size * 0.6, last[1] + dir * size * 0.6], [last[0] + size * 0.6, last[1] + dir * size * 0.6]], lineColor, opacity(0.85));
    }
  }
  return out;
};

const drawCircuit: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const board = accent(s, 0)[0];
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([board, 45, 13]), tone([board, 40, 7])));
  const grid = h * 0.04;
  const dots = scene.uid();
  scene.defs.push(`<pattern id="${dots}" width="${n(grid)}" height="${n(grid)}" patternUnits="userSpaceOnUse"><circle cx="${n(grid / 2)}" cy="${n(grid / 2)}" r="${n(h * 0.0018)}" fill="#ffffff" opacity="0.18"/></pattern>`);
  out += rect(0, 0, w, h, `url(#${dots})`);
  const trace = tone([accent(s, 1)[0], 70, 58]);
  const hot = tone([accent(s, 2)[0], 85, 66]);
  const padFill = tone([board, 45, 10]);
  const strokeW = h * 0.006;
  const drawTrace = (pts: Point[], highlight: boolean): string =>
    (highlight ? polyline(pts, hot, strokeW * 3.5, opacity(0.22)) : '') +
    polyline(pts, highlight ? hot : trace, strokeW, highlight ? '' : opacity(0.85)) +
    circle((pts[pts.length - 1] as Point)[0], (pts[pts.length - 1] as Point)[1], h * 0.011, padFill, ` stroke="${highlight ? hot : trace}" stroke-width="${n(strokeW)}"`);

  for (let i = r.int(6, 11); i > 0; i--) {
    let [x, y]: Point = [r.range(0, w), r.range(0, h)];
    const pts: Point[] = [[x, y]];
    for (let k = r.int(2, 3); k > 0; k--) {
      const [dx, dy] = r.pick<Point>([[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]);
      const len = h * r.range(0.06, 0.18);
      x += dx * len;
      y += dy * len;
      pts.push([x, y]);
    }
    out += circle(pts[0]?.[0] ?? 0, pts[0]?.[1] ?? 0, h * 0.009, trace, opacity(0.85)) + drawTrace(pts, r.chance(0.15));
  }

  const size = h * r.range(0.26, 0.36);
  const cx = w * r.range(0.35, 0.65);
  const cy = h * r.range(0.4, 0.6);
  const pinLen = h * 0.03;
  const sides: { out: Point; along: Point }[] = [
    { out: [1, 0], along: [0, 1] },
    { out: [-1, 0], along: [0, 1] },
    { out: [0, 1], along: [1, 0] },
    { out: [0, -1], along: [1, 0] },
  ];
  let pins = '';
  for (const side of sides) {
    const count = r.int(4, 7);
    const spacing = size / (count + 1);
    const sign = r.chance(0.5) ? 1 : -1;
    const first = h * r.range(0.03, 0.08);
    const diagonal = h * r.range(0.04, 0.1);
    for (let i = 0; i < count; i++) {
      const t = -size / 2 + spacing * (i + 1);
      const bx = cx + side.out[0] * (size / 2) + side.along[0] * t;
      const by = cy + side.out[1] * (size / 2) + side.along[1] * t;
      const ex = bx + side.out[0] * pinLen;
      const ey = by + side.out[1] * pinLen;
      pins += line(bx, by, ex, ey, tone(s.paper, -25), spacing * 0.4, ' stroke-linecap="butt"');
      if (!r.chance(0.8)) continue;
      // Pins further along the bend direction turn first, so a side's traces run parallel and never cross.
      const first1 = first + (sign > 0 ? count - 1 - i : i) * spacing * 0.75;
      const p1: Point = [ex + side.out[0] * first1, ey + side.out[1] * first1];
      const p2: Point = [p1[0] + (side.out[0] + sign * side.along[0]) * diagonal, p1[1] + (side.out[1] + sign * side.along[1]) * diagonal];
      const last = h * r.range(0.04, 0.35);
      const p3: Point = [p2[0] + side.out[0] * last, p2[1] + side.out[1] * last];
      out += drawTrace([[ex, ey], p1, p2, p3], r.chance(0.18));
    }
  }
  out += pins;
  out += rect(cx - size / 2, cy - size / 2, size, size, tone(s.ink, -6), ` rx="${n(size * 0.06)}"`);
  out += rect(cx - size * 0.32, cy - size * 0.32, size * 0.64, size * 0.64, 'none', ` rx="${n(size * 0.04)}" stroke="${trace}" stroke-width="${n(strokeW * 0.8)}"${opacity(0.6)}`);
  out += circle(cx - size * 0.36, cy - size * 0.36, size * 0.035, tone(s.paper, -30));
  for (let i = r.int(4, 8); i > 0; i--) {
    const x = r.range(0.05, 0.95) * w;
    const y = r.range(0.05, 0.95) * h;
    if (Math.abs(x - cx) < size && Math.abs(y - cy) < size) continue;
    const cw = h * r.range(0.03, 0.05);
    out += rect(x, y, cw, cw * 0.5, tone(s.ink, 5)) + rect(x, y, cw * 0.22, cw * 0.5, tone(s.paper, -25)) + rect(x + cw * 0.78, y, cw * 0.22, cw * 0.5, tone(s.paper, -25));
  }
  return out;
};

const drawGlobe: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.5);
  let out = sky(scene, night);
  out += stars(scene, night ? r.int(40, 70) : 0, h);
  const radius = Math.min(w, h) * r.range(0.3, 0.37);
  const cx = w * r.range(0.4, 0.6);
  const cy = h * r.range(0.46, 0.54);
  const sea = accentNear(s, 215);
  const land = accentNear(s, 110);
  const clip = scene.uid();
  scene.defs.push(`<clipPath id="${clip}"><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}"/></clipPath>`);
  const tilt = r.range(-25, -12);
  const ringRx = radius * r.range(1.3, 1.45);
  const ringRy = radius * r.range(0.22, 0.32);
  const ringColor = tone(accent(s, 2), 10, 10);
  const ringW = radius * 0.025;
  out += `<g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})"><ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(ringRx)}" ry="${n(ringRy)}" fill="none" stroke="${ringColor}" stroke-width="${n(ringW)}"${opacity(0.7)}/></g>`;
  out += circle(cx, cy, radius * 1.08, tone(sea, 30), opacity(0.2));
  out += circle(cx, cy, radius, tone(sea, -6, -5));
  let continents = '';
  for (let i = r.int(3, 5); i > 0; i--) {
    const angle = r.range(0, Math.PI * 2);
    const dist = radius * r.range(0, 0.75);
    const bx = cx + Math.cos(angle) * dist;
    const by = cy + Math.sin(angle) * dist;
    const size = radius * r.range(0.18, 0.4);
    const k = r.int(7, 10);
    const pts: Point[] = [];
    for (let j = 0; j < k; j++) {
      const a = (j / k) * Math.PI * 2;
      const rr = size * r.range(0.55, 1.15);
      pts.push([bx + Math.cos(a) * rr * 1.2, by + Math.sin(a) * rr]);
    }
    continents += smoothD(pts, true);
  }
  let grid = '';
  for (let i = 1; i <= 3; i++) {
    const rx = radius * Math.cos((i * Math.PI) / 8);
    grid += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(radius - rx + radius * 0.05 * i)}" ry="${n(radius)}"/>`;
  }
  for (let i = -2; i <= 2; i++) {
    const lat = (i * Math.PI) / 7;
    const half = radius * Math.cos(lat);
    grid += `<ellipse cx="${n(cx)}" cy="${n(cy + radius * Math.sin(lat))}" rx="${n(half)}" ry="${n(half * 0.1)}"/>`;
  }
  grid += `<line x1="${n(cx)}" y1="${n(cy - radius)}" x2="${n(cx)}" y2="${n(cy + radius)}"/>`;
  const shade = scene.uid();
  scene.defs.push(`<radialGradient id="${shade}" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="0.55" stop-color="#ffffff" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.3"/></radialGradient>`);
  let routes = '';
  const dotsOnGlobe: Point[] = [];
  for (let i = r.int(2, 4); i > 0; i--) {
    const a: Point = [cx + radius * r.range(-0.7, 0), cy + radius * r.range(-0.5, 0.6)];
    const b: Point = [cx + radius * r.range(0.1, 0.75), cy + radius * r.range(-0.5, 0.6)];
    routes += `M${n(a[0])} ${n(a[1])}Q${n((a[0] + b[0]) / 2)} ${n(Math.min(a[1], b[1]) - radius * r.range(0.3, 0.6))} ${n(b[0])} ${n(b[1])}`;
    dotsOnGlobe.push(a, b);
  }
  out +=
    `<g clip-path="url(#${clip})">` +
    path(continents, tone(land, 6, -8)) +
    `<g fill="none" stroke="#ffffff" stroke-width="${n(radius * 0.008)}" opacity="0.35">${grid}</g>` +
    rect(cx - radius, cy - radius, radius * 2, radius * 2, `url(#${shade})`) +
    `</g>`;
  out += `<path d="${routes}" fill="none" stroke="${tone(accent(s, 2), 25, 20)}" stroke-width="${n(radius * 0.014)}" stroke-dasharray="${n(radius * 0.04)} ${n(radius * 0.03)}" stroke-linecap="round"/>`;
  for (const [x, y] of dotsOnGlobe) out += circle(x, y, radius * 0.025, '#ffffff', ` stroke="${tone(accent(s, 2), 0)}" stroke-width="${n(radius * 0.012)}"`);
  // The front half of the ring (sweep 0 runs under the centre) passes in front of the globe.
  const sat = r.range(0.15, 0.85) * Math.PI;
  out +=
    `<g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})"><path d="M${n(cx - ringRx)} ${n(cy)}A${n(ringRx)} ${n(ringRy)} 0 0 0 ${n(cx + ringRx)} ${n(cy)}" fill="none" stroke="${ringColor}" stroke-width="${n(ringW)}"/>` +
    circle(cx + Math.cos(sat) * ringRx, cy + Math.sin(sat) * ringRy, radius * 0.045, tone(s.paper, 0), ` stroke="${ringColor}" stroke-width="${n(ringW * 0.8)}"`) +
    `</g>`;
  return out;
};

const drawTrain: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.28) * h, h * r.range(0.05, 0.08), dusk);
  if (!dusk) out += clouds(scene, r.int(1, 3), h * 0.3);
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.5, 0.58), h * 0.05), w, h), tone([accent(s, 0)[0], 22, dusk ? 28 : 70]));
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.62, 0.68), h * 0.035), w, h), tone([accent(s, 1)[0], 30, dusk ? 20 : 58]));
  const rail = h * r.range(0.7, 0.76);
  const carH = h * r.range(0.1, 0.13);
  const deckH = h * 0.035;
  const structure = tone(s.ink, dusk ? 8 : 35, -15);
  let scenery = '';
  const poleGap = w * r.range(0.14, 0.2);
  const poleStart = r.range(0, poleGap);
  for (let x = poleStart; x < w; x += poleGap) {
    scenery += rect(x, rail + deckH, w * 0.03, h - rail, structure) + rect(x - w * 0.004, rail - carH * 1.9, w * 0.006, carH * 1.9, tone(s.ink, 20));
    scenery += rect(x - w * 0.02, rail - carH * 1.75, w * 0.04, h * 0.006, tone(s.ink, 20));
  }
  scenery += rect(0, rail, w, deckH, structure) + rect(0, rail, w, deckH * 0.25, tone(s.ink, 10));
  scenery += `<path d="M0 ${n(rail - carH * 1.7)}${Array.from({ length: Math.ceil(w / poleGap) + 1 }, (_, i) => `Q${n(poleStart + (i - 0.5) * poleGap)} ${n(rail - carH * 1.6)} ${n(poleStart + i * poleGap)} ${n(rail - carH * 1.7)}`).join('')}" fill="none" stroke="${tone(s.ink, 15)}" stroke-width="${n(h * 0.003)}"/>`;

  const bullet = r.chance(0.55);
  const body = bullet ? '#f4f6f8' : tone(accent(s, 2), 10, -5);
  const stripe = bullet ? tone(accent(s, 0), -5, 10) : tone(accent(s, 3), 15, 10);
  const carL = w * r.range(0.2, 0.26);
  const gap = w * 0.006;
  const top = rail - carH - h * 0.012;
  const cars = r.int(3, 5);
  const front = w * r.range(0.62, 0.95);
  let train = '';
  for (let i = 0; i < cars; i++) {
    const x1 = front - i * (carL + gap);
    const x0 = x1 - carL;
    if (i === 0) {
      const nose = bullet ? carL * 0.45 : carH * 0.12;
      const d = bullet
        ? `M${n(x0)} ${n(top)}L${n(x1 - nose)} ${n(top)}C${n(x1 - nose * 0.3)} ${n(top)} ${n(x1 + nose * 0.1)} ${n(top + carH * 0.65)} ${n(x1 + nose * 0.2)} ${n(top + carH)}L${n(x0)} ${n(top + carH)}Z`
        : `M${n(x0)} ${n(top)}L${n(x1 - nose)} ${n(top)}Q${n(x1)} ${n(top)} ${n(x1)} ${n(top + nose)}L${n(x1)} ${n(top + carH)}L${n(x0)} ${n(top + carH)}Z`;
      train += path(d, body);
      train += bullet
        ? path(`M${n(x1 - nose * 0.85)} ${n(top + carH * 0.08)}C${n(x1 - nose * 0.5)} ${n(top + carH * 0.08)} ${n(x1 - nose * 0.3)} ${n(top + carH * 0.2)} ${n(x1 - nose * 0.2)} ${n(top + carH * 0.35)}L${n(x1 - nose * 0.85)} ${n(top + carH * 0.35)}Z`, tone(s.ink, 10))
        : rect(x1 - carH * 0.06, top + carH * 0.12, carH * 0.06, carH * 0.4, tone(s.ink, 10));
      train += rect(x0, top + carH * 0.62, carL - nose * 0.15 + (bullet ? nose * 0.05 : 0), carH * 0.1, stripe);
    } else {
      train += rect(x0, top, carL, carH, body, ` rx="${n(carH * 0.12)}"`);
      train += rect(x0, top + carH * 0.62, carL, carH * 0.1, stripe);
    }
    const windows = bullet ? 9 : 6;
    const usable = carL * (i === 0 ? (bullet ? 0.5 : 0.85) : 0.9);
    for (let k = 0; k < windows; k++) {
      const wx = x0 + carL * 0.05 + (usable / windows) * k;
      train += rect(wx, top + carH * 0.2, (usable / windows) * (bullet ? 0.6 : 0.7), carH * (bullet ? 0.2 : 0.3), tone(s.ink, 15), ` rx="${n(carH * 0.03)}"`);
    }
    if (!bullet) train += rect(x0 + carL * 0.45, top + carH * 0.15, carL * 0.08, carH * 0.8, tone(accent(s, 2), -10, -5));
    train += rect(x0 + carL * 0.1, top + carH, carL * 0.18, h * 0.012, tone(s.ink, 0)) + rect(x1 - carL * 0.28, top + carH, carL * 0.18, h * 0.012, tone(s.ink, 0));
    if (!bullet) train += polygon([[x0 + carL * 0.4, top], [x0 + carL * 0.5, top - carH * 0.35], [x0 + carL * 0.6, top]], 'none', ` stroke="${tone(s.ink, 15)}" stroke-width="${n(h * 0.004)}"`);
  }
  const tail = front - cars * (carL + gap);
  for (let i = r.int(3, 6); i > 0; i--) {
    const y = top + carH * r.range(0.1, 0.9);
    const x = Math.max(0, tail) - w * r.range(0.02, 0.1);
    train += line(x, y, x + w * r.range(0.06, 0.14), y, '#ffffff', h * 0.005, opacity(0.6));
  }
  out += maybeMirror(scene, scenery + train, r.chance(0.5));
  return out;
};

const drawStage: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wall = accent(s, 0);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([wall[0], 35, 10]), tone([wall[0], 40, 20])));
  const floorTop = h * r.range(0.7, 0.76);
  const beams = r.int(2, 4);
  const beamColor = tone([accent(s, 2)[0], 80, 85]);
  const spots: Point[] = [];
  for (let i = 0; i < beams; i++) {
    const tx = w * (0.2 + (0.6 * (i + 0.5)) / beams) + r.range(-0.05, 0.05) * w;
    const fx = w * r.range(0.3, 0.7) + (i - (beams - 1) / 2) * w * 0.15;
    const spread = w * r.range(0.08, 0.12);
    spots.push([fx, floorTop + (h - floorTop) * 0.35]);
    out += polygon([[tx - w * 0.015, 0], [tx + w * 0.015, 0], [fx + spread, floorTop + (h - floorTop) * 0.35], [fx - spread, floorTop + (h - floorTop) * 0.35]], beamColor, opacity(0.14));
  }
  out += rect(0, floorTop, w, h - floorTop, tone([accent(s, 3)[0], 30, 22]));
  out += rect(0, floorTop, w, h * 0.01, tone([accent(s, 3)[0], 35, 34]));
  for (const [x, y] of spots) out += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w * 0.11)}" ry="${n((h - floorTop) * 0.2)}" fill="${beamColor}" opacity="0.3"/>`;
  const performer = tone([wall[0], 30, 6]);
  for (const [x, y] of spots.slice(0, r.int(1, spots.length))) {
    const ph = h * r.range(0.28, 0.36);
    const raised = r.chance(0.5);
    out += path(`M${n(x - ph * 0.16)} ${n(y)}L${n(x - ph * 0.12)} ${n(y - ph * 0.62)}Q${n(x)} ${n(y - ph * 0.78)} ${n(x + ph * 0.12)} ${n(y - ph * 0.62)}L${n(x + ph * 0.16)} ${n(y)}Z`, performer);
    out += circle(x, y - ph * 0.86, ph * 0.1, performer);
    out += line(x - ph * 0.1, y - ph * 0.62, x - ph * (raised ? 0.28 : 0.22), y - ph * (raised ? 0.95 : 0.3), performer, ph * 0.06);
    out += line(x + ph * 0.1, y - ph * 0.62, x + ph * 0.26, y - ph * (raised ? 0.9 : 0.5), performer, ph * 0.06);
  }
  const curtain = accent(s, 1);
  const curtainW = w * r.range(0.12, 0.18);
  let folds = '';
  for (const side of [0, 1]) {
    const x0 = side ? w - curtainW : 0;
    const inner = side ? w - curtainW : curtainW;
    const outer = side ? w : 0;
    const tie = h * r.range(0.55, 0.65);
    const d = `M${n(outer)} 0L${n(inner)} 0Q${n(inner + (side ? 1 : -1) * curtainW * 0.1)} ${n(tie * 0.7)} ${n(outer + (side ? -1 : 1) * curtainW * 0.35)} ${n(tie)}Q${n(inner)} ${n(tie + h * 0.15)} ${n(inner + (side ? -1 : 1) * curtainW * 0.1)} ${n(h)}L${n(outer)} ${n(h)}Z`;
    out += path(d, tone(curtain, -12, 5));
    for (let k = 1; k < 4; k++) folds += `M${n(x0 + (curtainW * k) / 4)} 0L${n(x0 + (curtainW * k) / 4 + (side ? 1 : -1) * curtainW * 0.05)} ${n(tie)}`;
  }
  out += `<path d="${folds}" stroke="${tone(curtain, -28)}" stroke-width="${n(w * 0.006)}" opacity="0.6"/>`;
  const scallops = r.int(7, 11);
  const valance = h * 0.09;
  let d = `M0 0L${w} 0L${w} ${n(valance)}`;
  for (let i = scallops; i > 0; i--) d += `Q${n((w * (i - 0.5)) / scallops)} ${n(valance * 1.6)} ${n((w * (i - 1)) / scallops)} ${n(valance)}`;
  out += path(`${d}Z`, tone(curtain, -18, 5));
  const audience = tone([wall[0], 25, 4]);
  for (const [row, scale] of [[0, 0.08], [1, 0.1]] as const) {
    const y = h * (row ? 1.02 : 0.96);
    for (let x = -r.range(0, scale) * h; x < w + scale * h; x += scale * h * r.range(1.1, 1.4)) {
      out += circle(x, y - scale * h * 1.05, scale * h * 0.42, audience) + rect(x - scale * h * 0.6, y - scale * h * 0.6, scale * h * 1.2, scale * h, audience, ` rx="${n(scale * h * 0.4)}"`);
    }
  }
  return out;
};

const drawBooks: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.paper, -6), tone(s.paper, -14)));
  const shelves = h > w ? 3 : 2;
  const plank = h * 0.035;
  const wood = tone([accent(s, 3)[0], 30, 38]);
  const margin = w * 0.06;
  for (let i = 0; i < shelves; i++) {
    const floor = h * (0.12 + ((i + 1) * 0.82) / shelves) - plank;
    const room = (h * 0.82) / shelves - plank * 1.5;
    let x = margin + r.range(0, 0.04) * w;
    while (x < w - margin) {
      const roll = r.next();
      if (roll < 0.06 && x < w - margin - w * 0.12) {
        // A short pile of books lying flat.
        let y = floor;
        const pileW = w * r.range(0.09, 0.13);
        for (let k = r.int(2, 4); k > 0; k--) {
          const bh = room * r.range(0.08, 0.12);
          const inset = r.range(0, 0.1) * pileW;
          out += rect(x + inset, y - bh, pileW - inset, bh, tone(accent(s, r.int(0, 3)), r.range(-10, 12), -10), ` rx="${n(bh * 0.1)}"`);
          y -= bh;
        }
        x += pileW + w * 0.01;
        continue;
      }
      if (roll < 0.1 && x < w - margin - w * 0.06) {
        const pot = room * 0.3;
        out += path(`M${n(x)} ${n(floor - pot)}L${n(x + pot)} ${n(floor - pot)}L${n(x + pot * 0.85)} ${n(floor)}L${n(x + pot * 0.15)} ${n(floor)}Z`, tone(accent(s, 1), -5));
        for (let k = 0; k < 5; k++) out += `<ellipse cx="${n(x + pot * 0.5 + (k - 2) * pot * 0.22)}" cy="${n(floor - pot - pot * 0.5)}" rx="${n(pot * 0.14)}" ry="${n(pot * 0.45)}" fill="${tone([accentNear(s, 130)[0], 40, 35])}" transform="rotate(${(k - 2) * 18} ${n(x + pot * 0.5)} ${n(floor - pot)})"/>`;
        x += pot + w * 0.015;
        continue;
      }
      const bw = w * r.range(0.018, 0.04);
      const bh = room * r.range(0.55, 0.92);
      const color = accent(s, r.int(0, 3));
      const fill = tone(color, r.range(-14, 14), r.range(-15, 5));
      const lean = roll > 0.93 ? r.range(8, 16) : 0;
      const spine =
        rect(x, floor - bh, bw, bh, fill, ` rx="${n(bw * 0.08)}"`) +
        rect(x, floor - bh * 0.88, bw, bh * 0.04, tone(color, 25), opacity(0.8)) +
        (r.chance(0.5) ? rect(x + bw * 0.2, floor - bh * 0.7, bw * 0.6, bh * 0.25, tone(color, 30), opacity(0.6)) : rect(x, floor - bh * 0.14, bw, bh * 0.04, tone(color, 25), opacity(0.8)));
      if (lean) {
        out += `<g transform="rotate(${n(lean)} ${n(x + bw)} ${n(floor)})">${spine}</g>`;
        x += bw + bh * Math.sin((lean * Math.PI) / 180) + w * 0.005;
      } else {
        out += spine;
        x += bw + w * r.range(0.001, 0.004);
      }
    }
    out += rect(0, floor, w, plank, wood) + rect(0, floor + plank, w, plank * 0.4, tone([accent(s, 3)[0], 30, 24]));
  }
  return out;
};

const drawWaves: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  const horizon = h * r.range(0.42, 0.52);
  const sunX = r.range(0.15, 0.85) * w;
  out += sun(scene, sunX, horizon - h * r.range(0.05, 0.2), h * r.range(0.07, 0.11), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), horizon * 0.6);
  const sea = accentNear(s, 205);
  const layers = r.int(4, 6);
  let boatDrawn = false;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = horizon + (h - horizon) * t * 0.85;
    const amp = h * (0.012 + t * 0.05);
    const waves = r.range(2, 4) + (1 - t) * 4;
    const phase = r.range(0, Math.PI * 2);
    const crest = (x: number): number => {
      const p = (x / w) * waves * Math.PI * 2 + phase;
      // |sin| flipped gives sharp crests and round troughs, like a woodblock wave.
      return base - amp * (1 - Math.abs(Math.sin(p / 2)) * 2) - amp * 0.3 * Math.sin(p * 1.7);
    };
    const fill = tone([sea[0] + t * 10, 50 + t * 10, dusk ? 30 - t * 14 : 68 - t * 34]);
    out += path(areaBelow(crest, w, h, Math.round(waves * 8)), fill);
    const foam: Point[] = [];
    for (let k = 0; k <= 48; k++) foam.push([(w * k) / 48, crest((w * k) / 48) + h * 0.006]);
    out += `<path d="${smoothD(foam, false)}" fill="none" stroke="#ffffff" stroke-width="${n(h * (0.003 + t * 0.006))}" opacity="${dusk ? 0.35 : 0.7}"/>`;
    if (t > 0.5) {
      for (let k = r.int(4, 9); k > 0; k--) {
        const x = r.range(0, w);
        out += circle(x, crest(x) + r.range(0.01, 0.05) * h, h * r.range(0.004, 0.01), '#ffffff', opacity(0.7));
      }
    }
    if (!boatDrawn && i === 1 && r.chance(0.6)) {
      boatDrawn = true;
      const bx = r.range(0.2, 0.8) * w;
      const by = crest(bx) + h * 0.005;
      const size = h * r.range(0.06, 0.09);
      out += path(`M${n(bx - size)} ${n(by - size * 0.25)}L${n(bx + size)} ${n(by - size * 0.25)}L${n(bx + size * 0.7)} ${n(by)}L${n(bx - size * 0.7)} ${n(by)}Z`, tone(s.ink, 10));
      out += polygon([[bx, by - size * 1.6], [bx, by - size * 0.35], [bx + size * 0.8, by - size * 0.35]], '#fbfbf8') + polygon([[bx - size * 0.08, by - size * 1.3], [bx - size * 0.08, by - size * 0.35], [bx - size * 0.6, by - size * 0.35]], tone(accent(s, 1), 15));
    }
  }
  if (!dusk) out += birds(scene, r.int(2, 5), horizon * 0.7);
  return out;
};

const drawCrowd: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.skyTop, 4), tone(s.skyBottom, 2)));
  if (r.chance(0.6)) {
    let skyline = '';
    for (let x = 0; x < w; x += w * r.range(0.05, 0.1)) {
      const bh = h * r.range(0.15, 0.4);
      skyline += `M${n(x)} ${n(h)}V${n(h * 0.62 - bh)}H${n(x + w * r.range(0.04, 0.08))}V${n(h)}Z`;
    }
    out += path(skyline, tone(s.skyBottom, -12, -20), opacity(0.6));
  } else {
    out += sun(scene, r.range(0.15, 0.85) * w, h * r.range(0.12, 0.25), h * r.range(0.06, 0.09), false);
  }
  const rows = r.int(4, 5);
  const extra = r.pick(['placards', 'umbrellas', 'bubbles'] as const);
  let extras = '';
  for (let i = 0; i < rows; i++) {
    const t = i / (rows - 1);
    const size = h * (0.1 + t * 0.12);
    const baseline = h * (0.5 + t * 0.55);
    let x = -r.range(0, 0.5) * size;
    while (x < w + size) {
      const c = accent(s, r.int(0, 3));
      const body = tone(c, 6 - t * 14 + r.range(-6, 6), -10 - (1 - t) * 20);
      const bw = size * r.range(0.75, 0.95);
      const bh = size * r.range(0.85, 1.05);
      const head = size * r.range(0.2, 0.24);
      const top = baseline - bh;
      out += path(`M${n(x - bw / 2)} ${n(baseline)}V${n(top + bw * 0.3)}Q${n(x - bw / 2)} ${n(top)} ${n(x - bw * 0.2)} ${n(top)}H${n(x + bw * 0.2)}Q${n(x + bw / 2)} ${n(top)} ${n(x + bw / 2)} ${n(top + bw * 0.3)}V${n(baseline)}Z`, body);
      out += circle(x, top - head * 1.05, head, tone([c[0], 25, 22 + (1 - t) * 30]));
      if (i > 0 && i < rows - 1 && r.chance(0.12)) {
        const ex = x + bw * 0.3;
        const ey = top - size * 0.9;
        if (extra === 'placards') {
          extras += line(ex, ey, ex, top + bh * 0.2, tone(s.ink, 20), size * 0.04) + rect(ex - size * 0.4, ey - size * 0.45, size * 0.8, size * 0.5, tone(accent(s, r.int(0, 3)), 25, 10), ` rx="${n(size * 0.04)}"`);
        } else if (extra === 'umbrellas') {
          extras += path(`M${n(ex - size * 0.7)} ${n(ey + size * 0.3)}A${n(size * 0.7)} ${n(size * 0.55)} 0 0 1 ${n(ex + size * 0.7)} ${n(ey + size * 0.3)}Z`, tone(accent(s, r.int(0, 3)), 8, 10)) + line(ex, ey + size * 0.3, ex, top, tone(s.ink, 20), size * 0.035);
        } else {
          extras += rect(ex - size * 0.35, ey - size * 0.5, size * 0.9, size * 0.5, '#ffffff', ` rx="${n(size * 0.2)}"${opacity(0.9)}`) + polygon([[ex - size * 0.1, ey], [ex + size * 0.1, ey], [ex - size * 0.15, ey + size * 0.2]], '#ffffff', opacity(0.9));
        }
      }
      x += bw * r.range(0.95, 1.25);
    }
    if (i === rows - 3 || (rows === 4 && i === 1)) {
      out += extras;
      extras = '';
    }
  }
  return out + extras;
};

/** A flag on a pole: three stripes and a disc in the scheme's accents, meant to match no real country's. */
function flag(scene: Scene, x: number, top: number, poleH: number, size: number, wave: number): string {
  const { r, s } = scene;
  const fw = size * 1.5;
  const fh = size;
  const colors = [accent(s, r.int(0, 3)), tone(s.paper, 2), accent(s, r.int(0, 3))];
  const vertical = r.chance(0.5);
  const id = scene.uid();
  const shape = `M${n(x)} ${n(top)}Q${n(x + fw * 0.5)} ${n(top - wave)} ${n(x + fw)} ${n(top)}V${n(top + fh)}Q${n(x + fw * 0.5)} ${n(top + fh - wave)} ${n(x)} ${n(top + fh)}Z`;
  scene.defs.push(`<clipPath id="${id}"><path d="${shape}"/></clipPath>`);
  let stripes = '';
  for (let i = 0; i < 3; i++) {
    const fill = typeof colors[i] === 'string' ? (colors[i] as string) : tone(colors[i] as Hsl);
    stripes += vertical ? rect(x + (fw * i) / 3, top - wave, fw / 3 + 1, fh + wave * 2, fill) : rect(x, top - wave + ((fh + wave * 2) * i) / 3, fw, (fh + wave * 2) / 3 + 1, fill);
  }
  // A disc in the canton makes a plain tricolour less likely to read as a real country's flag.
  stripes += circle(x + fw * 0.22, top + fh * 0.28, fh * 0.16, tone(accent(s, r.int(0, 3)), -12));
  return line(x, top - size * 0.1, x, top + poleH, tone(s.ink, 30, -20), size * 0.06) + `<g clip-path="url(#${id})">${stripes}</g>`;
}

/** A press-conference lectern with a cluster of microphones: statements, summits, cabinet decisions. */
const drawPodium: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wall = accent(s, 0);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([wall[0], 38, 30]), tone([wall[0], 42, 18])));
  // A backdrop of repeated emblems, as press rooms have; shapes only, no lettering.
  const cell = h * r.range(0.11, 0.15);
  const emblem = r.int(0, 2);
  let pattern = '';
  for (let y = cell * 0.5; y < h * 0.8; y += cell) {
    for (let x = ((Math.round(y / cell) % 2) * cell) / 2; x < w + cell; x += cell) {
      if (emblem === 0) pattern += circle(x, y, cell * 0.16, '#ffffff');
      else if (emblem === 1) pattern += polygon([[x, y - cell * 0.18], [x + cell * 0.18, y], [x, y + cell * 0.18], [x - cell * 0.18, y]], '#ffffff');
      else pattern += rect(x - cell * 0.2, y - cell * 0.05, cell * 0.4, cell * 0.1, '#ffffff');
    }
  }
  out += `<g opacity="0.07">${pattern}</g>`;
  const floorTop = h * 0.8;
  out += rect(0, floorTop, w, h - floorTop, tone([accent(s, 3)[0], 25, 24]));
  out += rect(0, floorTop, w, h * 0.008, tone([accent(s, 3)[0], 30, 34]));
  const cx = w * r.range(0.42, 0.58);
  // Flags behind the speaker, on one or both sides.
  const flags = r.int(1, 3);
  for (let i = 0; i < flags; i++) {
    const side = i % 2 === 0 ? -1 : 1;
    const fx = cx + side * w * (0.17 + Math.floor(i / 2) * 0.14) - (side < 0 ? h * 0.12 : 0);
    out += flag(scene, fx, h * r.range(0.18, 0.24), h * 0.6, h * r.range(0.1, 0.13), h * r.range(0.01, 0.03));
  }
  // Lectern: a tapered front with a round seal.
  const topY = h * r.range(0.5, 0.55);
  const lw = w * r.range(0.14, 0.18);
  const woodHsl: Hsl = r.chance(0.5) ? [30, 35, 30] : [accent(s, 1)[0], 45, 36];
  const wood = tone(woodHsl);
  out += polygon([[cx - lw / 2, topY], [cx + lw / 2, topY], [cx + lw * 0.42, floorTop], [cx - lw * 0.42, floorTop]], wood);
  out += rect(cx - lw * 0.56, topY - h * 0.02, lw * 1.12, h * 0.03, tone([30, 30, 20]));
  out += rect(cx - lw * 0.5, topY + h * 0.012, lw, h * 0.008, tone(woodHsl, 10), opacity(0.6));
  out += circle(cx, topY + (floorTop - topY) * 0.35, lw * 0.16, tone(accent(s, 2), 10, 10)) + circle(cx, topY + (floorTop - topY) * 0.35, lw * 0.11, wood);
  // Microphones fanning out from the lectern's edge towards the speaker's place.
  const mics = r.int(3, 7);
  for (let i = 0; i < mics; i++) {
    const t = mics === 1 ? 0.5 : i / (mics - 1);
    const bx = cx + (t - 0.5) * lw * 0.8;
    const tx = cx + (t - 0.5) * lw * 0.35 + r.range(-0.01, 0.01) * w;
    const ty = topY - h * r.range(0.12, 0.17);
    out += line(bx, topY - h * 0.02, tx, ty, tone(s.ink, 8), h * 0.006);
    const angle = (Math.atan2(ty - topY, tx - bx) * 180) / Math.PI + 90;
    const mh = h * 0.06;
    out += `<g transform="translate(${n(tx)} ${n(ty)}) rotate(${n(angle)})"><rect x="${n(-mh * 0.25)}" y="${n(-mh)}" width="${n(mh * 0.5)}" height="${n(mh)}" rx="${n(mh * 0.25)}" fill="${tone(s.ink, 4)}"/><rect x="${n(-mh * 0.3)}" y="${n(-mh * 0.45)}" width="${n(mh * 0.6)}" height="${n(mh * 0.28)}" fill="${tone(accent(s, i), 5, 10)}"/></g>`;
  }
  // The press seen from behind: heads and raised cameras along the bottom edge.
  const press = tone([wall[0], 25, 7]);
  let x = -r.range(0, 0.05) * w;
  while (x < w * 1.05) {
    const size = h * r.range(0.09, 0.12);
    const y = h * 1.02;
    out += rect(x - size * 0.7, y - size * 0.75, size * 1.4, size, press, ` rx="${n(size * 0.4)}"`) + circle(x, y - size * 0.95, size * 0.38, press);
    if (r.chance(0.3)) {
      const camY = y - size * r.range(1.6, 2.1);
      out += rect(x - size * 0.35, camY, size * 0.7, size * 0.45, press, ` rx="${n(size * 0.06)}"`) + circle(x + size * 0.1, camY + size * 0.22, size * 0.14, tone(s.ink, 30));
      out += line(x - size * 0.1, camY + size * 0.45, x - size * 0.2, y - size * 1.1, press, size * 0.12);
    }
    x += size * r.range(1.1, 1.5);
  }
  return maybeMirror(scene, out, r.chance(0.5));
};

/** A columned public building on a plaza: parliaments, central banks, city halls, courts. */
const drawHall: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.pick([0.12, 0.88]) * w, r.range(0.12, 0.25) * h, h * r.range(0.05, 0.07), dusk);
  if (!dusk) out += clouds(scene, r.int(1, 3), h * 0.28);
  const ground = h * r.range(0.8, 0.86);
  const stone = dusk ? tone([accent(s, 2)[0], 12, 62]) : tone([accent(s, 2)[0], 14, 88]);
  const shade = dusk ? tone([accent(s, 2)[0], 14, 44]) : tone([accent(s, 2)[0], 12, 70]);
  const cols = r.pick([4, 6, 6, 8]);
  const bw = w * r.range(0.48, 0.62);
  const cx = w * r.range(0.42, 0.58);
  const x0 = cx - bw / 2;
  const steps = r.int(3, 5);
  const stepH = h * 0.018;
  const base = ground - steps * stepH;
  const colH = h * r.range(0.3, 0.36);
  const entTop = base - colH;
  // Wings either side of the portico.
  const wingW = bw * r.range(0.25, 0.4);
  const wingTop = entTop + colH * r.range(0.05, 0.2);
  for (const wx of [x0 - wingW, x0 + bw]) {
    out += rect(wx, wingTop, wingW, base - wingTop, shade);
    for (let k = 0; k < 2; k++) {
      for (let c = 0; c < 4; c++) out += rect(wx + (wingW * (c + 0.3)) / 4, wingTop + (base - wingTop) * (0.18 + k * 0.42), (wingW / 4) * 0.4, (base - wingTop) * 0.26, tone(s.ink, dusk ? 10 : 30), dusk ? opacity(0.9) : opacity(0.5));
    }
  }
  // A pediment or a flat attic storey, and sometimes a dome behind; the flag flies from the highest point.
  const pedH = h * r.range(0.09, 0.12);
  const entab = h * 0.035;
  const roofY = entTop - entab;
  const pediment = r.chance(0.7);
  let crown = pediment ? roofY - pedH : roofY - pedH * 0.6;
  if (r.chance(0.45)) {
    const drumTop = crown - h * 0.05;
    // Keep the dome and its lantern inside the frame.
    const dr = Math.min(bw * r.range(0.16, 0.22), (drumTop - h * 0.08) / 0.9);
    if (dr > bw * 0.1) {
      out += rect(cx - dr * 0.9, drumTop, dr * 1.8, crown - drumTop + pedH, shade);
      out += path(`M${n(cx - dr)} ${n(drumTop)}A${n(dr)} ${n(dr * 0.9)} 0 0 1 ${n(cx + dr)} ${n(drumTop)}Z`, dusk ? tone([accent(s, 1)[0], 25, 36]) : tone([accent(s, 1)[0], 25, 62]));
      out += rect(cx - dr * 0.12, drumTop - dr * 0.9 - h * 0.03, dr * 0.24, h * 0.035, shade);
      crown = drumTop - dr * 0.9 - h * 0.03;
    }
  }
  out += rect(x0 - bw * 0.02, roofY, bw * 1.04, entab, stone) + rect(x0 - bw * 0.02, roofY + entab * 0.7, bw * 1.04, entab * 0.3, shade);
  if (pediment) {
    out += polygon([[x0 - bw * 0.03, roofY], [cx, roofY - pedH], [x0 + bw * 1.03, roofY]], stone);
    out += polygon([[x0 + bw * 0.06, roofY - pedH * 0.12], [cx, roofY - pedH * 0.8], [x0 + bw * 0.94, roofY - pedH * 0.12]], shade, opacity(0.5));
  } else {
    out += rect(x0 + bw * 0.02, roofY - pedH * 0.6, bw * 0.96, pedH * 0.6, stone) + rect(x0 + bw * 0.02, roofY - pedH * 0.6, bw * 0.96, h * 0.008, shade);
  }
  // Dark interior behind the colonnade, then the columns.
  out += rect(x0 + bw * 0.02, entTop, bw * 0.96, colH, tone(s.ink, dusk ? 2 : 22));
  const doorW = bw / cols / 2;
  out += rect(cx - doorW / 2, base - colH * 0.45, doorW, colH * 0.45, dusk ? '#ffd980' : tone(s.ink, 8), dusk ? opacity(0.7) : '');
  const colW = (bw / cols) * 0.42;
  for (let i = 0; i < cols; i++) {
    const x = x0 + (bw * (i + 0.5)) / cols;
    out += rect(x - colW / 2, entTop, colW, colH, stone);
    out += rect(x - colW * 0.62, entTop, colW * 1.24, colH * 0.04, stone) + rect(x - colW * 0.62, base - colH * 0.04, colW * 1.24, colH * 0.04, stone);
    for (let f = 1; f < 4; f++) out += line(x - colW / 2 + (colW * f) / 4, entTop + colH * 0.06, x - colW / 2 + (colW * f) / 4, base - colH * 0.06, shade, colW * 0.05, opacity(0.7));
  }
  for (let k = 0; k < steps; k++) {
    const spread = bw * (0.04 + k * 0.025);
    out += rect(x0 - spread, base + k * stepH, bw + spread * 2, stepH, k % 2 ? stone : tone([accent(s, 2)[0], 12, dusk ? 56 : 82]));
  }
  out += rect(0, ground, w, h - ground, dusk ? tone(s.ink, 8) : tone([accent(s, 2)[0], 10, 72]));
  const poleH = Math.min(h * r.range(0.08, 0.12), crown - h * 0.03);
  // Under a tall dome there is no room for a pole inside the frame.
  if (poleH > h * 0.06) out += flag(scene, cx, crown - poleH, poleH, h * 0.055, h * 0.01);
  // Trees and lamps on the plaza.
  const leaf = tone([accentNear(s, 120)[0], 35, dusk ? 18 : 34]);
  for (const side of [-1, 1]) {
    for (let i = r.int(1, 3); i > 0; i--) {
      const tx = cx + side * (bw / 2 + wingW + w * r.range(0.02, 0.12));
      const size = h * r.range(0.07, 0.1);
      out += rect(tx - size * 0.08, ground - size * 1.3, size * 0.16, size * 1.3, tone(s.ink, 12)) + circle(tx, ground - size * 1.6, size * 0.75, leaf);
    }
  }
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.3);
  return out;
};

/** Works on an industrial estate: a chip fab's clean white halls or a sawtooth factory with chimneys. */
const drawFactory: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.25) * h, h * r.range(0.05, 0.08), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), h * 0.25);
  if (r.chance(0.6)) out += path(areaBelow(rollingLine(r, w, h * r.range(0.42, 0.5), h * 0.06), w, h), tone([accent(s, 0)[0], 20, dusk ? 26 : 72]));
  const ground = h * r.range(0.78, 0.84);
  out += rect(0, ground, w, h - ground, tone([accentNear(s, 120)[0], 22, dusk ? 18 : 52]));
  const fab = r.chance(0.5);
  const wall = dusk ? tone(s.paper, -55) : tone(s.paper, -2);
  const trim = tone(accent(s, 1), dusk ? -15 : 0);
  const glass = dusk ? '#ffd980' : tone(s.skyTop, -10, 10);
  let plant = '';
  if (fab) {
    // Long windowless clean-room halls with a band of colour, utility towers and ducts.
    const x0 = w * r.range(0.06, 0.18);
    const bw = w * r.range(0.55, 0.7);
    const top = ground - h * r.range(0.2, 0.26);
    plant += rect(x0, top, bw, ground - top, wall);
    plant += rect(x0, top + (ground - top) * 0.18, bw, h * 0.02, trim);
    plant += rect(x0 + bw * 0.05, ground - h * 0.08, bw * 0.35, h * 0.045, glass, opacity(0.8));
    const annexTop = top - h * r.range(0.06, 0.1);
    const annexW = bw * 0.3;
    plant += rect(x0 + bw * 0.62, annexTop, annexW, top - annexTop + 1, tone(s.paper, dusk ? -50 : -8));
    for (let i = 0; i < r.int(4, 7); i++) plant += rect(x0 + bw * 0.64 + i * annexW * 0.14, annexTop - h * 0.035, annexW * 0.1, h * 0.035, tone(s.ink, 35, -15));
    for (let i = 0; i < r.int(2, 3); i++) {
      const tx = x0 + bw + w * (0.02 + i * 0.05);
      const tt = ground - h * r.range(0.28, 0.36);
      plant += rect(tx, tt, w * 0.028, ground - tt, tone(s.ink, dusk ? 12 : 45, -10)) + rect(tx - w * 0.004, tt, w * 0.036, h * 0.012, trim);
    }
    plant += rect(x0 + bw, ground - h * 0.13, w * 0.12, h * 0.012, tone(s.ink, 30, -15));
    if (r.chance(0.5)) {
      for (let x = x0 + bw * 0.04; x < x0 + bw * 0.58; x += w * 0.05) plant += polygon([[x, top], [x + w * 0.04, top], [x + w * 0.03, top - h * 0.02], [x - w * 0.01, top - h * 0.02]], tone([accentNear(s, 220)[0], 45, 36]));
    }
  } else {
    // A sawtooth-roofed works with chimneys; smoke drifts with the wind.
    const x0 = w * r.range(0.04, 0.14);
    const bw = w * r.range(0.6, 0.74);
    const top = ground - h * r.range(0.15, 0.19);
    const teeth = r.int(5, 8);
    const toothW = bw / teeth;
    let roof = `M${n(x0)} ${n(ground)}V${n(top)}`;
    for (let i = 0; i < teeth; i++) roof += `L${n(x0 + toothW * (i + 1))} ${n(top - h * 0.06)}V${n(top)}`;
    plant += path(`${roof}V${n(ground)}Z`, wall);
    for (let i = 0; i < teeth; i++) plant += polygon([[x0 + toothW * (i + 0.72), top - h * 0.043], [x0 + toothW * (i + 1), top - h * 0.06], [x0 + toothW * (i + 1), top]], glass, opacity(0.7));
    plant += rect(x0, top + h * 0.02, bw, h * 0.015, trim);
    for (let x = x0 + toothW * 0.3; x < x0 + bw - toothW * 0.3; x += toothW) plant += rect(x, ground - h * 0.085, toothW * 0.4, h * 0.06, tone(s.ink, dusk ? 6 : 30), opacity(0.8));
    const wind = r.range(0.6, 1.4) * (r.chance(0.5) ? 1 : -1);
    for (let i = r.int(1, 3); i > 0; i--) {
      const sx = x0 + bw * r.range(0.15, 0.9);
      const sh = h * r.range(0.3, 0.42);
      const sw = w * 0.022;
      plant += polygon([[sx - sw * 0.6, top], [sx + sw * 0.6, top], [sx + sw * 0.4, top - sh], [sx - sw * 0.4, top - sh]], tone(s.ink, dusk ? 14 : 38, -15));
      for (let k = 0; k < 2; k++) plant += rect(sx - sw * 0.5, top - sh * (0.75 + k * 0.12), sw, h * 0.012, tone(accent(s, 3), 0, 10));
      for (let k = 0; k < 4; k++) plant += circle(sx + wind * h * (0.03 + k * 0.05), top - sh - h * (0.03 + k * 0.03), h * (0.025 + k * 0.012), dusk ? tone(s.nightBottom, 20) : '#ffffff', opacity(0.75 - k * 0.12));
    }
  }
  if (r.chance(0.5)) {
    // Solar panels on the ground beside the works.
    const px = w * r.range(0.8, 0.88);
    for (let row = 0; row < 2; row++) {
      for (let c = 0; c < 3; c++) {
        const x = px + c * w * 0.045 - row * w * 0.02;
        const y = ground + h * (0.03 + row * 0.06);
        plant += polygon([[x, y], [x + w * 0.04, y], [x + w * 0.035, y + h * 0.04], [x - w * 0.005, y + h * 0.04]], tone([accentNear(s, 220)[0], 45, 30]));
      }
    }
  }
  // A perimeter fence and a lorry.
  plant += line(0, ground + h * 0.02, w, ground + h * 0.02, tone(s.ink, 30, -15), h * 0.004);
  const truckX = w * r.range(0.1, 0.6);
  plant += rect(truckX, ground + h * 0.045, w * 0.08, h * 0.05, tone(accent(s, 2), 5)) + rect(truckX + w * 0.082, ground + h * 0.06, w * 0.025, h * 0.035, tone(s.ink, 15));
  plant += circle(truckX + w * 0.015, ground + h * 0.1, h * 0.012, tone(s.ink, 5)) + circle(truckX + w * 0.095, ground + h * 0.1, h * 0.012, tone(s.ink, 5));
  out += maybeMirror(scene, plant, r.chance(0.5));
  if (!dusk) out += birds(scene, r.int(1, 3), h * 0.25);
  return out;
};

/** Rice paddies in perspective, flooded, green or gold: farming and the price of rice. */
const drawPaddy: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const season = r.pick(['water', 'green', 'gold'] as const);
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.05, 0.07), false);
  out += clouds(scene, r.int(1, 3), h * 0.25);
  const horizon = h * r.range(0.36, 0.44);
  out += path(areaBelow(rollingLine(r, w, horizon - h * 0.08, h * 0.05), w, h), tone([accent(s, 0)[0], 18, 70]));
  out += path(areaBelow(rollingLine(r, w, horizon - h * 0.02, h * 0.02), w, h), tone([accentNear(s, 130)[0], 30, 40]));
  // Village on the far edge: a few roofs among trees.
  for (let i = r.int(3, 6); i > 0; i--) {
    const x = r.range(0.05, 0.95) * w;
    const size = h * r.range(0.025, 0.04);
    out += rect(x, horizon - size, size * 1.6, size, tone(s.paper, -6)) + polygon([[x - size * 0.2, horizon - size], [x + size * 0.8, horizon - size * 1.6], [x + size * 1.8, horizon - size]], tone(accent(s, 1), -15, -15));
  }
  const vx = w * r.range(0.35, 0.65);
  const field = season === 'water' ? tone([accentNear(s, 205)[0], 40, 74]) : season === 'green' ? tone([110, 45, 48]) : tone([44, 70, 58]);
  const rowColor = season === 'water' ? tone([110, 45, 44]) : season === 'green' ? tone([105, 50, 34]) : tone([38, 70, 44]);
  const ridge = tone([32, 30, 38]);
  out += rect(0, horizon, w, h - horizon, field);
  // Paddies: bands getting deeper towards the viewer, cut by ridges that converge on a vanishing point.
  const bands = r.int(4, 6);
  const ys: number[] = [];
  for (let i = 0; i <= bands; i++) ys.push(horizon + (h - horizon) * Math.pow(i / bands, 1.7));
  let rows = '';
  for (let i = 0; i < bands; i++) {
    const y0 = ys[i] as number;
    const y1 = ys[i + 1] as number;
    const depth = (y1 - horizon) / (h - horizon);
    for (let k = 1; k < 5; k++) {
      const y = y0 + ((y1 - y0) * k) / 5;
      rows += `M0 ${n(y)}H${n(w)}`;
    }
    if (season === 'water') out += rect(0, y0, w, (y1 - y0) * 0.5, tone(s.skyBottom, 4), opacity(0.35 * (1 - depth)));
    out += rect(0, y1 - h * 0.004 * (1 + depth * 3), w, h * 0.008 * (1 + depth * 3), ridge);
  }
  out += `<path d="${rows}" stroke="${rowColor}" stroke-width="${n(h * 0.004)}" stroke-dasharray="${n(w * 0.006)} ${n(w * 0.01)}" opacity="${season === 'water' ? 0.8 : 0.5}"/>`;
  for (let k = -3; k <= 3; k++) {
    const bx = vx + k * w * r.range(0.28, 0.36);
    out += polygon([[vx + k * w * 0.03 - w * 0.002, horizon], [vx + k * w * 0.03 + w * 0.002, horizon], [bx + w * 0.012, h], [bx - w * 0.012, h]], ridge);
  }
  if (season === 'gold') {
    // Ears of rice in the foreground.
    let ears = '';
    for (let x = -w * 0.02; x < w * 1.02; x += w * r.range(0.012, 0.02)) {
      const base = h * 1.02;
      const top = h * r.range(0.8, 0.88);
      const bend = r.range(0.02, 0.05) * w;
      ears += `M${n(x)} ${n(base)}Q${n(x + bend * 0.2)} ${n(top)} ${n(x + bend)} ${n(top + h * 0.04)}`;
    }
    out += `<path d="${ears}" fill="none" stroke="${tone([40, 70, 40])}" stroke-width="${n(h * 0.009)}" stroke-linecap="round"/>`;
  }
  // A utility pole line along the road, and sometimes a farmer.
  const poles = r.int(3, 5);
  for (let i = 0; i < poles; i++) {
    const t = (i + 1) / (poles + 1);
    const px = w * (r.chance(0.5) ? t : 1 - t);
    const py = horizon + (h - horizon) * t * 0.5;
    const ph = h * (0.06 + t * 0.18);
    out += line(px, py, px, py - ph, tone(s.ink, 20), h * (0.003 + t * 0.004)) + line(px - ph * 0.12, py - ph * 0.9, px + ph * 0.12, py - ph * 0.9, tone(s.ink, 20), h * 0.003);
  }
  if (r.chance(0.6)) {
    const fx = w * r.range(0.15, 0.85);
    const fy = (ys[2] ?? h * 0.7) + h * 0.01;
    const size = h * 0.08;
    const body = tone(accent(s, 2), -10);
    out += path(`M${n(fx - size * 0.22)} ${n(fy)}L${n(fx - size * 0.15)} ${n(fy - size * 0.6)}Q${n(fx)} ${n(fy - size * 0.75)} ${n(fx + size * 0.15)} ${n(fy - size * 0.6)}L${n(fx + size * 0.22)} ${n(fy)}Z`, body);
    out += path(`M${n(fx - size * 0.3)} ${n(fy - size * 0.78)}L${n(fx)} ${n(fy - size * 1.02)}L${n(fx + size * 0.3)} ${n(fy - size * 0.78)}Z`, tone([45, 60, 70]));
  }
  out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

/** A low care home or clinic among trees, with a garden bench: welfare and care stories. */
const drawCare: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const evening = r.chance(0.25);
  let out = sky(scene, evening);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.05, 0.07), evening);
  if (!evening) out += clouds(scene, r.int(1, 3), h * 0.25);
  const ground = h * r.range(0.78, 0.84);
  out += path(areaBelow(rollingLine(r, w, h * 0.6, h * 0.04), w, h), tone([accent(s, 0)[0], 20, evening ? 26 : 74]));
  out += rect(0, ground, w, h - ground, tone([accentNear(s, 120)[0], 30, evening ? 20 : 56]));
  const floors = r.int(2, 4);
  const floorH = h * 0.1;
  const bw = w * r.range(0.5, 0.62);
  const x0 = w * r.range(0.12, 0.3);
  const top = ground - floors * floorH;
  const wall = evening ? tone(s.paper, -48) : tone(s.paper, -1);
  const band = tone(accent(s, r.int(0, 3)), evening ? -10 : 8, -5);
  const win = evening ? '#ffd980' : tone(s.skyTop, -6, 8);
  out += rect(x0, top, bw, ground - top, wall);
  out += rect(x0 - w * 0.01, top - h * 0.02, bw + w * 0.02, h * 0.022, tone(s.ink, evening ? 6 : 28, -10));
  const bays = Math.round(bw / (w * 0.06));
  for (let f = 0; f < floors; f++) {
    const fy = top + f * floorH;
    out += rect(x0, fy + floorH - h * 0.012, bw, h * 0.012, band);
    for (let b = 0; b < bays; b++) {
      const wx = x0 + (bw * (b + 0.2)) / bays;
      if (f === floors - 1 && Math.abs(b - (bays - 1) / 2) < 1) continue;
      out += rect(wx, fy + floorH * 0.22, (bw / bays) * 0.6, floorH * 0.5, win, evening ? opacity(r.range(0.5, 0.95)) : opacity(0.8));
      if (f < floors - 1 && r.chance(0.25)) out += rect(wx - w * 0.004, fy + floorH * 0.62, (bw / bays) * 0.6 + w * 0.008, floorH * 0.12, tone(accent(s, r.int(0, 3)), 15, -10));
    }
  }
  // Entrance: glass doors under a canopy, a round emblem (a plain cross) above.
  const ex = x0 + bw / 2;
  out += rect(ex - w * 0.04, ground - floorH * 0.75, w * 0.08, floorH * 0.75, win, opacity(0.9)) + line(ex, ground - floorH * 0.75, ex, ground, wall, w * 0.003);
  out += rect(ex - w * 0.06, ground - floorH * 0.85, w * 0.12, h * 0.018, tone(s.ink, evening ? 10 : 30));
  const em = h * 0.03;
  const emY = ground - floorH * 0.85 - h * 0.06;
  out += circle(ex, emY, em, tone(accentNear(s, 150), 0, 5)) + rect(ex - em * 0.2, emY - em * 0.6, em * 0.4, em * 1.2, '#ffffff') + rect(ex - em * 0.6, emY - em * 0.2, em * 1.2, em * 0.4, '#ffffff');
  // Trees, hedges and a bench with two people.
  const leaf = tone([accentNear(s, 120)[0], 38, evening ? 16 : 36]);
  for (let i = r.int(3, 6); i > 0; i--) {
    const tx = r.chance(0.5) ? r.range(0, x0) : r.range(x0 + bw, w);
    const size = h * r.range(0.06, 0.11);
    out += rect(tx - size * 0.08, ground - size * 1.3, size * 0.16, size * 1.3, tone(s.ink, 14)) + circle(tx, ground - size * 1.6, size * 0.8, leaf) + circle(tx + size * 0.4, ground - size * 1.25, size * 0.5, leaf);
  }
  for (let x = x0; x < x0 + bw; x += w * 0.03) out += circle(x, ground + h * 0.005, h * 0.022, tone([accentNear(s, 120)[0], 32, evening ? 14 : 30]));
  const benchX = r.chance(0.5) ? w * r.range(0.03, 0.1) : w * r.range(0.82, 0.88);
  const by = ground + h * 0.09;
  const person = tone(s.ink, evening ? 4 : 14);
  out += rect(benchX, by - h * 0.03, w * 0.09, h * 0.012, tone([30, 40, 38])) + rect(benchX + w * 0.005, by - h * 0.018, w * 0.006, h * 0.02, tone(s.ink, 10)) + rect(benchX + w * 0.078, by - h * 0.018, w * 0.006, h * 0.02, tone(s.ink, 10));
  for (const [k, dx] of [0.025, 0.065].entries()) {
    const px = benchX + w * dx;
    out += rect(px - h * 0.016, by - h * 0.08, h * 0.032, h * 0.05, tone(accent(s, k + 1), -5), ` rx="${n(h * 0.012)}"`) + circle(px, by - h * 0.095, h * 0.016, person);
  }
  if (!evening) out += birds(scene, r.int(2, 4), h * 0.3);
  return maybeMirror(scene, out, r.chance(0.5));
};

const DRAWERS: Record<Motif, Draw> = {
  city: drawCity,
  harbor: drawHarbor,
  mountains: drawMountains,
  fields: drawFields,
  chart: drawChart,
  circuit: drawCircuit,
  globe: drawGlobe,
  train: drawTrain,
  stage: drawStage,
  books: drawBooks,
  waves: drawWaves,
  crowd: drawCrowd,
  podium: drawPodium,
  hall: drawHall,
  factory: drawFactory,
  paddy: drawPaddy,
  care: drawCare,
};

/** Every motif the generator can draw. */
export const ILLUSTRATION_MOTIFS: readonly Motif[] = Object.keys(DRAWERS) as Motif[];

// ---------------------------------------------------------------------------
// Covers

const phrases = new Parser(jaModel);

/** Width of `text` in ems: CJK and full-width forms are 1em, the rest about 0.6em. */
function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F]/u.test(ch) ? 1 : 0.6;
  return em;
}

/**
 * Breaks a title into lines of at most `maxEm`. A space always starts a new
 * line, as a cover sets 「主題 副題」 on two lines; otherwise lines break between
 * BudouX phrases, so a Japanese word is split only when it alone is too long.
 */
function wrapLabel(label: string, maxEm: number): string[] {
  return label
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .flatMap((part) => wrapPhrases(part, maxEm));
}

function wrapPhrases(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const phrase of phrases.parse(text)) {
    if (textWidthEm(current + phrase) <= maxEm) {
      current += phrase;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const ch of phrase) {
      if (textWidthEm(current + ch) > maxEm && current) {
        lines.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type CoverPlan = {
  masthead: string;
  /** Masthead band height in pixels (0 without a masthead). */
  band: number;
  mastheadSize: number;
  lines: string[];
  titleSize: number;
  margin: number;
  artTop: number;
  artBottom: number;
};

/**
 * Lays out a cover: masthead band on top, title block at the foot sized to
 * its wrapped lines, the picture in between.
 */
function planCover(w: number, h: number, label: string, masthead: string): CoverPlan {
  const margin = w * 0.07;
  const band = masthead ? h * 0.15 : 0;
  const mastheadSize = masthead ? Math.min(band * 0.62, ((w - margin * 2) / textWidthEm(masthead)) * 0.95) : 0;
  const innerW = w - margin * 2 - w * 0.04;
  const maxBlockH = h * 0.36;
  let titleSize = Math.min(w * 0.11, h * 0.085);
  let lines = wrapLabel(label, innerW / titleSize);
  while (titleSize > 12 && lines.length * titleSize * 1.3 > maxBlockH) {
    titleSize -= 2;
    lines = wrapLabel(label, innerW / titleSize);
  }
  const blockH = lines.length * titleSize * 1.3 + margin * 1.6;
  return { masthead, band, mastheadSize, lines, titleSize, margin, artTop: band, artBottom: h - blockH };
}

/** Masthead and title over the planned cover; the picture is already drawn. */
function drawCover(plan: CoverPlan, w: number, h: number, s: Scheme): string {
  const { band, margin, titleSize, lines } = plan;
  const brand = tone(s.brand);
  let out = '';
  if (plan.masthead) {
    out += rect(0, 0, w, band, brand);
    out += `<text x="${n(w / 2)}" y="${n(band * 0.5 + plan.mastheadSize * 0.36)}" font-family="${FONT_FAMILY}" font-size="${n(plan.mastheadSize)}" font-weight="bold" fill="#ffffff" text-anchor="middle" letter-spacing="${n(plan.mastheadSize * 0.04)}">${escapeXml(plan.masthead)}</text>`;
  }
  const lead = titleSize * 1.3;
  const blockTop = plan.artBottom;
  out += rect(0, blockTop, w, h * 0.012, brand);
  out += rect(margin, blockTop + margin * 0.8, w * 0.015, lines.length * lead - (lead - titleSize), brand);
  out += `<text font-family="${FONT_FAMILY}" font-size="${n(titleSize)}" font-weight="bold" fill="${tone(s.ink, -5)}">`;
  for (const [i, text] of lines.entries()) {
    out += `<tspan x="${n(margin + w * 0.04)}" y="${n(blockTop + margin * 0.8 + lead * i + titleSize * 0.88)}">${escapeXml(text)}</tspan>`;
  }
  return `${out}</text>`;
}
