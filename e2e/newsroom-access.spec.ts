import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createAccount, createDraftApi, draftOf, editorHeaders, EVIL, signInApi, type Session } from './newsroom-helpers';
import { getBase, openServerDatabase } from './server';
import { createEditor } from '../lib/newsroom/editors';
import type { Role } from '../lib/newsroom/roles';

/**
 * Every newsroom route, found on disk so a new one cannot slip past: pages
 * send anonymous readers to sign-in; route handlers refuse anonymous,
 * cross-site, Origin-less and token-less requests; and each role (記者,
 * デスク, 管理者; ADR 0032) gets exactly what it may, route by route, with a
 * 403 for the rest. Plus the sign-in limits and the session cookie's
 * lifecycle. HTTP only: one browser width is enough.
 */

type Route = { file: string; pattern: string; methods: string[] };

function findRoutes(): Route[] {
  const roots = ['app/(newsroom)', 'app/api/newsroom', 'app/(site)/preview'];
  const routes: Route[] = [];
  for (const root of roots) {
    for (const entry of fs.readdirSync(root, { recursive: true }) as string[]) {
      const file = path.join(root, entry);
      const name = path.basename(file);
      if (name !== 'page.tsx' && name !== 'route.ts') continue;
      const pattern =
        '/' +
        path
          .dirname(file)
          .split(path.sep)
          .slice(1)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join('/');
      const source = fs.readFileSync(file, 'utf8');
      const methods =
        name === 'page.tsx' ? ['PAGE'] : [...source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      routes.push({ file, pattern, methods });
    }
  }
  return routes;
}

// Routes meant to answer outsiders, each for its own reason.
const PUBLIC = {
  '/newsroom/sign-in PAGE': 'the sign-in page itself',
  '/api/newsroom/sign-in POST': 'signing in (same-origin and form token still required)',
  '/api/newsroom/sign-in/code POST': "sign-in's 確認コード step (same-origin, form token and the code step's signed cookie required; ADR 0043)",
  '/preview/[token] GET': 'a shared preview link (its signed token is the credential)',
} as const;

// Pages that answer a 404, not a sign-in, to whoever may not see them: they are
// not the newsroom's, and say nothing about whether the article exists.
const GRANTED = {
  '/preview/articles/[id]/[[...page]] PAGE': 'an article at its preview address: a signed-in editor, or a preview link for it',
} as const;

const COMMANDS = ['submit', 'return', 'publish', 'schedule', 'unschedule', 'unpublish', 'fix', 'update', 'correct', 'restore', 'delete', 'undelete'] as const;

const LIVE_COMMANDS = ['post', 'edit', 'delete', 'pin', 'unpin', 'end'] as const;

const TWO_FACTOR_COMMANDS = ['start', 'confirm', 'disable'] as const;

// 特集・連載・筆者 (ADR 0050): one demo term of each kind, each used by articles, so no allowed role's delete below deletes it.
const TERM_TARGETS = [
  ['topics', 'energy-transition'],
  ['series', 'next-makers'],
  ['authors', 'ito-sayaka'],
] as const;

function fill(pattern: string, id: string): string[] {
  if (pattern.includes('/two-factor/[command]')) {
    return TWO_FACTOR_COMMANDS.map((c) => pattern.replace('[command]', c));
  }
  if (pattern.includes('/live/[command]')) {
    return LIVE_COMMANDS.map((c) => pattern.replace('[id]', id).replace('[command]', c));
  }
  if (pattern.includes('[command]')) {
    return COMMANDS.map((c) => pattern.replace('[id]', id).replace('[command]', c));
  }
  if (pattern.includes('[kind]')) {
    return TERM_TARGETS.map(([kind, slug]) => pattern.replace('[kind]', kind).replace('[slug]', slug));
  }
  return [
    pattern
      .replace('/preview-links/[id]', '/preview-links/AAAAAAAAAAAA')
      .replace('/accounts/[id]', '/accounts/AAAAAAAAAAAA')
      .replace('/editions/[id]', `/editions/${editionId}`)
      .replace('/pictures/[id]', '/pictures/aaaaaaaaaaaa')
      .replace('/magazine/issues/[slug]', `/magazine/issues/${issueSlug}`)
      .replace('/magazine/publications/[slug]', `/magazine/publications/${publicationSlug}`)
      .replace('/pages/[slug]', '/pages/terms')
      .replace('[id]', id)
      .replace('[number]', '1')
      .replace('[token]', 'not-a-token')
      .replace('/[[...page]]', ''),
  ];
}

let session: Session;
let draftId: string;
/** A draft newsletter edition (ADR 0044), for the edition pages and handlers. */
let editionId: string;
/** A demo issue and publication (ADR 0049), for the magazine desk's pages and handlers. */
let issueSlug: string;
let publicationSlug: string;
/** A signed-in session of each role; the demo account is 管理者. */
const sessions = {} as Record<Role, Session>;

test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'HTTP-level checks run once');
  session = await signInApi();
  sessions.admin = session;
  for (const role of ['reporter', 'desk'] as const) {
    const account = await createAccount(role, role === 'reporter' ? 'アクセス 記者' : 'アクセス デスク');
    sessions[role] = await signInApi(getBase(), account.login, account.password);
  }
  draftId = (await createDraftApi(session, draftOf({ headline: 'アクセス検査用の下書き' }))).id;
  const edition = await fetch(`${getBase()}/api/newsroom/editions`, {
    method: 'POST',
    headers: editorHeaders(session),
    body: JSON.stringify({ subject: 'アクセス検査用の号', intro: '', articleIds: [] }),
  });
  expect(edition.status).toBe(201);
  editionId = ((await edition.json()) as { id: string }).id;
  const conn = openServerDatabase();
  try {
    issueSlug = (await conn.db.selectFrom('magazine_issues').select('slug').orderBy('issue_date').limit(1).executeTakeFirstOrThrow()).slug;
    publicationSlug = (await conn.db.selectFrom('publications').select('slug').orderBy('slug').limit(1).executeTakeFirstOrThrow()).slug;
  } finally {
    await conn.db.destroy();
  }
});

