import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BeaconResult } from './beacon';
import type { LighthouseRow } from './lighthouse';
import { formatMainReport, UNCACHED, type MainFigures, type ThroughputRow } from './main-report';
import { readNote } from './report';
import type { ScaleRow } from './scale';

const ARTICLE = '/articles/x3ab7kqz';

function row(name: string, connections: number, rps: number, extra: Partial<ThroughputRow> = {}): ThroughputRow {
  return { name, path: '/', connections, rps, p50: 20, p99: 40, errors: 0, ...extra };
}

function lighthouse(name: string, path: string, performance: number, extra: Partial<LighthouseRow> = {}): LighthouseRow {
  return { name, path, scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 }, lcpMs: 2400, tbtMs: 120, cls: 0, performanceRuns: [performance, performance], failing: [], ...extra };
}

function scale(name: string, k: number, m: number, note?: string): ScaleRow {
  return { name, ms: { '1k': k, '100k': m }, bytes: {}, rssPeakDeltaMb: { '1k': 1, '100k': 2 }, cache: { '1k': 'MISS', '100k': 'MISS' }, ...(note ? { note } : {}) };
}

const beaconRun = (name: string, rps: number, cpu: number): BeaconResult => ({ name, rps, accepted: 1000, p50: 40, p99: 90, errors: 0, serverCpuMicros: cpu });

function figures(overrides: Partial<MainFigures> = {}): MainFigures {
  return {
    startedAt: '2026-12-04T21:20:00.000Z',
    finishedAt: '2026-12-04T21:44:10.000Z',
    minutes: 24.2,
    loadAverage: [2.41, 2.33, 1.88],
    machine: { cores: 2, cpu: 'AMD EPYC', node: 'v20.20.2' },
    commit: 'abc1234',
    settings: { port: 3200, scalePort: 3201, seconds: 8, connections: [50, 200], baselineArticles: 1000, scaleArticles: 100_000, scaleSamples: 9, memoryWarmup: 40_000, lighthouseRuns: 3 },
    throughput: [
      row('static file (ceiling)', 50, 2000),
      // 0.85 of the static file and 0.28 of the cached article: both just short of their targets at 50.
      row('article (cached)', 50, 1700),
      row('home (cached)', 50, 650),
      row('section (cached)', 50, 800),
      row(UNCACHED, 50, 476, { cache: 'MISS 281', seconds: 10.2 }),
      row('static file (ceiling)', 200, 1000),
      // 0.95 of the static file and 0.4 of the cached article: both targets met at 200.
      row('article (cached)', 200, 950),
      row('home (cached)', 200, 640),
      row('section (cached)', 200, 820),
      row(UNCACHED, 200, 380, { cache: 'MISS 412', seconds: 17.1 }),
    ],
    renderPoolSize: 800,
    renderMs: { home: 43.2, article: 41.8 },
    lighthouse: [lighthouse('home', '/', 85, { failing: ['accessibility: color-contrast'] }), lighthouse('article with a hero image', ARTICLE, 98, { cls: 0.02 })],
    scale: {
      seed: { dataDir: '/tmp/x', articles: 100_000, seconds: 85.3, cpuSeconds: 81.2, seededAt: '2026-12-04T20:22:31.000Z', cachedFrom: null },
      rows: [scale('article, first render', 46.4, 62.5, 'a generated article'), scale('section page, cached', 5.5, 6.1), scale('month sitemap 2025-12, after expiry', 6.7, 107.5)],
      month: '2025-12',
      urls: { '1k': 36, '100k': 4239 },
    },
    memory: {
      requests: 100_000,
      seconds: 223.4,
      errors: 0,
      errorKinds: { failed: 0, timeouts: 0, non2xx: 0 },
      rssByBlockMb: [1097, 1095],
      block: 20_000,
      rssBeforeMb: 1000,
      rssAfterMb: 1150,
      rssSettledMb: 1120,
      rssPeakMb: 1200,
      counts: { rendered: 1000, uncached: 1000 },
    },
    publicArticles: 66,
    beacon: {
      route: '/api/views',
      sqlite: { bare: beaconRun('bare route handler (ceiling, SQLite run)', 1000, 1050), beacon: beaconRun('view beacon, SQLite', 990, 1070), counted: 23708, accepted: 23558, bareCpu: 1050, beaconCpu: 1070, cpuRatio: 0.98 },
      redis: { bare: beaconRun('bare route handler (ceiling, Redis run)', 1145, 929), beacon: beaconRun('view beacon, Redis', 1176, 928), counted: 27841, accepted: 27691, bareCpu: 929, beaconCpu: 928, cpuRatio: 1 },
    },
    rankings: [
      { backend: 'SQLite', views: 1_000_000, rows: 188_809, loadMs: 0, computeMs: 105.8, readMs: 0.46, ingest: { backend: 'SQLite', views: 50_000, viewsPerSecond: 52_500, cpuMicrosPerView: 20.7, counted: 50_000 } },
    ],
    clientJs: [
      { route: 'empty page (baseline)', path: '/baseline', scripts: 7, gzipBytes: 100_000 },
      { route: 'article', path: ARTICLE, scripts: 9, gzipBytes: 112_000 },
    ],
    ...overrides,
  };
}

