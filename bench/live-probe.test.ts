import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A server process as the bench loads the probe into it (NODE_OPTIONS=--require):
 * two HTTP servers on ports of their own, answers marked as Next.js marks
 * them, and a PostgreSQL driver of pg's shape loaded by its file's path, as
 * the build's ESM import of pg arrives. What the probe wrote is returned.
 */
function runUnderProbe(): { requests: Record<string, number>; renders: number; streamReads: number; ports: number[] }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-live-probe-'));
  made.push(dir);
  const probeDir = path.join(dir, 'probe');
  fs.mkdirSync(probeDir);
  // .cjs: under a TMPDIR inside the checkout, a .js file would be an ES module (package.json's "type").
  const driver = path.join(dir, 'fake-pg', 'index.cjs');
  fs.mkdirSync(path.dirname(driver));
  // pg's shape: Client, Pool (whose connections are Clients) and types; each query answers nothing.
  fs.writeFileSync(
    driver,
    `class Client { query() { return Promise.resolve({ rows: [] }); } }
     class Pool { connect() { return Promise.resolve(new Client()); } }
     module.exports = { Client, Pool, types: {} };`,
  );
  const script = `
    const http = require('node:http');
    const pg = require(${JSON.stringify(driver)});
    const server = http.createServer(async (req, res) => {
      if (req.url.startsWith('/articles/')) res.setHeader('x-nextjs-cache', req.url.endsWith('stale') ? 'STALE' : 'HIT');
      if (req.url.startsWith('/api/live/')) {
        const client = await new pg.Pool().connect();
        await client.query({ text: 'select "live_posts"."id" from "live_posts" where "article_id" = $1', values: ['x'] });
        await client.query('select 1 from "articles"');
      }
      res.end('ok');
    });
    server.listen(0, '127.0.0.1', async () => {
      const base = 'http://127.0.0.1:' + server.address().port;
      for (const p of ['/api/live/abc?after=x', '/api/live/abc?after=y', '/articles/abc', '/articles/abc/stale', '/']) await (await fetch(base + p)).text();
      console.log(server.address().port);
      server.close();
    });`;
  const port = Number(
    execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, KIJI_BENCH_PROBE_DIR: probeDir, NODE_OPTIONS: `--require ${path.resolve('bench/live-probe.cjs')}` },
      encoding: 'utf8',
    }).trim(),
  );
  const files = fs.readdirSync(probeDir).map((f) => JSON.parse(fs.readFileSync(path.join(probeDir, f), 'utf8')));
  expect(files.map((f) => f.ports)).toContainEqual([port]);
  return files;
}

describe('bench/live-probe.cjs', () => {
  it('counts requests by kind and by the port they came to, renders, and stream reads through a PostgreSQL driver loaded by path', () => {
    const [counts] = runUnderProbe();
    expect(counts).toMatchObject({ requests: { liveApi: 2, articlePage: 2, other: 1 }, renders: 1, streamReads: 2 });
  });
});
