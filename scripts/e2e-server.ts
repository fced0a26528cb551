// Starts one server of the e2e suite exactly as README's quick start does
// (`npm run build && npm start`), on empty data, from the settings
// playwright.config.ts gives it (e2e/env.ts): the SQLite data folder
// (KIJI_DATA_DIR) is removed; with DATABASE_URL that database is dropped and
// created again and REDIS_URL's keys under KIJI_REDIS_PREFIX are deleted, so
// the server migrates and seeds them as a first start does.
//
// E2E_APP_COPY=<folder>: serve from a copy of the build in that folder
// instead of the checkout, without building. Next.js keeps the pages and data
// it caches under `.next`, keyed by route, not by database: two servers on one
// `.next` would serve each other's pages. Playwright starts its web servers in
// order, so the first one has built by then.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { prepareAppCopy } from '../bench/server';
import { readSettings } from '../lib/config';

const settings = readSettings();
const appCopy = process.env.E2E_APP_COPY;

fs.rmSync(settings.dataDir, { recursive: true, force: true });
if (settings.databaseUrl) await recreateDatabase(settings.databaseUrl);
if (settings.redisUrl) await deleteKeys(settings.redisUrl, settings.redisPrefix);

let cwd = process.cwd();
if (appCopy) {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('E2E_APP_COPY: no build in .next to copy (the first e2e server builds it)');
  cwd = prepareAppCopy(path.resolve(appCopy));
} else {
  // Pages and data cached by an earlier run describe that run's database: start
  // with none, as a fresh deployment would.
  for (const cache of ['.next/server/route-cache', '.next/cache/fetch-cache']) fs.rmSync(cache, { recursive: true, force: true });
  if (!process.env.E2E_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
}
const server = spawn('npm', ['start'], { cwd, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

/** Drops the URL's database (closing its connections) and creates it empty, through the server's `postgres` database. */
async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const id = client.escapeIdentifier(name);
    await client.query(`drop database if exists ${id} with (force)`);
    await client.query(`create database ${id}`);
  } finally {
    await client.end();
  }
}

/** Deletes every key under `prefix`: other runs and sites may share the Redis database. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
