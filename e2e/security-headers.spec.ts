import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import sharp from 'sharp';
import { expect, test as base, type BrowserContext } from '@playwright/test';
import { buildSecurityHeaders } from '../lib/http/security-headers';
import { emptyDraft } from '../lib/newsroom/draft';
import { multiPageStory, wireStory } from './demo';
import { E2E_PORT, E2E_REVALIDATE_SECRET } from './env';
import { DEMO_EDITOR, commandApi, createDraftApi, draftOf, signInApi, signInBrowser, type Session } from './newsroom-helpers';
import { getBase } from './server';

/**
 * The security headers (docs/adr/0021-security-headers.md) as a browser
 * gets them: on one response of every kind the server writes, over http and
 * over https (the TLS proxy's `X-Forwarded-Proto`); every cookie `Secure`
 * when SITE_URL is https; and no page, reader's or editor's, that breaks
 * its Content-Security-Policy while it is used.
 */

const test = base.extend<{ violations: string[] }>({
  // What the browser refused under the CSP (or would not read in the
  // Permissions-Policy), in every page of the test's context: the
  // `securitypolicyviolation` event, and Chromium's console message for it.
  violations: async ({ context }, use) => {
    const seen: string[] = [];
    await watchPolicies(context, seen);
    await use(seen);
  },
});

