// `npx tsx bench/findability.ts`: site search and sitemap generation at
// scale, on both engines, in one run (BENCH_ARTICLES generated articles on
// top of the demo, default 100,000). Figures are ratios to a plain listing
// query measured in the same run, because the machine is shared. Writes
// docs/benchmarks-findability.md.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Connection } from '../lib/db/connect';
import { prepareDatabase } from '../lib/db/prepare';
import { testDatabases } from '../test/support/database';
import { listLatest } from '../lib/content/queries';
import { parseSearchQuery, searchArticles, type SearchFilters } from '../lib/content/search';
import { listArticleSitemapBatch, listArticleSitemapParts, listNewsSitemapArticles } from '../lib/content/sitemap';
import { getJstMonthRange } from '../lib/time/jst';
import { addScaleArticles } from '../lib/seed/scale';
import { formatSitemapUrl } from '../lib/seo/sitemap-xml';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SITE = 'https://kiji.example';

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the page cache and statement cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

type Row = { engine: string; name: string; ms: number; ratio: number; note?: string };
const rows: Row[] = [];
const memory: { engine: string; urls: number; streamedMb: number; wholeMb: number }[] = [];

for (const database of testDatabases('bench')) {
  let conn: Connection | undefined;
  try {
    conn = await database.open();
    const now = new Date();
    const seeded = performance.now();
    await prepareDatabase(conn, { seedDemo: true, now });
    await addScaleArticles(conn.db, { count: ARTICLES, now });
    console.log(`${database.engine}: seeded ${ARTICLES} articles in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
    const opened = conn;
    const db = opened.db;

    const baseline = await median(() => listLatest(db, now, 20));
    const add = (name: string, ms: number, note?: string) => {
      rows.push({ engine: database.engine, name, ms, ratio: ms / baseline, note });
      console.log(`${database.engine.padEnd(8)} ${name.padEnd(42)} ${ms.toFixed(1)} ms`);
    };
    add('latest 20 articles (baseline)', baseline);
    for (const [label, q, filters] of [
      ['search: 3-character word 「半導体」', '半導体'],
      // Headline, standfirst and body since issue 16 (migration 0013); headline and standfirst only before.
      ['search: 2-character word 「関税」 (bigram index)', '関税'],
      ['search: 2-character word 「関税」, 新しい順', '関税', { sort: 'newest', period: 'all' }],
      ['search: 2-character word 「関税」, past month', '関税', { sort: 'relevance', period: 'month' }],
      ['search: 1-character word 「北」 (headline and standfirst)', '北'],
      ['search: two words 「新工場 熊本」', '新工場 熊本'],
      ['search: no match', '存在しない語句の組み合わせ'],
    ] as [string, string, SearchFilters?][]) {
      const query = parseSearchQuery(q)!;
      let hits = 0;
      add(label, await median(async () => (hits = (await searchArticles(opened, query, 1, now, { filters })).totalItems)), `${hits} hits`);
    }
    add('sitemap: list month parts', await median(() => listArticleSitemapParts(db, now)));
    add('news sitemap query', await median(() => listNewsSitemapArticles(db, now)));

    // The biggest month, written batch by batch (as the route does) versus read whole.
    const parts = await listArticleSitemapParts(db, now);
    const biggest = parts.reduce((a, b) => (b.count > a.count ? b : a));
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    const streamed = performance.now();
    for (let batch = 0; ; batch++) {
      const entries = await listArticleSitemapBatch(db, { ...biggest, batch }, now);
      if (entries.length === 0) break;
      bytes += entries.map((e) => formatSitemapUrl(e, SITE)).join('').length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    add(`sitemap: stream month ${biggest.month} (${biggest.count} URLs)`, performance.now() - streamed, `${(bytes / 1e6).toFixed(1)} MB of XML`);
    const streamedMb = (peak - before) / 1e6;
    global.gc?.();
    const range = getJstMonthRange(biggest.month)!;
    const before2 = process.memoryUsage().heapUsed;
    const whole = await db
      .selectFrom('articles')
      .where('published_at', '>=', range.start)
      .where('published_at', '<', range.end)
      .select(['id', 'updated_at', 'hero_src'])
      .execute();
    const xml = whole.map((r) => formatSitemapUrl({ path: `/articles/${r.id}`, lastmod: r.updated_at, images: r.hero_src ? [r.hero_src] : [] }, SITE)).join('');
    const wholeMb = (process.memoryUsage().heapUsed - before2) / 1e6;
    memory.push({ engine: database.engine, urls: biggest.count, streamedMb, wholeMb: Math.max(wholeMb, xml.length / 1e6) });
  } finally {
    await database.dispose(conn);
  }
}

const markdown = `# Findability benchmarks (search and sitemaps at scale)

Latest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores, Node ${process.version},
${ARTICLES.toLocaleString('en')} generated articles on top of the demo (\`npx tsx bench/findability.ts\`).
Median of ${RUNS} runs after one warm-up, measured in-process against the
database (no HTTP). The ratio is to reading the newest 20 articles on the same
engine in the same run, so it survives the machine being shared.

| engine | query | median ms | ratio to latest 20 | note |
| --- | --- | ---: | ---: | --- |
${rows.map((r) => `| ${r.engine} | ${r.name} | ${r.ms.toFixed(1)} | ${r.ratio.toFixed(1)} | ${r.note ?? ''} |`).join('\n')}

## Memory of a month's sitemap

| engine | URLs | heap growth while streaming (MB) | heap growth reading it whole (MB) | ratio |
| --- | ---: | ---: | ---: | ---: |
${memory.map((m) => `| ${m.engine} | ${m.urls} | ${m.streamedMb.toFixed(1)} | ${m.wholeMb.toFixed(1)} | ${(m.streamedMb / m.wholeMb).toFixed(2)} |`).join('\n')}

Streaming holds one 1,000-row batch at a time, so its heap growth stays flat
as months grow; reading a month whole grows with it (and a part can hold up
to 50,000 URLs).
`;
fs.writeFileSync('docs/benchmarks-findability.md', markdown);
console.log(markdown);
