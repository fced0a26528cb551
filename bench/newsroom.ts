// `npm run bench:newsroom`: what the newsroom costs readers and how fast its
// changes reach them, against the production build, in one run. Writes
// docs/benchmarks-newsroom.md.
//   - the 410/301 proxy on a cached article: the same page with and without it;
//   - publish and correction to anonymous visibility, per affected page;
//   - a sign-in (scrypt) end to end.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { deriveArticleId } from '../lib/content/ids';
import { demoArticles } from '../lib/seed/demo/articles';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { createDraft, draftBody, runCommand, signIn, type EditorSession } from './editor-client';
import { startServer, stopServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

const article = demoArticles.find((a) => !a.status && !a.body.includes('::pagebreak') && a.wire);
if (!article) throw new Error('no demo article to measure');
const articlePath = `/articles/${deriveArticleId(article.key)}`;

async function rps(urlPath: string, headers: Record<string, string> = {}, duration = DURATION) {
  const r = await autocannon({ url: ORIGIN + urlPath, connections: 50, duration, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts };
}

type Load = Awaited<ReturnType<typeof rps>>;

/** The draft every round publishes (カルチャー, tagged 東京), with `headline`. */
const benchDraft = (headline: string) => draftBody({ headline, body: 'ベンチマーク用の本文。', section: 'culture', tags: ['tokyo'] });

/** Milliseconds from now until an anonymous GET of `urlPath` contains `text`. */
async function untilVisible(urlPath: string, text: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await (await fetch(ORIGIN + urlPath)).text()).includes(text)) return performance.now() - started;
    if (performance.now() - started > 10_000) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-bench-newsroom-'));
const server = await startServer({ KIJI_DATA_DIR: dataDir, SITE_URL: ORIGIN, NEXT_TELEMETRY_DISABLED: '1' }, PORT);
const visibility: Record<string, number[]> = {};
const signIns: number[] = [];
let cached: Load;
let gone: Load;
try {
  for (const p of [articlePath, '/', '/sections/culture', '/tags/tokyo']) await fetch(ORIGIN + p);
  await autocannon({ url: ORIGIN + articlePath, connections: 10, duration: 3 });
  cached = await rps(articlePath);

  let session: EditorSession | undefined;
  for (let i = 0; i < 5; i++) {
    const { session: s, ms } = await signIn(ORIGIN, DEMO_EDITOR.login, DEMO_EDITOR.password);
    signIns.push(ms);
    session = s;
  }
  for (let round = 0; round < ROUNDS; round++) {
    const headline = `ベンチ記事${Date.now()}`;
    const { id, revision } = await createDraft(session!, benchDraft(headline));
    // Readers have the pages cached before the publish.
    for (const p of ['/', '/sections/culture', '/tags/tokyo', `/articles/${id}`]) await fetch(ORIGIN + p);
    const published = await runCommand(session!, id, 'publish', { baseRevision: revision });
    if (published.status !== 200) throw new Error(`publish answered ${published.status}`);
    const measured = await Promise.all(
      [`/articles/${id}`, '/', '/sections/culture', '/tags/tokyo'].map(async (p) => [p.startsWith('/articles') ? 'article (new)' : p, await untilVisible(p, headline)] as const),
    );
    for (const [p, ms] of measured) (visibility[`publish → ${p}`] ??= []).push(ms);
    const fixed = `${headline}(訂正)`;
    const corrected = await runCommand(session!, id, 'correct', {
      baseRevision: published.article!.revision,
      draft: benchDraft(fixed),
      notice: '(訂正)見出しに誤りがありました。訂正しました。',
    });
    if (corrected.status !== 200) throw new Error(`correct answered ${corrected.status}`);
    (visibility['correct → article'] ??= []).push(await untilVisible(`/articles/${id}`, fixed));
    await runCommand(session!, id, 'unpublish', {});
    if (round === 0) gone = await rps(`/articles/${id}`);
  }
} finally {
  await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'never');
const markdown = `# Newsroom benchmarks

Latest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average at the end ${os.loadavg()[0]!.toFixed(1)}.
Produced by \`npm run bench:newsroom\` (bench/newsroom.ts) against the production build with embedded SQLite.
The machine is shared: compare figures within this page, measured in the same run.

## A cached article and a withdrawn one, both through proxy.ts (${DURATION} s each, 50 connections)

The proxy runs in front of every article URL, for every request (no switch
skips it: issue 14). The 410 is the proxy answering alone, without Next.js's
page cache behind it.

| request | req/s | p50 ms | p99 ms | errors |
| --- | ---: | ---: | ---: | ---: |
| cached article | ${cached!.rps.toFixed(0)} | ${cached!.p50} | ${cached!.p99} | ${cached!.errors} |
| withdrawn article (410 from the proxy) | ${gone!.rps.toFixed(0)} | ${gone!.p50} | ${gone!.p99} | ${gone!.errors} |

## From the newsroom's answer to an anonymous reader seeing the change (${ROUNDS} rounds)

Each round: a reader has the pages cached; the editor publishes a new article
in カルチャー tagged 東京; four readers poll (every 10 ms) until their page shows
it; then a correction of the headline, then the article is withdrawn.
Invalidation is \`revalidateTag(tag, 'max')\`, after which the server itself
requests page 1 behind each invalidated tag, one at a time, article first
(lib/newsroom/warm.ts), so a reader's request is rarely the one that gets the
old page while the new one renders.

| change → page | median ms | p90 ms | max ms |
| --- | ---: | ---: | ---: |
${Object.entries(visibility)
  .map(([k, xs]) => `| ${k} | ${fmt(quantile(xs, 0.5))} | ${fmt(quantile(xs, 0.9))} | ${fmt(Math.max(...xs))} |`)
  .join('\n')}

Target: under 1,000 ms.

## Sign-in

A sign-in request (scrypt N=2^15, r=8: 32 MiB), median of ${signIns.length}: **${fmt(quantile(signIns, 0.5))} ms**.
`;
fs.writeFileSync('docs/benchmarks-newsroom.md', markdown);
console.log(markdown);