test('the route table is what this spec checks', () => {
  const found = findRoutes()
    .flatMap((r) => r.methods.map((m) => `${r.pattern} ${m}`))
    .sort();
  expect(found).toEqual(
    [
      '/newsroom PAGE',
      '/newsroom/account PAGE',
      '/newsroom/accounts PAGE',
      '/newsroom/articles/new PAGE',
      '/newsroom/articles/[id] PAGE',
      '/newsroom/articles/[id]/revisions PAGE',
      '/newsroom/articles/[id]/revisions/[number] PAGE',
      '/newsroom/articles/[id]/revisions/compare PAGE',
      '/newsroom/articles/[id]/share PAGE',
      '/newsroom/articles/[id]/live PAGE',
      '/newsroom/front-page PAGE',
      '/newsroom/editions PAGE',
      '/newsroom/editions/new PAGE',
      '/newsroom/editions/[id] PAGE',
      '/newsroom/editions/[id]/mail PAGE',
      '/newsroom/pictures PAGE',
      '/newsroom/terms PAGE',
      '/newsroom/terms/[kind]/new PAGE',
      '/newsroom/terms/[kind]/[slug] PAGE',
      '/newsroom/magazine PAGE',
      '/newsroom/magazine/issues/new PAGE',
      '/newsroom/magazine/issues/[slug] PAGE',
      '/newsroom/magazine/publications/new PAGE',
      '/newsroom/magazine/publications/[slug] PAGE',
      '/newsroom/pages PAGE',
      '/newsroom/pages/[slug] PAGE',
      '/newsroom/sign-in PAGE',
      '/api/newsroom/accounts POST',
      '/api/newsroom/accounts/[id]/role POST',
      '/api/newsroom/accounts/[id]/two-factor POST',
      '/api/newsroom/accounts/two-factor-policy POST',
      '/api/newsroom/articles POST',
      '/api/newsroom/articles/[id] PUT',
      '/api/newsroom/articles/[id]/[command] POST',
      '/api/newsroom/articles/[id]/live/[command] POST',
      '/api/newsroom/articles/[id]/presence POST',
      '/api/newsroom/front-page POST',
      '/api/newsroom/editions POST',
      '/api/newsroom/editions/[id] PUT',
      '/api/newsroom/editions/[id]/send POST',
      '/api/newsroom/media POST',
      '/api/newsroom/magazine/issues POST',
      '/api/newsroom/magazine/issues/[slug] PUT',
      '/api/newsroom/magazine/publications POST',
      '/api/newsroom/magazine/publications/[slug] PUT',
      '/api/newsroom/pictures/search POST',
      '/api/newsroom/pictures/[id] POST',
      '/api/newsroom/pages/[slug] PUT',
      '/api/newsroom/preview-links POST',
      '/api/newsroom/preview-links/[id]/revoke POST',
      '/api/newsroom/sign-in POST',
      '/api/newsroom/sign-in/code POST',
      '/api/newsroom/sign-out POST',
      '/api/newsroom/terms POST',
      '/api/newsroom/terms/[kind] POST',
      '/api/newsroom/terms/[kind]/[slug] PUT',
      '/api/newsroom/terms/[kind]/[slug]/delete POST',
      '/api/newsroom/two-factor/[command] POST',
      '/preview/[token] GET',
      '/preview/articles/[id]/[[...page]] PAGE',
    ].sort(),
  );
});

