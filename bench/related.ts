// `npx tsx bench/related.ts`: what あわせて読みたい costs the database, as a
// ratio to the article page's own query measured in the same run, at demo
// size and with generated articles added (BENCH_RELATED_ARTICLES, default
// 20,000), on SQLite and PostgreSQL (KIJI_TEST_DATABASE_URL). The ranked list
// is computed once per article and then served from the data cache, so this
// is the price of a cache miss. Writes its section of docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { listRelatedArticles } from '../lib/content/related';
import { findArticle } from '../lib/content/queries';
import { prepareDatabase } from '../lib/db/prepare';
import { openTestDatabase, type TestDatabase } from '../test/support/database';
import { addScaleArticles } from '../lib/seed/scale';
import { replaceSection } from './sections';

const EXTRA = Number(process.env.BENCH_RELATED_ARTICLES ?? 20_000);
const SAMPLE = 40;
const NOW = new Date();

type Row = { engine: string; articles: number; article: number[]; related: number[] };

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function measure(conn: TestDatabase, engine: string): Promise<Row> {
  const ids = (await conn.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id);
  const count = ids.length;
  // Every n-th id: the same sample on every run and engine.
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(count / SAMPLE)) === 0).slice(0, SAMPLE);
  for (const id of sample.slice(0, 5)) await listRelatedArticles(conn.db, id, NOW); // warm-up
  const row: Row = { engine, articles: count, article: [], related: [] };
  for (const id of sample) {
    row.article.push(await time(() => findArticle(conn.db, id, NOW)));
    row.related.push(await time(() => listRelatedArticles(conn.db, id, NOW)));
  }
  return row;
}

const rows: Row[] = [];
for (const engine of ['sqlite', 'postgres'] as const) {
  const conn = await openTestDatabase(engine, 'bench-related');
  try {
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
    rows.push(await measure(conn, engine));
    const started = Date.now();
    await addScaleArticles(conn.db, { count: EXTRA, now: NOW });
    console.log(`${engine}: added ${EXTRA} articles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // What autovacuum does on its own after a bulk load: give the planner statistics.
    if (engine === 'postgres') await sql`analyze`.execute(conn.db);
    rows.push(await measure(conn, engine));
  } finally {
    await conn.close();
  }
}

const fmt = (n: number) => n.toFixed(1);
const table = rows
  .map((r) => {
    const ratio = percentile(r.related, 50) / percentile(r.article, 50);
    return `| ${r.engine} | ${r.articles.toLocaleString('en')} | ${fmt(percentile(r.article, 50))} | ${fmt(percentile(r.related, 50))} | ${fmt(percentile(r.related, 95))} | ${ratio.toFixed(1)} |`;
  })
  .join('\n');
const section = `## あわせて読みたい: cost of a cache miss (\`npx tsx bench/related.ts\`)

Run ${NOW.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores, in process (no HTTP), ${SAMPLE} articles sampled evenly.
Each row times the article page's own query (\`findArticle\`) and the
ranked related list (\`listRelatedArticles\`: subject, up to five bounded
candidate queries, their links, tag counts, ranking) on the same articles.
PostgreSQL is analysed after the bulk load (as autovacuum would).

| engine | public articles | article query p50 ms | related p50 ms | related p95 ms | related ÷ article (p50) |
| --- | ---: | ---: | ---: | ---: | ---: |
${table}

The list is cached per article under the \`articles\` tag (\`unstable_cache\`),
and the article page itself is ISR, so this cost is paid once per article
per publish, not per reader; the JSON route for more cards reads the same
cached list.
`;
const file = 'docs/benchmarks.md';
fs.writeFileSync(file, replaceSection(fs.readFileSync(file, 'utf8'), 'related', section));
console.log(section);