async function watchPolicies(context: BrowserContext, seen: string[]) {
  await context.exposeBinding('__kijiPolicyViolation', ({ page }, text: string) => void seen.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __kijiPolicyViolation: (text: string) => void }).__kijiPolicyViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} «${e.sample}»`);
    });
  });
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Permissions[- ]Policy|Refused to/i.test(message.text())) seen.push(`${message.page()?.url()}: console ${message.type()}: ${message.text()}`);
  });
}

/* ------------------------------------------------------------------ HTTP */

type Probe = { route: string; status: number; response: Response; overrides?: Record<string, string> };

/** Every header of the set, with the value it must have; HSTS absent over http. */
function checkHeaders({ route, status, response, overrides = {} }: Probe, https: boolean) {
  expect.soft(response.status, `${route}: status`).toBe(status);
  const expected: Record<string, string | null> = { ...buildSecurityHeaders({ https }), ...overrides };
  if (!https) expected['Strict-Transport-Security'] = null;
  for (const [name, value] of Object.entries(expected)) expect.soft(response.headers.get(name), `${route}: ${name}`).toBe(value);
}

/** Publishes a two-page draft and corrects it to one page (its page 2 answers 301), and publishes and withdraws another (410). */
async function prepareMovedAndGone(session: Session) {
  const two = await createDraftApi(session, draftOf({ body: '一ページ目。\n\n::pagebreak\n\n二ページ目。' }));
  const published = await commandApi(session, two.id, 'publish', { baseRevision: two.revision });
  expect(published.status).toBe(200);
  expect((await commandApi(session, two.id, 'fix', { draft: draftOf({ body: '一ページにまとめた。' }), baseRevision: published.body.article!.revision })).status).toBe(200);
  const gone = await createDraftApi(session, draftOf());
  expect((await commandApi(session, gone.id, 'publish', { baseRevision: gone.revision })).status).toBe(200);
  expect((await commandApi(session, gone.id, 'unpublish', {})).status).toBe(200);
  return { moved: `/articles/${two.id}/2`, gone: `/articles/${gone.id}` };
}

test('every kind of response carries the security headers, and HSTS only over https', async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'server output, not layout: checked once');
  test.setTimeout(120_000);
  const origin = getBase();
  const session = await signInApi();
  const { moved, gone } = await prepareMovedAndGone(session);
  const draft = await createDraftApi(session, draftOf());
  const article = await (await fetch(`${origin}/articles/${wireStory.id}`)).text();
  const image = /<img[^>]+srcSet="([^" ]+)/.exec(article)?.[1]?.replaceAll('&amp;', '&');
  expect(image, 'the hero srcset').toMatch(/^\/_next\/image\?url=%2Fmedia%2F/);
  const media = decodeURIComponent(/url=([^&]+)/.exec(image!)![1]!);
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(article)?.[1];
  expect(script, 'a script of the build').toBeTruthy();

  for (const https of [false, true]) {
    await test.step(https ? 'over https' : 'over http', async () => {
      // What the TLS proxy in front says; the Origin a browser on that scheme sends.
      const scheme = https ? 'https' : 'http';
      const pageOrigin = `${scheme}://${new URL(origin).host}`;
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${origin}${path}`, { redirect: 'manual', headers: { ...(https ? { 'x-forwarded-proto': 'https' } : {}), ...headers } });
      const post = (path: string, body: string, headers: Record<string, string>) =>
        fetch(`${origin}${path}`, { method: 'POST', redirect: 'manual', body, headers: { ...(https ? { 'x-forwarded-proto': 'https' } : {}), origin: pageOrigin, ...headers } });
      const editor = { cookie: session.cookie };

      // A page straight from the page cache: asked again until it is a HIT. Specs running beside this
      // one publish and save the magazine, which every article's sidebar shows, so the page may be
      // STALE for as long as its re-render takes on a busy machine: ask for a while, not five times at once.
      let cached = await get(`/articles/${multiPageStory.id}`);
      await expect
        .poll(
          async () => {
            cached = await get(`/articles/${multiPageStory.id}`);
            return cached.headers.get('x-nextjs-cache');
          },
          { timeout: 30_000, message: 'a cached page' },
        )
        .toBe('HIT');

      const signInToken = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(await (await get('/newsroom/sign-in')).text())?.[0];
      const probes: Probe[] = [
        // Pages: rendered, cached, listing, search, not found.
        { route: '/', status: 200, response: await get('/') },
        { route: '/articles/{id} (HIT)', status: 200, response: cached },
        { route: '/sections/{slug}', status: 200, response: await get(`/sections/${wireStory.section}`) },
        { route: '/search?q=…', status: 200, response: await get('/search?q=%E5%A4%96%E4%BA%A4') },
        { route: '/no/such/page', status: 404, response: await get('/no/such/page') },
        { route: '/articles/{unknown}', status: 404, response: await get('/articles/zzzzzzzz') },
        // proxy.ts's own answers.
        { route: '/articles/{withdrawn}', status: 410, response: await get(gone) },
        { route: '/articles/{id}/{removed page}', status: 301, response: await get(moved) },
        // Crawler files and route handlers, their 404s too.
        { route: '/feed.xml', status: 200, response: await get('/feed.xml') },
        { route: '/feeds/{unknown}.xml', status: 404, response: await get('/feeds/no-such-section.xml') },
        { route: '/sitemap.xml', status: 200, response: await get('/sitemap.xml') },
        { route: '/sitemaps/news.xml', status: 200, response: await get('/sitemaps/news.xml') },
        { route: '/robots.txt', status: 200, response: await get('/robots.txt') },
        { route: '/media/{path}', status: 200, response: await get(media) },
        { route: '/media/{unknown}', status: 404, response: await get('/media/no/such.webp') },
        { route: '/_next/static/…js', status: 200, response: await get(script!) },
        { route: '/api/rails', status: 200, response: await get('/api/rails') },
        { route: '/api/related/{id}', status: 200, response: await get(`/api/related/${wireStory.id}`) },
        { route: 'POST /api/views', status: 204, response: await post('/api/views', JSON.stringify({ id: wireStory.id }), { 'content-type': 'text/plain;charset=UTF-8' }) },
        // The newsroom and previews.
        { route: '/newsroom/sign-in', status: 200, response: await get('/newsroom/sign-in') },
        { route: '/newsroom (signed out)', status: 307, response: await get('/newsroom') },
        { route: '/newsroom', status: 200, response: await get('/newsroom', editor) },
        { route: '/newsroom/articles/{id}', status: 200, response: await get(`/newsroom/articles/${draft.id}`, editor) },
        {
          route: 'POST /api/newsroom/sign-in',
          status: 200,
          response: await post('/api/newsroom/sign-in', JSON.stringify({ login: DEMO_EDITOR.login, password: DEMO_EDITOR.password, token: signInToken }), { 'content-type': 'application/json' }),
        },
        { route: '/preview/articles/{draft}', status: 200, response: await get(`/preview/articles/${draft.id}`, editor) },
        { route: '/preview/{unknown}', status: 404, response: await get('/preview/not-a-token') },
      ];
      for (const probe of probes) checkHeaders(probe, https);

      // The optimiser's pictures carry its own, stricter policy (a sandbox, no script); the rest of the set is ours.
      const optimised = await get(image!, { accept: 'image/avif,image/webp,*/*' });
      const { 'Content-Security-Policy': _ours, ...rest } = buildSecurityHeaders({ https });
      checkHeaders({ route: '/_next/image', status: 200, response: optimised, overrides: { ...rest, 'Content-Security-Policy': "script-src 'none'; frame-src 'none'; sandbox;" } }, https);
    });
  }
});

/* ------------------------------------------------------- https: cookies */

/**
 * A server of the same build whose SITE_URL is https, behind the TLS proxy
 * this test stands in for (KIJI_TRUSTED_PROXY_HOPS=1): every cookie it sets
 * must be `Secure`, so a browser never sends it over plain http. Its port is
 * E2E_HTTPS_PORT (default the e2e port + 50); its data folder its own. It
 * serves only dynamic routes here, so it writes nothing to the shared page cache.
 */
const httpsPort = Number(process.env.E2E_HTTPS_PORT || E2E_PORT + 50);

function startHttpsSiteServer(): ChildProcess {
  fs.rmSync(`.e2e-data-${httpsPort}`, { recursive: true, force: true });
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(httpsPort)], {
    env: {
      ...process.env,
      PORT: String(httpsPort),
      KIJI_DATA_DIR: `.e2e-data-${httpsPort}`,
      SITE_URL: `https://127.0.0.1:${httpsPort}`,
      KIJI_TRUSTED_PROXY_HOPS: '1',
      KIJI_REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
      DATABASE_URL: '',
      REDIS_URL: '',
      SMTP_URL: '',
    },
    stdio: 'ignore',
  });
}