describe('formatMainReport', () => {
  it('puts this run’s figures in the tables, each ratio from the same run', () => {
    const md = formatMainReport(figures());
    expect(md).toContain('Latest run: 2026-12-04 21:44 UTC on 2 cores (AMD EPYC), Node v20.20.2,\nload average 2.4 / 2.3 / 1.9 (1/5/15 min)');
    expect(md).toContain('| article (cached) | 50 | 1700 | 20 | 40 | 0 | 0.85 |');
    expect(md).toContain('MISS 281 at 50 connections; MISS 412 at 200 connections');
    expect(md).toContain('ratio, 2.13 in this run at 50 connections');
    expect(md).toContain('| **view beacon, SQLite** | **990** | 40 | 90 | 0 | **0.99** (CPU: **0.98**) | 1070 | 23708 / 23558 |');
    expect(md).toContain('| SQLite | 105.8 | 0.46 |');
    expect(md).toContain('| article (`/articles/{id}`) | 9 | 112000 | 1.12 |');
    expect(md).toContain('| empty page (baseline) (`/baseline`) | 7 | 100000 | 1.00 |');
    expect(md).toContain('| article with a hero image | `/articles/{id}` |');
    expect(md).toContain('ports 3200 and 3201');
  });

  it('says met or missed for each target from the figures', () => {
    const md = formatMainReport(figures());
    expect(md).toContain('| 50 | **0.85** (**missed**) | **0.28** (**missed**) |');
    expect(md).toContain('| 200 | **0.95** (met) | **0.40** (met) |');
    expect(md).toContain('Missed: home performance 85; article with a hero image CLS 0.020.');
    expect(md).toContain('Audits that cost points outside performance: home: `accessibility: color-contrast`.');
    expect(md).toContain('| article, first render | 46.4 | 62.5 | **1.35** (missed) |');
    expect(md).toContain('| section page, cached | 5.5 | 6.1 | **1.11** (met) |');
    // 1,000 → 1,120 MB settled: 12 % growth against a target below 10 %.
    expect(md).toContain('**12.0 %** (**missed**) | 15.0 % |');
    expect(md).toContain('**Article ÷ empty page: 1.12** (target ≤ 1.1)');
    const calm = formatMainReport(figures({ memory: { ...figures().memory, rssSettledMb: 1050 } }));
    expect(calm).toContain('**5.0 %** (met)');
  });

  it('quotes every dated note of bench/notes/ in its section, word for word', () => {
    const md = formatMainReport(figures());
    const notes = fs
      .readdirSync(new URL('./notes/', import.meta.url))
      .map((file) => file.replace(/\.md$/, ''))
      // The newsroom day's own section quotes this one (bench/newsroom-day.ts).
      .filter((name) => name !== 'newsroom-day-limits');
    expect(notes.length).toBeGreaterThanOrEqual(5);
    for (const name of notes) expect(md, name).toContain(readNote(name));
    const section = (title: string) => md.slice(md.indexOf(`## ${title}`), md.indexOf('\n## ', md.indexOf(`## ${title}`) + 1));
    expect(section('Scale')).toContain('What limits the rows that grow');
    expect(section('Server memory')).toContain('Whether the JavaScript heap leaks');
    expect(md).toContain("figure that carries over. Where the beacon's extra CPU goes (measured on\n2026-11-26");
  });

  it('writes the same section again from the saved JSON, a run that measured nothing included', () => {
    const f = figures();
    // No render reached steady state at 200 (percentiles of nothing) and no CPU readable from /proc: NaN, null in JSON.
    const sparse: MainFigures = {
      ...f,
      throughput: f.throughput.map((r) => (r.name === UNCACHED && r.connections === 200 ? { ...r, rps: 0, p50: Number.NaN, p99: Number.NaN } : r)),
      beacon: { ...f.beacon, sqlite: { ...f.beacon.sqlite, bareCpu: Number.NaN, beaconCpu: Number.NaN, cpuRatio: Number.NaN } },
    };
    const md = formatMainReport(sparse);
    expect(formatMainReport(JSON.parse(JSON.stringify(sparse)) as MainFigures)).toBe(md);
    expect(formatMainReport(JSON.parse(JSON.stringify(f)) as MainFigures)).toBe(formatMainReport(f));
    expect(md).toContain(`| ${UNCACHED} | 200 | 0 | — | — | 0 | 0.00 |`);
    expect(md).toContain('| **0.99** (CPU: **—**) | — |');
  });

  it('names the row a run lacks rather than writing a table with a hole in it', () => {
    const f = figures();
    expect(() => formatMainReport({ ...f, throughput: f.throughput.filter((r) => !(r.name === UNCACHED && r.connections === 200)) })).toThrow(
      `no throughput row "${UNCACHED}" at 200 connections`,
    );
  });
});