test('every newsroom page sends an anonymous reader to sign-in', async () => {
  for (const route of findRoutes().filter((r) => r.methods.includes('PAGE'))) {
    for (const url of fill(route.pattern, draftId)) {
      const response = await fetch(`${getBase()}${url}`, { redirect: 'manual' });
      if (`${route.pattern} PAGE` in PUBLIC) {
        expect(response.status, url).toBe(200);
        continue;
      }
      if (`${route.pattern} PAGE` in GRANTED) {
        expect(response.status, url).toBe(404);
        expect((await fetch(`${getBase()}${url.replace(draftId, 'zzzzzzzz')}`, { redirect: 'manual' })).status, url).toBe(404);
        // What the 404 withholds is there for an editor.
        expect((await fetch(`${getBase()}${url}`, { headers: { cookie: session.cookie }, redirect: 'manual' })).status, url).toBe(200);
        continue;
      }
      expect(response.status, url).toBe(307);
      expect(response.headers.get('location'), url).toBe(`/newsroom/sign-in?next=${encodeURIComponent(url)}`);
      // Not even whether the article exists: the same answer for an unknown id.
      const unknown = await fetch(`${getBase()}${url.replace(draftId, 'zzzzzzzz')}`, { redirect: 'manual' });
      expect(unknown.status, url).toBe(307);
    }
  }
});

test('every newsroom mutation refuses anonymous, cross-site, Origin-less and token-less requests', async () => {
  const handlers = findRoutes().filter((r) => !r.methods.includes('PAGE'));
  const body = JSON.stringify({ draft: draftOf(), baseRevision: 2, at: new Date(Date.now() + 3_600_000).toISOString(), number: 1 });
  for (const route of handlers) {
    for (const method of route.methods) {
      const key = `${route.pattern} ${method}`;
      for (const url of fill(route.pattern, draftId)) {
        const send = (headers: Record<string, string>) => fetch(`${getBase()}${url}`, { method, headers, body: method === 'GET' ? undefined : body, redirect: 'manual' });
        const signed = editorHeaders(session);
        const { origin: _origin, ...noOrigin } = signed;
        const { 'x-csrf-token': _token, ...noToken } = signed;
        const attempts: [string, Record<string, string>][] = [
          ['cross-site', { ...signed, origin: EVIL }],
          ['cross-site fetch metadata', { ...signed, 'sec-fetch-site': 'cross-site' }],
          ['same-site fetch metadata', { ...signed, 'sec-fetch-site': 'same-site' }],
          ['no Origin', noOrigin],
        ];
        if (key === '/preview/[token] GET') {
          expect((await send({})).status, `${key} garbage token`).toBe(404);
          continue;
        }
        if (!(key in PUBLIC)) {
          attempts.push(['anonymous', { origin: getBase(), 'content-type': 'application/json' }]);
          attempts.push(['no CSRF token', noToken]);
          attempts.push(['wrong CSRF token', { ...signed, 'x-csrf-token': session.csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }]);
        }
        for (const [what, headers] of attempts) {
          const response = await send(headers);
          expect([401, 403], `${method} ${url}: ${what} got ${response.status}`).toContain(response.status);
        }
      }
    }
  }
  // None of that changed the draft.
  const page = await (await fetch(`${getBase()}/newsroom/articles/${draftId}/revisions`, { headers: { cookie: session.cookie } })).text();
  expect(page.includes('第1版'), 'the draft still has its revision').toBe(true);
  expect(page.includes('第2版'), 'no refused request saved a revision').toBe(false);
});

