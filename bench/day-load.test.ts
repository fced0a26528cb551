import { describe, expect, it } from 'vitest';
import { createRandom } from '../lib/seed/scale';
import { Phase, parseSitemap, readerPicker, zipfSampler } from './day-load';

// The seed generator's PRNG (mulberry32), so the draws below are the same on every run.
const seeded = createRandom;

describe('zipfSampler', () => {
  it('draws rank r in proportion to 1/(r+1), within the ranks', () => {
    const n = 1000;
    const draw = zipfSampler(n, 1, seeded(7));
    const counts = new Array<number>(n).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[draw()]! += 1;
    let harmonic = 0;
    for (let r = 1; r <= n; r++) harmonic += 1 / r;
    // Rank 0 gets 1/H(n) of the draws (13.4 % for 1,000 ranks), rank 1 half of that, rank 9 a tenth.
    expect(counts[0]! / draws).toBeCloseTo(1 / harmonic, 2);
    expect(counts[1]! / counts[0]!).toBeCloseTo(0.5, 1);
    expect(counts[9]! / counts[0]!).toBeCloseTo(0.1, 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws);
    expect(counts[n - 1]).toBeGreaterThan(0);
  });

  it('with exponent 0 is uniform, and refuses an empty law', () => {
    const draw = zipfSampler(4, 0, seeded(1));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[draw()]! += 1;
    for (const c of counts) expect(c / 40_000).toBeCloseTo(0.25, 1);
    expect(() => zipfSampler(0)).toThrow();
  });
});

describe('readerPicker', () => {
  it('sends the home and section shares there and the rest to articles, and sees a story added at rank 1', () => {
    const articles = Array.from({ length: 100 }, (_, i) => `/articles/a${i}`);
    const mix = { articles, home: '/', sections: ['/sections/x', '/sections/y'], homeShare: 0.1, sectionShare: 0.05, fresh: new Set<string>() };
    const pick = readerPicker(mix, zipfSampler(100, 1, seeded(3)), seeded(4));
    const kinds: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const t = pick();
      kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    }
    expect(kinds.home! / 20_000).toBeCloseTo(0.1, 1);
    expect(kinds.section! / 20_000).toBeCloseTo(0.05, 1);
    expect(kinds.article! / 20_000).toBeCloseTo(0.85, 1);

    mix.articles.unshift('/articles/new');
    mix.fresh.add('/articles/new');
    const after = Array.from({ length: 5_000 }, pick);
    const fresh = after.filter((t) => t.kind === 'new story');
    expect(fresh.length).toBeGreaterThan(200);
    expect(new Set(fresh.map((t) => t.path))).toEqual(new Set(['/articles/new']));
  });
});

describe('Phase', () => {
  it('counts statuses, cache headers and kinds, and errors by kind, over every part', () => {
    const phase = new Phase('readers', 50);
    phase.record('article', 200, 10, 'HIT');
    phase.record('article', 200, 30, 'STALE');
    phase.record('home', 200, 20, 'MISS');
    phase.record('article', 404, 5, undefined);
    phase.seconds = 2;
    phase.timeouts = 1;
    phase.connectionErrors = 2;
    phase.cpuSeconds = { server: 1, generator: 0.5, others: 0 };
    const r = phase.result();
    expect(r.requests).toBe(4);
    expect(r.rps).toBe(2);
    expect(r.p50).toBe(20);
    expect(r.p99).toBe(30);
    expect(r.errors).toEqual({ non2xx: 1, timeouts: 1, connection: 2 });
    expect(r.statuses).toEqual({ '404': 1 });
    expect(r.cache).toEqual({ HIT: 1, STALE: 1, MISS: 1, none: 1 });
    expect(r.byKind.article).toMatchObject({ requests: 3, non2xx: 1, cache: { HIT: 1, STALE: 1, none: 1 } });
    expect(r.byKind.home).toMatchObject({ requests: 1, p50: 20 });
    expect(r.cpu).toEqual({ server: 0.5, generator: 0.25, others: 0 });
    expect(r.serverCpuMsPerRequest).toBe(250);
  });
});

describe('parseSitemap', () => {
  it('reads the paths and lastmod of a sitemap index and of a urlset', () => {
    const index =
      '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://kiji.example/sitemaps/news.xml</loc><lastmod>2026-11-26</lastmod></sitemap>' +
      '<sitemap><loc>https://kiji.example/sitemaps/articles-2026-11-1.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(index)).toEqual([
      { path: '/sitemaps/news.xml', lastmod: '2026-11-26' },
      { path: '/sitemaps/articles-2026-11-1.xml', lastmod: null },
    ]);
    const urlset = '<urlset><url>\n  <loc>http://127.0.0.1:3600/articles/abc123de</loc>\n  <lastmod>2026-11-26T01:00:00Z</lastmod>\n</url></urlset>';
    expect(parseSitemap(urlset)).toEqual([{ path: '/articles/abc123de', lastmod: '2026-11-26T01:00:00Z' }]);
  });
});
