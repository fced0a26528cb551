import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { demoArticles } from '../lib/seed/demo/articles';
import { deriveArticleId } from '../lib/content/ids';
import { CURRENT_CONSENT_VERSION } from '../lib/newsletter/consent';
import { multiPageStory, wireStory } from './demo';
import { E2E_REVALIDATE_SECRET } from './env';
import { commandApi, createDraftApi, draftOf, editorHeaders, signInApi, type Session } from './newsroom-helpers';
import { getBase } from './server';

/**
 * Cache-Control, route by route, as a CDN in front of Kiji would read it
 * (docs/architecture.md, "Cache headers"). Each row is a route, what it
 * answers, and the policy it must send:
 *
 * - page: reader pages (home, articles, listings, magazine, ranking, the trust pages), which our
 *   own cache keeps until a write invalidates them: a minute at a CDN, a day
 *   stale (next.config.ts `headers()`, ADR 0018);
 * - isr(R): any other ISR page with revalidate R: `s-maxage=R, stale-while-revalidate=E-R`,
 *   E being `expireTime` in next.config.ts (a week);
 * - rails: GET /api/rails, which open pages poll: ten seconds at a CDN;
 * - crawler: sitemaps, feeds, robots.txt: a minute at the CDN, five more stale;
 * - immutable: bytes that never change at their address;
 * - optimised: /_next/image, written by Next.js from the original's year-long max-age;
 * - personal: private, no-store (newsroom, previews, newsletter answers, APIs with secrets);
 * - uncached: Next.js's own `private, no-cache, no-store, …` for dynamic and draft-mode renders;
 * - missing: a route handler's 404, a minute at a CDN; not-found pages and a withdrawn article's 410 (a page, ADR 0045) are page, or isr(60) where no page route matched.
 *
 * Server output, not layout: checked once, in the desktop project.
 */

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'desktop', 'server output, not layout: checked once');
});

/** `expireTime` in next.config.ts, in seconds. */
const EXPIRE = 604_800;

type Policy = { name: string; check: (header: string | undefined, route: string) => void };