test('sign-in: one message for a wrong user or password, then 429 per account', async () => {
  const html = await (await fetch(`${getBase()}/newsroom/sign-in`)).text();
  const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(html)![0];
  const attempt = (login: string, password: string, extra: Record<string, string> = {}) =>
    fetch(`${getBase()}/api/newsroom/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: getBase(), ...extra },
      body: JSON.stringify({ login, password, token }),
    });
  const probe = `probe${Date.now()}`;
  const unknownUser = await attempt(probe, 'whatever password');
  const wrongPassword = await attempt('demo', 'not the demo password');
  expect(unknownUser.status).toBe(401);
  expect(wrongPassword.status).toBe(401);
  expect(await unknownUser.json()).toEqual(await wrongPassword.json());

  for (let i = 1; i < 5; i++) expect((await attempt(probe, `guess ${i}`)).status).toBe(401);
  const limited = await attempt(probe, 'the right one, too late');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await limited.json()) as { error: string }).error).toMatch(/しばらく/);
  // The demo account, with its own count, still signs in.
  expect((await signInApi()).cookie).toBeTruthy();
  // A forged form token is refused before any password is checked.
  const forged = await fetch(`${getBase()}/api/newsroom/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: getBase() },
    body: JSON.stringify({ login: 'demo', password: 'kiji-demo-newsroom', token: `${Date.now()}.${'A'.repeat(43)}` }),
  });
  expect(forged.status).toBe(403);
});

test('a guesser locks an account only for browsers it has never signed in from: its owner still signs in', async () => {
  const login = `owner${Date.now() % 100_000_000}`;
  const password = 'the owner knows this one';
  const conn = openServerDatabase();
  try {
    await createEditor(conn.db, { login, name: '持ち主 一郎', password });
  } finally {
    await conn.db.destroy();
  }
  const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(await (await fetch(`${getBase()}/newsroom/sign-in`)).text())![0];
  const attempt = (secret: string, headers: Record<string, string>) =>
    fetch(`${getBase()}/api/newsroom/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: getBase(), ...headers },
      body: JSON.stringify({ login, password: secret, token }),
    });
  // The owner signs in once at their desk: the browser is now the account's.
  const first = await attempt(password, { 'x-forwarded-for': '192.0.2.10' });
  expect(first.status).toBe(200);
  const device = first.headers.getSetCookie().find((c) => c.startsWith('kiji_device='))!.split(';')[0]!;
  // Someone elsewhere guesses, from several addresses, until the account is locked for them…
  for (let i = 0; i < 5; i++) expect((await attempt(`guess ${i}`, { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
  expect((await attempt(password, { 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
  // …and the owner's browser, from its usual place, signs in all the same.
  expect((await attempt(password, { 'x-forwarded-for': '192.0.2.10', cookie: device })).status).toBe(200);
});

test('sign-in refuses a 100 MB body with 413 as it streams, without reading it all', async () => {
  // Chunked (no Content-Length) and made as it is sent, 64 KB at a time: this process never holds 100 MB.
  const total = 100 * 1024 * 1024;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const response = await fetch(`${getBase()}/api/newsroom/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', origin: getBase() }, body, duplex: 'half' } as RequestInit);
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: string }).error).toMatch(/大きすぎ/);
  // The server answered and stopped reading long before the end.
  expect(sent).toBeLessThan(total);
});

