import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareAppCopy, requireServerPid, startServer, stopServerOnPort } from '../bench/server';
import { openDatabase, type Connection } from '../lib/db/connect';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../lib/db/errors';
import { CURRENT_CONSENT_VERSION } from '../lib/newsletter/consent';
import { startTestSmtpServer, type TestSmtpServer } from '../test/support/smtp-server';
import { retryDelayMs } from '../lib/newsletter/worker';
import { E2E_PORT } from './env';
import { commandApi, createDraftApi, draftOf, signInApi } from './newsroom-helpers';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';

/**
 * Faults survived (docs/adr/0026-database-outage.md), on one
 * production server of the build with services of its own: a private
 * PostgreSQL (initdb/pg_ctl, never the shared one) the test stops and starts
 * again, and an SMTP server in this process that is not listening at first.
 * - SMTP down: a signup still succeeds, its mail waits in the outbox and is
 *   retried later, and goes out exactly once when SMTP listens.
 * - PostgreSQL stopped: cached pages answer 200 with their content, forms and
 *   the newsroom a 503 with a Japanese message, at once; all of it works
 *   again when PostgreSQL is back, without restarting the server.
 * Runs in its own project after `cluster`.
 */

// 4240–4299, away from the e2e servers' ports (and 4222, NATS's); four per E2E_PORT so two runs on one machine rarely meet.
const BASE_PORT = 4240 + (E2E_PORT % 15) * 4;
const PG_PORT = BASE_PORT;
const PORT = BASE_PORT + 1;
const SMTP_PORT = BASE_PORT + 2;
const origin = `http://127.0.0.1:${PORT}`;

let work: string;
let postgres: PrivatePostgres;
let server: ChildProcess | null = null;
let serverPid: number;
let smtp: TestSmtpServer | null = null;
let db: Connection;
let readers = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-faults-'));
  postgres = startPrivatePostgres(PG_PORT);
  server = await startServer(
    {
      DATABASE_URL: postgres.url,
      REDIS_URL: '',
      KIJI_DATA_DIR: path.join(work, 'data'),
      SITE_URL: origin,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      // Each signup names a reader of its own, as nginx would, so the per-client limit never meets the test.
      KIJI_TRUSTED_PROXY_HOPS: '1',
    },
    PORT,
    { cwd: prepareAppCopy(path.join(work, 'app')) },
  );
  serverPid = requireServerPid(PORT);
  db = openDatabase({ databaseUrl: postgres.url, dataDir: work });
});