async function waitUntilServing(url: string): Promise<void> {
  const started = Date.now();
  while (!(await fetch(url).then((r) => r.ok).catch(() => false))) {
    // First start: the database is created and the demo seeded (40 s on a busy machine).
    if (Date.now() - started > 180_000) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each Set-Cookie of a response as name → attributes (lower-case). */
function readSetCookies(response: Response): Map<string, string[]> {
  return new Map(
    response.headers.getSetCookie().map((line) => {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      return [pair!.split('=')[0]!, attributes.map((a) => a.toLowerCase())];
    }),
  );
}

function expectSecure(cookies: Map<string, string[]>, names: string[], step: string) {
  expect([...cookies.keys()].sort(), `${step}: cookies set`).toEqual([...names].sort());
  for (const [name, attributes] of cookies) expect(attributes, `${step}: ${name}`).toContain('secure');
}

test('under an https SITE_URL every cookie is Secure: session, sign-in device, preview grant, sign-out', async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'one server of its own, started once');
  test.setTimeout(300_000);
  const server = startHttpsSiteServer();
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${httpsPort}`;
    // The browser is on https://127.0.0.1:<port>; the proxy forwards over http and says so.
    const browserOrigin = `https://127.0.0.1:${httpsPort}`;
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.23' };
    await waitUntilServing(`${base}/newsroom/sign-in`);

    const form = await fetch(`${base}/newsroom/sign-in`, { headers: proxied });
    expect(form.headers.get('strict-transport-security'), 'HSTS, behind the https proxy').toBe(buildSecurityHeaders({ https: true })['Strict-Transport-Security']);
    const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(await form.text())?.[0];
    const signedIn = await fetch(`${base}/api/newsroom/sign-in`, {
      method: 'POST',
      headers: { ...proxied, origin: browserOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ login: DEMO_EDITOR.login, password: DEMO_EDITOR.password, token }),
    });
    expect(signedIn.status).toBe(200);
    const signInCookies = readSetCookies(signedIn);
    // `__Host-`: a browser takes it only with Secure, Path=/ and no Domain.
    expectSecure(signInCookies, ['__Host-kiji_session', 'kiji_device'], 'sign-in');
    expect(signInCookies.get('__Host-kiji_session')).toContain('path=/');
    const session = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-kiji_session='))!
      .split(';')[0]!;

    const newsroom = await (await fetch(`${base}/newsroom`, { headers: { ...proxied, cookie: session } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(newsroom)?.[1];
    expect(csrf, 'the CSRF token on the newsroom page').toBeTruthy();
    const mutation = { ...proxied, cookie: session, origin: browserOrigin, 'x-csrf-token': csrf! };
    const created = await fetch(`${base}/api/newsroom/articles`, {
      method: 'POST',
      headers: { ...mutation, 'content-type': 'application/json' },
      body: JSON.stringify({ draft: { ...emptyDraft('culture'), headline: 'プロキシ越しの下書き' } }),
    });
    const id = ((await created.json()) as { article?: { id: string } }).article?.id;
    expect(created.status, 'a new draft').toBe(201);
    const linked = await fetch(`${base}/api/newsroom/preview-links`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...mutation, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: id!, hours: '24', csrf: csrf! }).toString(),
    });
    expect(linked.status, 'a preview link').toBe(303);
    const share = await (await fetch(new URL(linked.headers.get('location')!, base), { headers: { ...proxied, cookie: session } })).text();
    const link = /(\/preview\/[A-Za-z0-9._-]+)/.exec(share)?.[1];
    expect(link, 'the preview link on the share page').toBeTruthy();
    const granted = await fetch(`${base}${link}`, { redirect: 'manual', headers: proxied });
    expect(granted.status).toBe(303);
    expectSecure(readSetCookies(granted), ['kiji_preview'], 'preview link');

    const signedOut = await fetch(`${base}/api/newsroom/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...mutation, 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${encodeURIComponent(csrf!)}`,
    });
    expect(signedOut.status).toBe(303);
    expectSecure(readSetCookies(signedOut), ['__Host-kiji_session'], 'sign-out');
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    await exited;
    fs.rmSync(`.e2e-data-${httpsPort}`, { recursive: true, force: true });
  }
});

