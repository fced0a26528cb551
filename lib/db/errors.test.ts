import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_VERSION } from '../newsletter/consent';
import { handleSignup } from '../newsletter/http';
import { toErrorResponse } from '../newsroom/http';
import { openDatabase, type Connection } from './connect';
import { captureLog } from '../../test/support/log';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, reportBackgroundError, toServerFault } from './errors';

/**
 * A database that cannot be reached (docs/adr/0026-database-outage.md): a form or a newsroom call
 * answered Next.js's bare 500. Here a real pg pool points at a port where
 * nothing listens (refused at once, as a stopped PostgreSQL on the same
 * machine), and at one that accepts and never answers (a hung or
 * firewalled server), which the pool's connect timeout must end.
 * e2e/faults.spec.ts stops a real PostgreSQL under a running server.
 */

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('a database that cannot be reached', () => {
  let refused: Connection;
  let silent: net.Server;
  let hung: Connection;
  beforeAll(async () => {
    refused = openDatabase({ databaseUrl: `postgres://kiji@127.0.0.1:${await freePort()}/kiji`, dataDir: '/nonexistent' });
    // Accepts connections and never says a word.
    silent = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    hung = openDatabase({ databaseUrl: `postgres://kiji@127.0.0.1:${(silent.address() as net.AddressInfo).port}/kiji`, dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await refused?.db.destroy();
    await hung?.db.destroy();
    silent?.close();
  });

  const deps = (conn: Connection) => ({ db: conn.db, siteUrl: 'https://kiji.example', mailFrom: 'Kiji <news@kiji.example>', proxyHops: 0 });
  const signup = (accept: string) =>
    new Request('https://kiji.example/api/newsletter/subscribe', {
      method: 'POST',
      body: JSON.stringify({ email: 'down@example.jp', consent: CURRENT_CONSENT_VERSION, placement: 'article' }),
      headers: { 'content-type': 'application/json', accept, 'x-forwarded-for': '198.51.100.78' },
    });

  it('answers a signup 503 with the Japanese message and Retry-After, as JSON and as a page', async () => {
    for (const accept of ['application/json', 'text/html']) {
      const response = await handleSignup(signup(accept), deps(refused));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.headers.get('cache-control')).toContain('no-store');
      if (accept === 'application/json') expect(await response.json()).toEqual({ ok: false, message: DATABASE_UNAVAILABLE_MESSAGE });
      else expect(await response.text()).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    }
  });

  it('gives up on a server that never answers within the connect timeout, not a TCP timeout', async () => {
    const started = Date.now();
    const response = await handleSignup(signup('application/json'), deps(hung));
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('answers a newsroom command 503 with the same message', async () => {
    const error = await refused.db.selectFrom('articles').select('id').execute().then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = toErrorResponse(error);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it('tells an outage from a fault of the query', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(toServerFault(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }))?.kind).toBe('storage-full');
  });
});

describe('background tasks during an outage', () => {
  it('say once a minute that the database is unreachable, and every other failure in full', () => {
    const log = captureLog();
    try {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      for (let i = 0; i < 5; i++) reportBackgroundError('test', 'poll failed', refused);
      expect(log.entries()).toEqual([
        expect.objectContaining({ level: 'error', module: 'test', msg: 'poll failed: database unavailable', reason: 'connect ECONNREFUSED 127.0.0.1:5432' }),
      ]);
      const bug = new TypeError('x is undefined');
      reportBackgroundError('test', 'poll failed', bug);
      reportBackgroundError('test', 'poll failed', bug);
      expect(log.entries().slice(1)).toEqual([
        expect.objectContaining({ level: 'error', msg: 'poll failed', err: expect.objectContaining({ type: 'TypeError', message: 'x is undefined' }) }),
        expect.objectContaining({ level: 'error', msg: 'poll failed', err: expect.objectContaining({ type: 'TypeError', message: 'x is undefined' }) }),
      ]);
    } finally {
      log.restore();
    }
  });
});