const isr = (revalidate: number): Policy => ({
  name: `isr(${revalidate})`,
  check: (h, route) => expect.soft(h, route).toBe(`s-maxage=${revalidate}, stale-while-revalidate=${EXPIRE - revalidate}`),
});
const exactly = (name: string, value: string): Policy => ({ name, check: (h, route) => expect.soft(h, route).toBe(value) });
const page = exactly('page', 'public, max-age=0, s-maxage=60, stale-while-revalidate=86400');
const rails = exactly('rails', 'public, max-age=0, s-maxage=10, stale-while-revalidate=20');
const crawler = exactly('crawler', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
const immutable = exactly('immutable', 'public, max-age=31536000, immutable');
const optimised = exactly('optimised', 'public, max-age=31536000, must-revalidate');
const personal = exactly('personal', 'private, no-store');
const uncached = exactly('uncached', 'private, no-cache, no-store, max-age=0, must-revalidate');
const missing = exactly('missing', 'public, max-age=0, s-maxage=60');
/** A live page's new posts (GET /api/live/{id}, ADR 0036): five seconds at a CDN, nothing stale. */
const liveUpdates = exactly('live updates', 'public, max-age=0, s-maxage=5');
const liveDemo = deriveArticleId('society-live-typhoon-28-landfall');
/** Related reading's JSON (GET /api/related/{id}): public, five minutes at a CDN. */
const relatedJson = exactly('related', 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600');

/** Whatever the policy, these would let a shared cache keep something personal. */
function assertNotShared(header: string | undefined, route: string) {
  expect.soft(header ?? '', route).not.toMatch(/public|s-maxage/);
  expect.soft(header ?? '', route).toMatch(/private|no-store/);
}

type Row = { route: string; status: number; policy: Policy; request: (r: APIRequestContext) => Promise<APIResponse> };

const get =
  (path: string, headers: Record<string, string> = {}) =>
  (r: APIRequestContext) =>
    r.get(path, { headers, maxRedirects: 0 });
const post =
  (path: string, data: unknown, headers: Record<string, string> = {}) =>
  (r: APIRequestContext) =>
    r.post(path, { data: data as Record<string, unknown>, headers, maxRedirects: 0 });

const staff = demoArticles.find((a) => !a.status && a.authors?.length)!;
const serial = demoArticles.find((a) => !a.status && a.series)!;

async function check(request: APIRequestContext, row: Row) {
  const response = await row.request(request);
  expect.soft(response.status(), `${row.route}: status`).toBe(row.status);
  const header = response.headers()['cache-control'];
  await test.step(`${row.route} → ${row.policy.name}: ${header}`, () => row.policy.check(header, `${row.route} → ${row.policy.name}`));
  if (row.policy === personal || row.policy === uncached) assertNotShared(header, row.route);
  return response;
}

function html(response: APIResponse) {
  return response.text();
}

test('reader pages and crawler files are cacheable by a CDN, with stale-while-revalidate', async ({ request }) => {
  const article = await html(await request.get(`/articles/${wireStory.id}`));
  const magazine = await html(await request.get('/magazine'));
  const issue = /href="(\/magazine\/[^"/]+)"/.exec(magazine)?.[1];
  expect(issue, 'a magazine issue link').toBeTruthy();
  const section = await html(await request.get(`/sections/${wireStory.section}`));
  const nextPage = /<link rel="next" href="https?:\/\/[^/]+(\/sections\/[^"]+)"/.exec(section)?.[1];

  // Reader pages live in our cache until a write invalidates them; a CDN keeps
  // them a minute (ADR 0018). Their rails refresh from /api/rails.
  const rows: Row[] = [
    { route: '/', status: 200, policy: page, request: get('/') },
    { route: '/articles/{id}', status: 200, policy: page, request: get(`/articles/${wireStory.id}`) },
    { route: '/articles/{id}/2', status: 200, policy: page, request: get(`/articles/${multiPageStory.id}/2`) },
    { route: '/sections/{slug}', status: 200, policy: page, request: get(`/sections/${wireStory.section}`) },
    ...(nextPage ? [{ route: '/sections/{slug}/2', status: 200, policy: page, request: get(nextPage) }] : []),
    { route: '/topics/{slug}', status: 200, policy: page, request: get(`/topics/${wireStory.topics![0]}`) },
    { route: '/tags/{slug}', status: 200, policy: page, request: get(`/tags/${wireStory.tags[0]}`) },
    { route: '/series/{slug}', status: 200, policy: page, request: get(`/series/${serial.series}`) },
    { route: '/authors/{slug}', status: 200, policy: page, request: get(`/authors/${staff.authors![0]}`) },
    { route: '/magazine', status: 200, policy: page, request: get('/magazine') },
    { route: '/magazine/{issue}', status: 200, policy: page, request: get(issue!) },
    { route: '/publications', status: 200, policy: page, request: get('/publications') },
    { route: '/ranking', status: 200, policy: page, request: get('/ranking') },
    { route: '/about', status: 200, policy: page, request: get('/about') },
    { route: '/privacy', status: 200, policy: page, request: get('/privacy') },
    { route: '/terms', status: 200, policy: page, request: get('/terms') },
    { route: '/contact', status: 200, policy: page, request: get('/contact') },
    { route: '/api/rails', status: 200, policy: rails, request: get('/api/rails') },
    { route: '/articles/{live id}', status: 200, policy: page, request: get(`/articles/${liveDemo}`) },
    { route: '/api/live/{id}', status: 200, policy: liveUpdates, request: get(`/api/live/${liveDemo}?after=1970-01-01T00:00:00Z`) },
    // A forged draft-mode cookie is not draft mode: the page is the public one, with the public page's CDN lifetime.
    { route: '/articles/{id} with a forged draft cookie', status: 200, policy: page, request: get(`/articles/${wireStory.id}`, { cookie: '__prerender_bypass=forged' }) },
    { route: '/newsletter', status: 200, policy: isr(3600), request: get('/newsletter') },
    { route: '/newsletter/sent', status: 200, policy: isr(3600), request: get('/newsletter/sent') },
    { route: '/sitemap.xml', status: 200, policy: crawler, request: get('/sitemap.xml') },
    { route: '/sitemaps/news.xml', status: 200, policy: crawler, request: get('/sitemaps/news.xml') },
    { route: '/sitemaps/topics-1.xml', status: 200, policy: crawler, request: get('/sitemaps/topics-1.xml') },
    { route: '/feed.xml', status: 200, policy: crawler, request: get('/feed.xml') },
    { route: '/feeds/{section}.xml', status: 200, policy: crawler, request: get(`/feeds/${wireStory.section}.xml`) },
    { route: '/robots.txt', status: 200, policy: crawler, request: get('/robots.txt') },
    { route: '/api/related/{id}', status: 200, policy: relatedJson, request: get(`/api/related/${wireStory.id}`) },
  ];

  // Pictures: the original, the optimiser's AVIF/WebP of it, a crop for structured data, and the build's own files.
  const image = /<img[^>]+srcSet="([^" ]+)/.exec(article)?.[1]?.replaceAll('&amp;', '&');
  expect(image, 'the hero srcset').toMatch(/^\/_next\/image\?url=%2Fmedia%2F/);
  const media = decodeURIComponent(/url=([^&]+)/.exec(image!)![1]!);
  const crop = /"(https?:\/\/[^"]+\/crops\/[^"]+)"/.exec(article)?.[1];
  expect(crop, 'a crop in the JSON-LD').toBeTruthy();
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(article)?.[1];
  const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(article)?.[1];
  expect(script, 'a script of the build').toBeTruthy();
  expect(stylesheet, 'a stylesheet of the build').toBeTruthy();
  rows.push(
    { route: '/media/{path}', status: 200, policy: immutable, request: get(media) },
    { route: '/_next/image', status: 200, policy: optimised, request: get(image!, { accept: 'image/avif,image/webp,*/*' }) },
    { route: '/crops/{ratio}/{path}', status: 200, policy: immutable, request: get(new URL(crop!).pathname) },
    { route: '/_next/static/…js', status: 200, policy: immutable, request: get(script!) },
    { route: '/_next/static/…css', status: 200, policy: immutable, request: get(stylesheet!) },
  );

  for (const row of rows) {
    const response = await check(request, row);
    // Pages vary by the client router's headers: a CDN must not hand the Flight payload to a browser's document request.
    if (row.policy === page || row.policy.name.startsWith('isr')) expect.soft(response.headers().vary, `${row.route}: Vary`).toContain('rsc');
  }
});

