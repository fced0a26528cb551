import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { openTestSqlite } from '../../test/support/database';
import { trackRequestIds } from '../log';
import { captureLog } from '../../test/support/log';
import { toSignInToken } from './csrf';
import { createEditor } from './editors';
import { handleSignIn } from './sign-in';

/**
 * Sign-in outcomes in the log (docs/adr/0028-structured-logs.md): POST
 * /api/newsroom/sign-in's handler behind Node's HTTP server, as `next start`
 * runs it behind nginx, with nginx's X-Request-Id. Each outcome's line
 * carries the request's id and the account's id, and nothing typed: no
 * login, no password, no address.
 */

const SITE = 'https://kiji.example';
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const db = vi.hoisted(() => ({ conn: undefined as Connection | undefined }));
vi.mock('./context', () => ({
  getNewsroomContext: async () => ({
    db: db.conn!.db,
    secret: SECRET,
    settings: { secret: undefined, trustedProxyHops: 1, secureCookies: true, publicDeployment: true, internalUrl: SITE },
    siteUrl: SITE,
  }),
}));
// No Next.js request scope here: a cookie jar of this test's own.
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

let server: http.Server;
let url: string;
let stop: () => void;
let editorId: string;

beforeAll(async () => {
  db.conn = openTestSqlite('kiji-sign-in-log-');
  await migrateToLatest(db.conn);
  editorId = (await createEditor(db.conn.db, { login: 'sato', name: '佐藤 花子', password: 'a-long-enough-passphrase-1' })).id;
  stop = trackRequestIds({ trustHeader: true });
  // The route handler, behind Node's server.
  server = http.createServer(async (req, res) => {
    const request = new Request(`${SITE}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const response = await handleSignIn(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/newsroom/sign-in`;
});

afterAll(async () => {
  stop?.();
  await new Promise((resolve) => server?.close(resolve));
  await db.conn?.db.destroy();
});

async function signIn(password: string, requestId: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/json', 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.7, 127.0.0.1' },
    body: JSON.stringify({ login: 'sato', password, token: toSignInToken(SECRET) }),
  });
  return response.status;
}

describe('sign-in in the log', () => {
  it("logs each outcome with the request's id and the account's id, never the login, password or address", async () => {
    const log = captureLog();
    try {
      expect(await signIn('not-the-passphrase', '0123456789abcdef0123456789abcdef')).toBe(401);
      expect(await signIn('a-long-enough-passphrase-1', 'fedcba9876543210fedcba9876543210')).toBe(200);
    } finally {
      log.restore();
    }
    const outcomes = log.entries().filter((e) => e.module === 'newsroom');
    expect(outcomes).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'sign-in refused', outcome: 'wrong-credentials', reqId: '0123456789abcdef0123456789abcdef', client: expect.any(String) }),
      expect.objectContaining({ level: 'info', msg: 'sign-in', outcome: 'signed-in', editorId, reqId: 'fedcba9876543210fedcba9876543210', client: expect.any(String) }),
    ]);
    expect(outcomes[0]).not.toHaveProperty('editorId');
    // The same address, the same keyed hash: failures from one place can be told apart without the address.
    expect(outcomes[0]!.client).toBe(outcomes[1]!.client);
    const text = JSON.stringify(log.entries());
    for (const typed of ['sato', 'passphrase', '203.0.113.7', '佐藤']) expect(text, typed).not.toContain(typed);
  });
});
