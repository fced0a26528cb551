import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/connect';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { countedBody, streamedPost } from '../../test/support/bodies';
import { CURRENT_CONSENT_VERSION } from './consent';
import { handleConfirm, handleSignup, handleUnsubscribe, HTTP_MESSAGES, MAX_BODY_BYTES, type NewsletterHttpDeps } from './http';
import { listOutbox } from './outbox';
import { RATE_LIMIT_MESSAGE, SIGNUP_LIMITS } from './rate-limit';
import { SIGNUP_MESSAGES } from './validation';

/** The newsletter endpoints as a browser, a form without JavaScript and a mail client use them. */

const T0 = new Date('2026-11-20T03:00:00.000Z');
let ip = 0;
let n = 0;
const freshIp = () => `198.51.100.${++ip}`;
const freshAddress = () => `http${++n}@example.jp`;

function post(path: string, body: string, type: string, headers: Record<string, string> = {}) {
  return new Request(`https://kiji.example${path}`, { method: 'POST', body, headers: { 'content-type': type, ...headers } });
}
const json = (fields: Record<string, unknown>, client = freshIp()) =>
  post('/api/newsletter/subscribe', JSON.stringify(fields), 'application/json', { accept: 'application/json', 'x-forwarded-for': client });
const form = (fields: Record<string, string>, client = freshIp()) =>
  post('/api/newsletter/subscribe', new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', { accept: 'text/html', 'x-forwarded-for': client });
/** A 100 MB JSON signup sent chunked, made only as it is read. */
const chunked = (bytes: number) =>
  streamedPost('https://kiji.example/api/newsletter/subscribe', countedBody({ chunkBytes: 64 * 1024, totalBytes: bytes }).stream, {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-forwarded-for': freshIp(),
  });
const signup = (email: string, over: Record<string, string> = {}) => ({ email, consent: CURRENT_CONSENT_VERSION, placement: 'article', website: '', ...over });

describe.each(['sqlite', 'postgres'] as const)('newsletter endpoints on %s', (engine) => {
  let conn: TestDatabase;
  let deps: NewsletterHttpDeps;
  let queued = 0;
  const count = async (table: 'newsletter_subscribers' | 'mail_outbox' | 'newsletter_consents') =>
    Number((await conn.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const stored = async () => ({ subscribers: await count('newsletter_subscribers'), mail: await count('mail_outbox'), consents: await count('newsletter_consents') });

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'newsletter-http');
    await migrateToLatest(conn);
    deps = { db: conn.db, siteUrl: 'https://kiji.example', mailFrom: 'Kiji <news@kiji.example>', proxyHops: 1, now: () => T0, onQueued: () => queued++ };
  }, 60_000);
  afterAll(async () => conn?.close());

  it('gives the same reply for a new, a pending and a subscribed address', async () => {
    const known = freshAddress();
    const first = await handleSignup(json(signup(known)), deps);
    const token = /confirm\?token=([\w-]+)/.exec((await listOutbox(conn.db, { limit: 1, to: known }))[0]!.text)![1]!;
    const pending = await handleSignup(json(signup(known)), deps);
    await handleConfirm(post('/api/newsletter/confirm', JSON.stringify({ token }), 'application/json'), deps);
    const active = await handleSignup(json(signup(known)), deps);
    const unknown = await handleSignup(json(signup(freshAddress())), deps);
    const replies = await Promise.all([first, pending, active, unknown].map(async (r) => ({ status: r.status, body: await r.text() })));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(replies[0]).toEqual({ status: 202, body: JSON.stringify({ ok: true, message: HTTP_MESSAGES.accepted }) });
    expect(queued).toBeGreaterThanOrEqual(4);
  });

  it('sends a plain form on to the result page with a 303', async () => {
    const response = await handleSignup(form(signup(freshAddress())), deps);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/newsletter/sent');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers a filled honeypot like a person, and stores and sends nothing', async () => {
    const before = await stored();
    const response = await handleSignup(json(signup(freshAddress(), { website: 'https://spam.example' })), deps);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true, message: HTTP_MESSAGES.accepted });
    expect(await stored()).toEqual(before);
  });

  it('refuses malformed and oversized input with a 4xx and a Japanese message, storing nothing', async () => {
    const before = await stored();
    const cases: [Request, number, string][] = [
      [json(signup('taro@example')), 400, SIGNUP_MESSAGES.emailInvalid],
      [json(signup('')), 400, SIGNUP_MESSAGES.emailMissing],
      [json({ consent: CURRENT_CONSENT_VERSION }), 400, SIGNUP_MESSAGES.emailMissing],
      [json(signup(freshAddress(), { consent: 'forged' })), 400, SIGNUP_MESSAGES.formOutdated],
      [json(signup(`${'a'.repeat(300)}@example.jp`)), 400, SIGNUP_MESSAGES.emailTooLong],
      [post('/api/newsletter/subscribe', '{"email":', 'application/json', { accept: 'application/json' }), 400, HTTP_MESSAGES.unreadable],
      [post('/api/newsletter/subscribe', '["a@example.jp"]', 'application/json', { accept: 'application/json' }), 400, HTTP_MESSAGES.unreadable],
      [post('/api/newsletter/subscribe', 'email=a@example.jp', 'text/plain', { accept: 'application/json' }), 415, HTTP_MESSAGES.unsupported],
      [json(signup(`${'a'.repeat(MAX_BODY_BYTES)}@example.jp`)), 413, HTTP_MESSAGES.tooLarge],
      // A body bigger than it claims: the limit holds on what actually arrives.
      [post('/api/newsletter/subscribe', JSON.stringify(signup('x'.repeat(50_000))), 'application/json', { accept: 'application/json', 'content-length': '10' }), 413, HTTP_MESSAGES.tooLarge],
      // Chunked, with no length at all: refused as it streams.
      [chunked(100 * 1024 * 1024), 413, HTTP_MESSAGES.tooLarge],
    ];
    for (const [request, status, message] of cases) {
      const response = await handleSignup(request, deps);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ ok: false, message });
    }
    expect(await stored()).toEqual(before);
  });

  it('shows a plain form its error on a page with the 4xx status', async () => {
    const response = await handleSignup(form(signup('not an address')), deps);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(SIGNUP_MESSAGES.emailInvalid);
  });

  it('limits signups per client and per address with a 429 and a Japanese message', async () => {
    const client = freshIp();
    const perClient = SIGNUP_LIMITS.perClient.max;
    for (let i = 0; i < perClient; i++) expect((await handleSignup(json(signup(freshAddress()), client), deps)).status).toBe(202);
    const before = await stored();
    const limited = await handleSignup(json(signup(freshAddress()), client), deps);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ ok: false, message: RATE_LIMIT_MESSAGE });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
    // A client the proxy saw elsewhere is not limited, whatever it wrote into X-Forwarded-For itself
    // (the proxy appends what it saw, Next.js appends the proxy).
    expect((await handleSignup(json(signup(freshAddress()), `${client}, ${freshIp()}, 127.0.0.1`), deps)).status).toBe(202);

    const address = freshAddress();
    for (let i = 0; i < SIGNUP_LIMITS.perAddress.max; i++) expect((await handleSignup(json(signup(address)), deps)).status).toBe(202);
    expect((await handleSignup(json(signup(address)), deps)).status).toBe(429);
    // The window passes.
    const later = { ...deps, now: () => new Date(T0.getTime() + SIGNUP_LIMITS.perAddress.windowSeconds * 1000) };
    expect((await handleSignup(json(signup(address)), later)).status).toBe(202);
  });

  it('limits signups per mailbox, not per spelling: 20 case variants of one address get at most 3 mails an hour', async () => {
    const local = `mailbombtarget${++n}`;
    const spellings = Array.from({ length: 20 }, (_, i) => [...local].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join('') + '@Example.jp');
    expect(new Set(spellings).size).toBe(20);
    // Full-width and subaddressed spellings of the same mailbox too.
    spellings.push(`${local.toUpperCase()}＠ｅｘａｍｐｌｅ．ｊｐ`.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), `${local}+again@example.jp`);
    const before = await count('mail_outbox');
    const statuses = [];
    for (const email of spellings) statuses.push((await handleSignup(json(signup(email)), deps)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(SIGNUP_LIMITS.perAddress.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(spellings.length - SIGNUP_LIMITS.perAddress.max);
    expect((await count('mail_outbox')) - before).toBe(SIGNUP_LIMITS.perAddress.max);
  });

  it('confirms by POST and answers a bad or unknown token with a 4xx', async () => {
    const email = freshAddress();
    await handleSignup(form(signup(email)), deps);
    const token = /confirm\?token=([\w-]+)/.exec((await listOutbox(conn.db, { limit: 1, to: email }))[0]!.text)![1]!;
    const confirm = (body: string) => post('/api/newsletter/confirm', body, 'application/x-www-form-urlencoded');
    const ok = await handleConfirm(confirm(`token=${token}`), deps);
    expect([ok.status, ok.headers.get('location')]).toEqual([303, '/newsletter/confirmed']);
    const again = await handleConfirm(confirm(`token=${token}`), deps);
    expect([again.status, again.headers.get('location')]).toEqual([303, '/newsletter/confirmed']);
    expect((await handleConfirm(confirm('token=short'), deps)).status).toBe(400);
    expect((await handleConfirm(confirm(`token=${'a'.repeat(43)}`), deps)).status).toBe(404);
    const expired = { ...deps, now: () => new Date(T0.getTime() + 49 * 3_600_000) };
    const other = freshAddress();
    await handleSignup(json(signup(other)), deps);
    const otherToken = /confirm\?token=([\w-]+)/.exec((await listOutbox(conn.db, { limit: 1, to: other }))[0]!.text)![1]!;
    const late = await handleConfirm(confirm(`token=${otherToken}`), expired);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain(HTTP_MESSAGES.expired);
  });

  it('unsubscribes by RFC 8058 one-click POST to the List-Unsubscribe URL', async () => {
    const email = freshAddress();
    await handleSignup(json(signup(email)), deps);
    const [mail] = await listOutbox(conn.db, { limit: 1, to: email });
    const url = /^<(.+)>$/.exec(mail!.headers['List-Unsubscribe']!)![1]!;
    const response = await handleUnsubscribe(new Request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), deps);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(HTTP_MESSAGES.unsubscribed);
    const row = await conn.db.selectFrom('newsletter_subscribers').select('status').where('email', '=', email).executeTakeFirstOrThrow();
    expect(row.status).toBe('unsubscribed');
    // Multipart, as RFC 8058 also allows; already off the list now.
    const multipart = '--BoundaryWithCAPS\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--BoundaryWithCAPS--\r\n';
    const again = await handleUnsubscribe(
      new Request(url, { method: 'POST', body: multipart, headers: { 'content-type': 'multipart/form-data; boundary=BoundaryWithCAPS' } }),
      deps,
    );
    expect([again.status, await again.text()]).toEqual([200, HTTP_MESSAGES.alreadyUnsubscribed]);
    const forged = await handleUnsubscribe(new Request(url.replace(/token=[^.]+/, 'token=forged-subscriber'), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), deps);
    expect(forged.status).toBe(404);
  });
});