/* ------------------------------------------------------- in the browser */

const RUN = Date.now().toString(36);

test.describe('no page breaks the Content-Security-Policy while it is used', () => {
  test('reader pages: home, an article with its carousel, tabs, view beacon and rails refresher, a section, search', async ({ page, violations }) => {
    test.setTimeout(120_000);
    // A fake clock, so the rails refresher (loaded when the page's rails are old) runs when the test says.
    await page.clock.install();
    await page.goto('/');
    const rankings = page.getByRole('region', { name: '人気ランキング' });
    await rankings.getByRole('tab', { name: '週間' }).click();
    await expect(rankings.getByTestId('ranking-week')).toBeVisible();

    // Into an article by the client router (an RSC fetch, its scripts and pictures), then as a document.
    const beacon = page.waitForResponse((r) => r.url().endsWith('/api/views'));
    await page.locator('main a[href^="/articles/"]:visible').first().click();
    await page.waitForURL(/\/articles\/[2-9a-hjkmnp-z]{8}/);
    expect((await beacon).status()).toBe(204);
    await page.goto(`/articles/${wireStory.id}`);
    const related = page.getByRole('region', { name: 'あわせて読みたい', exact: true });
    await related.getByRole('button', { name: '次の記事へ' }).click();
    const more = page.waitForResponse((r) => r.url().includes(`/api/related/${wireStory.id}?`) && r.ok());
    await related.getByTestId('related-track').evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
    await more;
    const polled = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/rails', { timeout: 30_000 });
    await page.clock.fastForward('00:45');
    expect((await polled).status()).toBe(200);

    await page.goto(`/sections/${wireStory.section}`);
    await expect(page.locator('h1')).toBeVisible();
    // A GET form to our own origin (form-action).
    await page.goto('/search');
    await page.locator('main').getByRole('searchbox').fill('外交');
    await page.locator('main').getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('main')).toContainText('外交');
    expect(violations).toEqual([]);
  });

  test('the newsletter signup, sent by its script', async ({ browser }, info) => {
    // A reader of its own (the signup limit counts per client; the e2e server trusts one proxy).
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${(Number.parseInt(RUN.slice(-2), 36) % 200) + (info.project.name === 'phone' ? 1 : 50)}` } });
    const violations: string[] = [];
    await watchPolicies(context, violations);
    const page = await context.newPage();
    await page.goto('/newsletter');
    await page.getByLabel('メールアドレス').fill(`e2e-${RUN}-csp-${info.project.name}@example.jp`);
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByRole('status').filter({ hasText: '確認のメールをお送りしました' })).toBeVisible();
    await context.close();
    expect(violations).toEqual([]);
  });

  test('a withdrawn article (410, inside the site’s own pages) and a preview link that does not open', async ({ page, violations }) => {
    const session = await signInApi();
    const { id, revision } = await createDraftApi(session, draftOf());
    expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);
    expect((await commandApi(session, id, 'unpublish', {})).status).toBe(200);
    expect((await page.goto(`/articles/${id}`))?.status()).toBe(410);
    await expect(page.locator('h1')).toHaveText('この記事は公開を終了しました');
    // The site around it (ADR 0045): its navigation and newest stories, at the article's own address.
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.locator('section[aria-labelledby="latest-headlines"]').getByRole('link').first()).toBeVisible();
    expect(page.url()).toMatch(new RegExp(`/articles/${id}$`));
    // The page it is drawn from is no address of its own.
    expect((await page.goto('/articles/withdrawn'))?.status()).toBe(404);
    expect((await page.goto('/preview/not-a-token'))?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('プレビューリンクが無効です');
    expect(violations).toEqual([]);
  });

  test('the newsroom: sign-in, the editor with its live preview and photo upload, the preview page, sharing', async ({ page, violations }) => {
    test.setTimeout(120_000);
    await signInBrowser(page);
    const { id } = await createDraftApi(await signInApi(), draftOf());
    await page.goto(`/newsroom/articles/${id}`);
    const headline = `CSPの確認${Date.now()}`;
    await page.getByLabel('見出し', { exact: true }).fill(headline);
    // The live preview is rendered by a Server Action.
    await expect(page.getByTestId('live-preview').locator('h1')).toHaveText(headline);
    const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2f6f8f' } }).png().toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'csp.png', mimeType: 'image/png', buffer: photo });
    await expect(page.getByTestId('hero-size')).toHaveText('800×450px');
    await page.getByLabel('代替テキスト(写真の内容を文章で)').fill('青い四角');
    await expect(page.getByTestId('live-preview').locator('img').first()).toBeVisible();
    await page.getByRole('button', { name: '下書き保存' }).click();
    await expect(page.getByTestId('save-state')).toContainText('保存しました');

    await page.goto(`/preview/articles/${id}`);
    await expect(page.getByTestId('preview-banner')).toContainText('プレビュー中');
    await page.goto(`/newsroom/articles/${id}/share`);
    await page.getByRole('button', { name: 'リンクを作成' }).click();
    const link = await page.getByLabel('プレビューリンクのURL').first().inputValue();
    await page.goto(link);
    await expect(page.getByTestId('preview-banner')).toContainText('プレビュー中');
    expect(violations).toEqual([]);
  });
});