test('session cookie: httpOnly and SameSite, a new token at every sign-in, dead after sign-out', async () => {
  const html = await (await fetch(`${getBase()}/newsroom/sign-in`)).text();
  const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(html)![0];
  const first = await signInApi();
  // Signing in again from the same browser (presenting the old cookie) rotates it.
  const again = await fetch(`${getBase()}/api/newsroom/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: getBase(), cookie: first.cookie },
    body: JSON.stringify({ login: 'demo', password: 'kiji-demo-newsroom', token }),
  });
  const setCookies = again.headers.getSetCookie();
  const setCookie = setCookies.find((c) => /^(__Host-)?kiji_session=/.test(c))!;
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=lax/i);
  // The browser is marked as the account's, for the sign-in route only (lib/newsroom/rate-limit.ts).
  const device = setCookies.find((c) => c.startsWith('kiji_device='))!;
  expect(device).toMatch(/HttpOnly/i);
  expect(device).toMatch(/Path=\/api\/newsroom\/sign-in/i);
  const second = setCookie.split(';')[0]!;
  expect(second).not.toBe(first.cookie);
  expect((await fetch(`${getBase()}/newsroom`, { headers: { cookie: first.cookie }, redirect: 'manual' })).status).toBe(307);
  expect((await fetch(`${getBase()}/newsroom`, { headers: { cookie: second }, redirect: 'manual' })).status).toBe(200);

  const page = await (await fetch(`${getBase()}/newsroom`, { headers: { cookie: second } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
  const out = await fetch(`${getBase()}/api/newsroom/sign-out`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: second, origin: getBase(), 'content-type': 'application/x-www-form-urlencoded' },
    body: `csrf=${encodeURIComponent(csrf)}`,
  });
  expect(out.status).toBe(303);
  // A copy of the cookie kept by an attacker is worthless too: the session row is gone.
  expect((await fetch(`${getBase()}/newsroom`, { headers: { cookie: second }, redirect: 'manual' })).status).toBe(307);
});

test('newsroom pages are private: no-store, noindex, not frameable', async () => {
  const response = await fetch(`${getBase()}/newsroom`, { headers: { cookie: session.cookie } });
  expect(response.headers.get('cache-control')).toMatch(/private/);
  expect(response.headers.get('cache-control')).toMatch(/no-store/);
  expect(response.headers.get('x-robots-tag')).toBe('noindex');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(await response.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
});

/**
 * What each role may do, route by route (ADR 0032). Pages: every signed-in
 * role sees every page but the accounts page, which sends a 記者 or デスク
 * back to the list with the reason, 特集・連載・筆者 (ADR 0050) and the
 * fixed pages (ADR 0048), which do the same to a 記者, and the magazine
 * desk's editing pages (ADR 0049), which send a 記者 back to the magazine
 * list (they read it). Mutations: `all`, or the roles that may use it;
 * everyone else gets 403 with a Japanese message, whatever they send.
 */
const EVERY_ROLE: readonly Role[] = ['reporter', 'desk', 'admin'];
const DESK: readonly Role[] = ['desk', 'admin'];

const TO_ACCOUNTS = { location: '/newsroom?denied=accounts', list: '/newsroom?denied=accounts', reason: 'アカウントの管理は管理者だけが行えます。' };
const TO_TERMS = { location: '/newsroom?denied=terms', list: '/newsroom?denied=terms', reason: '特集・連載・筆者の編集はデスクと管理者が行います。' };
const TO_PAGES = { location: '/newsroom?denied=pages', list: '/newsroom?denied=pages', reason: '固定ページ(会社概要・プライバシーポリシー・利用規約・お問い合わせ)を編集できるのはデスクと管理者です。' };
const TO_MAGAZINE = { location: '/newsroom/magazine?denied=1', list: '/newsroom/magazine?denied=1', reason: '雑誌の号と別冊・ムックの作成・編集はデスクと管理者が行います。' };
const PAGE_ROLES: Record<string, { roles: readonly Role[]; denied: typeof TO_ACCOUNTS }> = {
  '/newsroom/accounts': { roles: ['admin'], denied: TO_ACCOUNTS },
  '/newsroom/terms': { roles: DESK, denied: TO_TERMS },
  '/newsroom/terms/[kind]/new': { roles: DESK, denied: TO_TERMS },
  '/newsroom/terms/[kind]/[slug]': { roles: DESK, denied: TO_TERMS },
  '/newsroom/magazine/issues/new': { roles: DESK, denied: TO_MAGAZINE },
  '/newsroom/magazine/issues/[slug]': { roles: DESK, denied: TO_MAGAZINE },
  '/newsroom/magazine/publications/new': { roles: DESK, denied: TO_MAGAZINE },
  '/newsroom/magazine/publications/[slug]': { roles: DESK, denied: TO_MAGAZINE },
  '/newsroom/pages': { roles: DESK, denied: TO_PAGES },
  '/newsroom/pages/[slug]': { roles: DESK, denied: TO_PAGES },
};
const MUTATION_ROLES: Record<string, readonly Role[] | 'skip'> = {
  '/api/newsroom/sign-in POST': 'skip',
  '/api/newsroom/sign-in/code POST': 'skip',
  '/api/newsroom/sign-out POST': 'skip',
  '/api/newsroom/articles POST': EVERY_ROLE,
  '/api/newsroom/articles/[id] PUT': EVERY_ROLE,
  '/api/newsroom/articles/[id]/submit POST': EVERY_ROLE,
  '/api/newsroom/articles/[id]/restore POST': EVERY_ROLE,
  '/api/newsroom/articles/[id]/return POST': DESK,
  '/api/newsroom/articles/[id]/publish POST': DESK,
  '/api/newsroom/articles/[id]/schedule POST': DESK,
  '/api/newsroom/articles/[id]/unschedule POST': DESK,
  '/api/newsroom/articles/[id]/unpublish POST': DESK,
  '/api/newsroom/articles/[id]/fix POST': DESK,
  '/api/newsroom/articles/[id]/update POST': DESK,
  '/api/newsroom/articles/[id]/correct POST': DESK,
  // A 記者 deletes only their own drafts: this one is the 管理者's (ADR 0041). Only a 管理者 brings one back.
  '/api/newsroom/articles/[id]/delete POST': DESK,
  '/api/newsroom/articles/[id]/undelete POST': ['admin'],
  '/api/newsroom/front-page POST': DESK,
  // The fixed pages (ADR 0048): the desk's and the 管理者's, like the front page.
  '/api/newsroom/pages/[slug] PUT': DESK,
  // Newsletter editions (ADR 0044): any role drafts, the desk sends.
  '/api/newsroom/editions POST': EVERY_ROLE,
  '/api/newsroom/editions/[id] PUT': EVERY_ROLE,
  '/api/newsroom/editions/[id]/send POST': DESK,
  // A live page (ADR 0036): a 記者 posts and changes their own posts; the desk pins and ends.
  '/api/newsroom/articles/[id]/live/post POST': EVERY_ROLE,
  '/api/newsroom/articles/[id]/live/edit POST': EVERY_ROLE,
  '/api/newsroom/articles/[id]/live/delete POST': EVERY_ROLE,
  '/api/newsroom/articles/[id]/live/pin POST': DESK,
  '/api/newsroom/articles/[id]/live/unpin POST': DESK,
  '/api/newsroom/articles/[id]/live/end POST': DESK,
  '/api/newsroom/media POST': EVERY_ROLE,
  // Who else has an article open (ADR 0047): every role opens the editor, so every role says so and hears who else.
  '/api/newsroom/articles/[id]/presence POST': EVERY_ROLE,
  // The magazine desk (ADR 0049): issues and MOOKs are the desk's, like the front page; a 記者 reads the list only.
  '/api/newsroom/magazine/issues POST': DESK,
  '/api/newsroom/magazine/issues/[slug] PUT': DESK,
  '/api/newsroom/magazine/publications POST': DESK,
  '/api/newsroom/magazine/publications/[slug] PUT': DESK,
  // The picture library (ADR 0046): every role uploads, so every role searches it and describes its pictures.
  '/api/newsroom/pictures/search POST': EVERY_ROLE,
  '/api/newsroom/pictures/[id] POST': EVERY_ROLE,
  '/api/newsroom/preview-links POST': EVERY_ROLE,
  '/api/newsroom/preview-links/[id]/revoke POST': EVERY_ROLE,
  '/api/newsroom/terms POST': EVERY_ROLE,
  // 特集・連載・筆者 (ADR 0050): the desk's, like publishing. The terms are in use, so an allowed delete is refused (409) and changes nothing.
  '/api/newsroom/terms/[kind] POST': DESK,
  '/api/newsroom/terms/[kind]/[slug] PUT': DESK,
  '/api/newsroom/terms/[kind]/[slug]/delete POST': DESK,
  '/api/newsroom/accounts POST': ['admin'],
  '/api/newsroom/accounts/[id]/role POST': ['admin'],
  // Two-factor sign-in (ADR 0043): each account its own; a 管理者 resets another's and sets the requirement.
  '/api/newsroom/two-factor/start POST': EVERY_ROLE,
  '/api/newsroom/two-factor/confirm POST': EVERY_ROLE,
  '/api/newsroom/two-factor/disable POST': EVERY_ROLE,
  '/api/newsroom/accounts/[id]/two-factor POST': ['admin'],
  '/api/newsroom/accounts/two-factor-policy POST': ['admin'],
  '/preview/[token] GET': 'skip',
};

test('every newsroom page answers each role as it may', async () => {
  for (const route of findRoutes().filter((r) => r.methods.includes('PAGE'))) {
    if (`${route.pattern} PAGE` in PUBLIC) continue;
    for (const url of fill(route.pattern, draftId)) {
      for (const role of EVERY_ROLE) {
        const response = await fetch(`${getBase()}${url}`, { headers: { cookie: sessions[role].cookie }, redirect: 'manual' });
        const rule = PAGE_ROLES[route.pattern];
        if ((rule?.roles ?? EVERY_ROLE).includes(role)) {
          expect(response.status, `${role} ${url}`).toBe(200);
          continue;
        }
        expect(response.status, `${role} ${url}`).toBe(307);
        expect(response.headers.get('location'), `${role} ${url}`).toBe(rule!.denied.location);
        const list = await (await fetch(`${getBase()}${rule!.denied.list}`, { headers: { cookie: sessions[role].cookie } })).text();
        expect(list).toContain(rule!.denied.reason);
      }
    }
  }
  // Each role's name is on every page it sees; only a 管理者 is offered the accounts page, and a 記者 not the fixed pages.
  for (const [role, label] of [['reporter', '記者'], ['desk', 'デスク'], ['admin', '管理者']] as const) {
    const html = await (await fetch(`${getBase()}/newsroom`, { headers: { cookie: sessions[role].cookie } })).text();
    expect(html, role).toMatch(new RegExp(`data-testid="editor-role"[^>]*>${label}<`));
    expect(html.includes('href="/newsroom/accounts"'), role).toBe(role === 'admin');
    expect(html.includes('href="/newsroom/terms"'), role).toBe(role !== 'reporter');
    expect(html.includes('href="/newsroom/pages"'), role).toBe(role !== 'reporter');
  }
  // An editor who may open the fixed pages gets a 404 for a page that is not one.
  expect((await fetch(`${getBase()}/newsroom/pages/imprint`, { headers: { cookie: sessions.desk.cookie }, redirect: 'manual' })).status).toBe(404);
});

test('every newsroom mutation refuses, with 403 and a reason in Japanese, the roles that may not use it', async () => {
  // Sent with the headers of a real same-origin call and a body that a role
  // allowed to use the route gets refused for something else (a stale
  // revision, a missing field, a draft that is not live), so nothing here
  // changes the draft whoever is allowed.
  const body = JSON.stringify({ draft: draftOf(), baseRevision: 0, at: new Date(Date.now() + 3_600_000).toISOString(), number: 1 });
  const checked = new Set<string>();
  for (const route of findRoutes().filter((r) => !r.methods.includes('PAGE'))) {
    for (const method of route.methods) {
      for (const url of fill(route.pattern, draftId)) {
        const key = `${route.pattern.replace('[command]', url.split('/').pop()!)} ${method}`;
        const allowed = MUTATION_ROLES[key];
        expect(allowed, `${key} is in the role table`).toBeDefined();
        checked.add(key);
        if (allowed === undefined || allowed === 'skip') continue;
        for (const role of EVERY_ROLE) {
          // A first save makes a draft: the allowed roles' answer (201) is checked without making three.
          if (key === '/api/newsroom/articles POST' && allowed.includes(role) && role !== 'reporter') continue;
          const response = await fetch(`${getBase()}${url}`, { method, headers: editorHeaders(sessions[role]), body, redirect: 'manual' });
          const text = await response.text();
          if (allowed.includes(role)) {
            expect([401, 403], `${role} ${method} ${url} is allowed, got ${response.status}: ${text}`).not.toContain(response.status);
            expect(response.status, `${role} ${method} ${url}: ${text}`).toBeLessThan(500);
          } else {
            expect(response.status, `${role} ${method} ${url}: ${text}`).toBe(403);
            expect((JSON.parse(text) as { error: string }).error, `${role} ${method} ${url}`).toMatch(/デスク|管理者/);
          }
        }
      }
    }
  }
  expect([...checked].sort()).toEqual(Object.keys(MUTATION_ROLES).sort());
  // None of that changed the draft: still a draft with its two revisions.
  const page = await (await fetch(`${getBase()}/newsroom/articles/${draftId}/revisions`, { headers: { cookie: session.cookie } })).text();
  expect(page.includes('第1版'), 'the draft still has its revision').toBe(true);
  expect(page.includes('第2版'), 'no request saved a revision').toBe(false);
});