test('nothing personal is cacheable by a shared cache', async ({ request }) => {
  const session = await signInApi();
  const editor = { cookie: session.cookie };
  const { id } = await createDraftApi(session, draftOf());
  const link = await createPreviewLink(request, session, id);

  const rows: Row[] = [
    // The newsroom, signed out and in; its API.
    { route: '/newsroom/sign-in', status: 200, policy: uncached, request: get('/newsroom/sign-in') },
    { route: '/newsroom (signed out)', status: 307, policy: uncached, request: get('/newsroom') },
    { route: '/newsroom', status: 200, policy: uncached, request: get('/newsroom', editor) },
    { route: '/newsroom/articles/{id}', status: 200, policy: uncached, request: get(`/newsroom/articles/${id}`, editor) },
    { route: 'POST /api/newsroom/sign-in (refused)', status: 400, policy: personal, request: post('/api/newsroom/sign-in', {}, { origin: getBase() }) },
    { route: 'POST /api/newsroom/terms (bad)', status: 400, policy: personal, request: post('/api/newsroom/terms', {}, editorHeaders(session)) },
    // Previews: a draft and a published article at their preview address, preview links.
    { route: '/preview/articles/{draft}', status: 200, policy: uncached, request: get(`/preview/articles/${id}`, editor) },
    { route: '/preview/articles/{id}', status: 200, policy: uncached, request: get(`/preview/articles/${wireStory.id}`, editor) },
    { route: '/preview/articles/{draft} (anonymous)', status: 404, policy: uncached, request: get(`/preview/articles/${id}`) },
    { route: '/preview/{token}', status: 303, policy: personal, request: get(link) },
    { route: '/preview/{unknown}', status: 404, policy: personal, request: get('/preview/not-a-token') },
    // Newsletter answers and the pages its mail links open.
    {
      route: 'POST /api/newsletter/subscribe (JSON)',
      status: 202,
      policy: personal,
      request: post('/api/newsletter/subscribe', { email: 'reader@example.com', consent: CURRENT_CONSENT_VERSION, website: 'filled-by-a-bot' }, { origin: getBase(), accept: 'application/json' }),
    },
    { route: 'POST /api/newsletter/subscribe (bad)', status: 400, policy: personal, request: post('/api/newsletter/subscribe', { email: 'x' }, { accept: 'application/json' }) },
    { route: 'POST /api/newsletter/confirm (bad)', status: 400, policy: personal, request: post('/api/newsletter/confirm', { token: '' }, { accept: 'application/json' }) },
    { route: 'POST /api/newsletter/unsubscribe (bad)', status: 400, policy: personal, request: post('/api/newsletter/unsubscribe', { token: '' }, { accept: 'application/json' }) },
    { route: 'GET /api/newsletter/unsubscribe', status: 303, policy: personal, request: get('/api/newsletter/unsubscribe?token=abc') },
    { route: '/newsletter/confirm?token=…', status: 404, policy: uncached, request: get('/newsletter/confirm?token=not-a-token') },
    { route: '/newsletter/unsubscribe?token=…', status: 404, policy: uncached, request: get('/newsletter/unsubscribe?token=not-a-token') },
    // The view beacon and the revalidation hook.
    { route: 'POST /api/views', status: 204, policy: personal, request: post('/api/views', { id: wireStory.id }, { origin: getBase() }) },
    { route: 'GET /api/views', status: 405, policy: personal, request: get('/api/views') },
    { route: 'POST /api/revalidate (no secret)', status: 401, policy: personal, request: post('/api/revalidate', { tags: ['breaking'] }) },
    {
      route: 'POST /api/revalidate',
      status: 200,
      policy: personal,
      request: post('/api/revalidate', { tags: ['breaking'] }, { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` }),
    },
    // Search: not personal, but keyed by a free-text query; decided in docs/architecture.md.
    { route: '/search?q=…', status: 200, policy: uncached, request: get('/search?q=%E5%A4%96%E4%BA%A4') },
  ];
  for (const row of rows) await check(request, row);
});

test('404s and 410s are cached briefly or not at all', async ({ request }) => {
  const session = await signInApi();
  const { id, revision } = await createDraftApi(session, draftOf());
  expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);
  expect((await commandApi(session, id, 'unpublish', {})).status).toBe(200);

  const rows: Row[] = [
    { route: '/articles/{unknown}', status: 404, policy: page, request: get('/articles/zzzzzzzz') },
    { route: '/sections/{unknown}', status: 404, policy: page, request: get('/sections/no-such-section') },
    { route: '/about/{extra}', status: 404, policy: page, request: get('/about/extra') },
    { route: '/no/such/page', status: 404, policy: isr(60), request: get('/no/such/page') },
    { route: '/feeds/{unknown}.xml', status: 404, policy: missing, request: get('/feeds/no-such-section.xml') },
    { route: '/sitemaps/{unknown}.xml', status: 404, policy: missing, request: get('/sitemaps/articles-1999-01-1.xml') },
    { route: '/media/{unknown}', status: 404, policy: missing, request: get('/media/no/such.webp') },
    { route: '/api/live/{unknown}', status: 404, policy: missing, request: get('/api/live/zzzzzzzz?after=1970-01-01T00:00:00Z') },
    { route: '/articles/{withdrawn}', status: 410, policy: page, request: get(`/articles/${id}`) },
  ];
  for (const row of rows) await check(request, row);
});

/** A shared preview link for `id`, made on the share page as an editor would. */
async function createPreviewLink(request: APIRequestContext, session: Session, id: string): Promise<string> {
  const created = await request.post('/api/newsroom/preview-links', {
    form: { id, hours: '24', csrf: session.csrf },
    headers: { cookie: session.cookie, origin: getBase(), 'x-csrf-token': session.csrf },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(303);
  const share = await html(await request.get(created.headers().location!, { headers: { cookie: session.cookie } }));
  const url = /(\/preview\/[A-Za-z0-9._-]+)/.exec(share)?.[1];
  expect(url, 'the preview link on the share page').toBeTruthy();
  return url!;
}

// Ids are derived from demo keys; the staff and serial articles must exist for their rows.
test('the demo has the articles the table needs', () => {
  expect(deriveArticleId(staff.key)).toMatch(/^[2-9a-hjkmnp-z]{8}$/);
  expect(serial.series).toBeTruthy();
});
