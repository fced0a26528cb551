import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Motif } from './demo/types';
import { COVER_SIZE, HERO_SIZE, ILLUSTRATION_MOTIFS, INLINE_SIZE, buildIllustrationSvg, renderIllustration } from './images';

// Written out so that a motif added to the type but not to the generator fails to compile.
const ALL_MOTIFS = {
  city: true,
  harbor: true,
  mountains: true,
  fields: true,
  chart: true,
  circuit: true,
  globe: true,
  train: true,
  stage: true,
  books: true,
  waves: true,
  crowd: true,
  podium: true,
  hall: true,
  factory: true,
  paddy: true,
  care: true,
  storm: true,
  bus: true,
  market: true,
  temple: true,
  snow: true,
  shelter: true,
  office: true,
  kitchen: true,
  cinema: true,
  server: true,
  robot: true,
  wind: true,
  solar: true,
  ship: true,
  satellite: true,
  coins: true,
  phone: true,
  shogi: true,
  weather: true,
  summit: true,
} satisfies Record<Motif, true>;

describe('renderIllustration', () => {
  it.each([
    ['hero', HERO_SIZE],
    ['inline', INLINE_SIZE],
    ['cover', COVER_SIZE],
  ] as const)('returns a WebP of exactly the %s size', async (_name, size) => {
    const image = await renderIllustration({ key: 'size-check', motif: 'city', ...size });
    const meta = await sharp(image).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([size.width, size.height]);
  });

  it('gives identical bytes for the same key, so re-seeding does not churn files', async () => {
    const opts = { key: 'tokyo-budget-2026', motif: 'chart', palette: 'business', ...HERO_SIZE } as const;
    const [a, b] = await Promise.all([renderIllustration(opts), renderIllustration({ ...opts })]);
    expect(a.equals(b)).toBe(true);
  });

  it('gives different pictures for different keys with the same motif', async () => {
    const keys = ['harbor-festival', 'harbor-strike', 'harbor-expansion'];
    const images = await Promise.all(keys.map((key) => renderIllustration({ key, motif: 'harbor', palette: 'japan', ...HERO_SIZE })));
    const distinct = new Set(images.map((image) => image.toString('base64')));
    expect(distinct.size).toBe(keys.length);
  });

  it('knows every motif in the Motif type and nothing else', () => {
    expect([...ILLUSTRATION_MOTIFS].sort()).toEqual(Object.keys(ALL_MOTIFS).sort());
  });

  it.each(Object.keys(ALL_MOTIFS) as Motif[])('renders %s as a small hero WebP', async (motif) => {
    const image = await renderIllustration({ key: `every-motif-${motif}`, motif, ...HERO_SIZE });
    const meta = await sharp(image).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([HERO_SIZE.width, HERO_SIZE.height]);
    // Heroes ship on every article page; the budget is 80 KB.
    expect(image.length).toBeLessThan(80 * 1024);
    // A blank or single-colour canvas would pass the checks above; a drawing has contrast.
    const stats = await sharp(image).stats();
    expect(stats.channels.some((c) => c.max - c.min > 80)).toBe(true);
  });

  it('renders every motif in every palette at the inline size', async () => {
    const palettes = ['world', 'business', 'japan', 'society', 'technology', 'culture', 'magazine'] as const;
    const jobs = ILLUSTRATION_MOTIFS.flatMap((motif) =>
      palettes.map(async (palette) => {
        const meta = await sharp(await renderIllustration({ key: `grid-${palette}`, motif, palette, ...INLINE_SIZE })).metadata();
        return `${meta.width}x${meta.height}`;
      }),
    );
    expect(new Set(await Promise.all(jobs))).toEqual(new Set([`${INLINE_SIZE.width}x${INLINE_SIZE.height}`]));
    // Some 260 renders on two cores, about 15 s when the machine is quiet: room for a busy one.
  }, 120_000);
});

describe('buildIllustrationSvg', () => {
  it('puts no text in article pictures', () => {
    for (const motif of ILLUSTRATION_MOTIFS) {
      expect(buildIllustrationSvg({ key: 'no-text', motif, ...HERO_SIZE })).not.toMatch(/<text/);
    }
  });

  it('draws a cover title and the masthead, escaped for XML', async () => {
    const label = '老後資金の新常識 <増補版> & Q&A';
    const svg = buildIllustrationSvg({ key: 'cover', motif: 'chart', palette: 'magazine', label, ...COVER_SIZE });
    expect(svg).toContain('KIJI WEEKLY');
    expect(svg).not.toContain('<増補版>');
    const shown = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join('');
    expect(shown).toBe('老後資金の新常識&#60;増補版&#62;&#38;Q&#38;A');
    const meta = await sharp(await renderIllustration({ key: 'cover', motif: 'chart', palette: 'magazine', label, ...COVER_SIZE })).metadata();
    expect([meta.width, meta.height]).toEqual([COVER_SIZE.width, COVER_SIZE.height]);
  });

  const titleLines = (svg: string): (string | undefined)[] => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);

  it('wraps a long cover title between phrases rather than mid-word', () => {
    const lines = titleLines(buildIllustrationSvg({ key: 'wrap', motif: 'train', label: '地方の鉄道はどこへ向かうのか', ...COVER_SIZE }));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('地方の鉄道はどこへ向かうのか');
    for (const split of ['地', '地方の鉄', '地方の鉄道はど']) expect(lines[0]).not.toBe(split);
  });

  it('sets a title and its subtitle on separate lines at the space', () => {
    const lines = titleLines(buildIllustrationSvg({ key: 'sub', motif: 'circuit', label: '生成AIと働く 職場の新しいルール', ...COVER_SIZE }));
    expect(lines[0]).toBe('生成AIと働く');
    expect(lines.join('')).toBe('生成AIと働く職場の新しいルール');
  });

  it('omits the masthead when asked, for mooks with their own branding', () => {
    const svg = buildIllustrationSvg({ key: 'mook', motif: 'books', label: '週末は本屋へ', masthead: '', ...COVER_SIZE });
    expect(svg).not.toContain('KIJI WEEKLY');
    expect(svg).toContain('週末は本屋へ');
  });
});