test.afterAll(async () => {
  await db?.db.destroy();
  await stopServerOnPort(PORT, server);
  await smtp?.close();
  postgres?.destroy();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A newsletter signup as the enhanced form sends it, from a reader of its own. */
function signup(email: string, format: 'json' | 'form' = 'json'): Promise<Response> {
  const headers = { 'x-forwarded-for': `198.51.100.${++readers}` };
  if (format === 'json') {
    return fetch(`${origin}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, consent: CURRENT_CONSENT_VERSION, placement: 'page' }),
      signal: AbortSignal.timeout(10_000),
    });
  }
  return fetch(`${origin}/api/newsletter/subscribe`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, consent: CURRENT_CONSENT_VERSION, placement: 'page' }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
}

const outboxTo = (email: string) => db.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute();
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;

test('SMTP down: a signup succeeds, its mail waits in the outbox, and goes out exactly once when SMTP listens', async () => {
  test.setTimeout(3 * 60_000);
  const email = `outbox-${Date.now()}@example.jp`;
  expect((await signup(email)).status).toBe(202);

  // The worker tried at once (nudged by the signup), failed to connect, and keeps the mail for later.
  // The claim counts the attempt; the row is back to pending only once the failure is recorded.
  const backedOff = async () => {
    const [row] = await outboxTo(email);
    return row !== undefined && row.attempts >= 1 && row.status === 'pending';
  };
  await expect.poll(backedOff, { timeout: 20_000 }).toBe(true);
  const [waiting] = await outboxTo(email);
  expect(waiting).toMatchObject({ kind: 'confirm', status: 'pending', claimed_by: null });
  expect(waiting!.last_error).toMatch(/ECONNREFUSED|connect/i);
  // Backed off, not retried in a loop or given up on.
  expect(Date.parse(waiting!.next_attempt_at) - Date.parse(waiting!.created_at)).toBeGreaterThanOrEqual(retryDelayMs(1) - 1_000);

  smtp = await startTestSmtpServer(SMTP_PORT);
  // Delivered at the retry (30 s after the failure) plus at most one poll (5 s).
  const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email), retryDelayMs(1) + 30_000);
  expect(mail.text).toContain('/newsletter/confirm?token=');
  const [sent] = await outboxTo(email);
  expect(sent).toMatchObject({ status: 'sent', claimed_by: null });
  // Two more polls of the worker: nothing goes out again.
  await new Promise((r) => setTimeout(r, 11_000));
  expect(smtp.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  expect((await outboxTo(email)).map((row) => row.status)).toEqual(['sent']);
});

test('PostgreSQL stopped: cached pages still show, forms and the newsroom answer 503 at once, and all recovers when it is back', async () => {
  test.setTimeout(4 * 60_000);
  // Pages readers have seen, cached before the outage.
  const home = await (await fetch(`${origin}/`)).text();
  const articles = [...new Set([...home.matchAll(/href="(\/articles\/[a-z0-9]+)"/g)].map((m) => m[1]!))].slice(0, 3);
  expect(articles).toHaveLength(3);
  const cached = ['/', ...articles, '/sections/world', '/ranking'];
  const before = new Map<string, string | null>();
  for (const page of cached) {
    await expect.poll(async () => (await fetch(`${origin}${page}`)).headers.get('x-nextjs-cache'), { timeout: 30_000 }).toBe('HIT');
    before.set(page, titleOf(await (await fetch(`${origin}${page}`)).text()));
  }
  const session = await signInApi(origin);
  const { id, revision } = await createDraftApi(session, draftOf({ headline: `障害中に公開しようとした記事${Date.now()}` }));

  postgres.stop();

  for (const page of cached) {
    const response = await fetch(`${origin}${page}`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status, page).toBe(200);
    expect(titleOf(await response.text()), page).toBe(before.get(page));
  }

  // Forms: the reader's message, as JSON to the enhanced form and as a page without JavaScript; nothing stored.
  const lostEmail = `outage-${Date.now()}@example.jp`;
  let started = Date.now();
  const json = await signup(lostEmail);
  expect(json.status).toBe(503);
  expect(json.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(json.headers.get('cache-control')).toContain('no-store');
  expect(await json.json()).toEqual({ ok: false, message: DATABASE_UNAVAILABLE_MESSAGE });
  const form = await signup(lostEmail, 'form');
  expect(form.status).toBe(503);
  expect(form.headers.get('content-type')).toContain('text/html');
  expect(await form.text()).toContain(DATABASE_UNAVAILABLE_MESSAGE);
  expect(Date.now() - started, 'both answered without waiting for a timeout').toBeLessThan(5_000);

  // The newsroom: its pages (the sign-in page too) and its API.
  started = Date.now();
  for (const page of ['/newsroom/sign-in', '/newsroom', `/newsroom/articles/${id}`]) {
    const response = await fetch(`${origin}${page}`, { headers: { cookie: session.cookie }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    expect(response.status, page).toBe(503);
    expect(response.headers.get('retry-after'), page).toMatch(/^\d+$/);
    expect(response.headers.get('cache-control'), page).toContain('no-store');
    expect(await response.text(), page).toContain(DATABASE_UNAVAILABLE_MESSAGE);
  }
  const refused = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(refused).toMatchObject({ status: 503, body: { error: DATABASE_UNAVAILABLE_MESSAGE } });
  expect(Date.now() - started, 'the newsroom answered without waiting for a timeout').toBeLessThan(10_000);

  // A reader page nobody asked for before: an error no cache may keep, answered at once.
  started = Date.now();
  const uncached = await fetch(`${origin}/sections/business`, { signal: AbortSignal.timeout(10_000) });
  expect(uncached.status).toBeGreaterThanOrEqual(500);
  expect(uncached.headers.get('cache-control')).toContain('no-store');
  expect(Date.now() - started).toBeLessThan(5_000);

  postgres.start();

  // Back without a restart: the same server process signs up, signs in and publishes.
  const backEmail = `recovered-${Date.now()}@example.jp`;
  await expect.poll(async () => (await signup(backEmail)).status, { timeout: 30_000, intervals: [500] }).toBe(202);
  expect(requireServerPid(PORT)).toBe(serverPid);
  expect((await fetch(`${origin}/newsroom/sign-in`)).status).toBe(200);
  const again = await signInApi(origin);
  const published = await commandApi(again, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  expect((await fetch(`${origin}/articles/${id}`)).status).toBe(200);
  // Nothing lost: the refused signup stored nothing, the later one's mail goes out.
  expect(await outboxTo(lostEmail)).toEqual([]);
  smtp ??= await startTestSmtpServer(SMTP_PORT);
  await smtp.waitFor((m) => m.envelopeTo.includes(backEmail), retryDelayMs(1) + 30_000);
});
