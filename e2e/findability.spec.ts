import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import Parser from 'rss-parser';
import { checkImageEntries, checkNewsSitemap, checkWellFormed, parseIndex, validateUrlsetXsd } from '../test/support/validators';
import { demoArticles } from '../lib/seed/demo/articles';
import { deriveArticleId } from '../lib/content/ids';
import { hiddenArticles, multiPageStory, publishedArticles, publishedCount, wireStory } from './demo';
import { E2E_REVALIDATE_SECRET } from './env';
import { createDraftApi, draftOf, signInApi } from './newsroom-helpers';
import { getServer, isServerCheckProject, openServerDatabase } from './server';

/**
 * What search engines and feed readers get (issue 6), checked with
 * validators Kiji did not write: the sitemaps.org XSD via xmllint, the
 * `sitemap` and `rss-parser` packages' parsers and the Nu Html Checker.
 * None of it needs a browser window, so everything runs once per server.
 * Lighthouse's SEO audits (100 on home, article, section and ranking) run in
 * e2e/lighthouse-budgets.spec.ts, with the other categories.
 */

test.beforeEach(({ browserName }, info) => {
  test.skip(!isServerCheckProject(info) || browserName !== 'chromium', 'server output, not layout: checked once per server');
});

// The running project's server (its SITE_URL): every absolute URL it writes starts with it.
let ORIGIN: string;
test.beforeAll(({}, info) => {
  ORIGIN = getServer(info).base;
});

async function text(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  return new RegExp(`<meta ${attr}="${key.replace(/[:]/g, '\\:')}" content="([^"]*)"`).exec(html)?.[1];
}

test.describe('files for crawlers', () => {
  test('robots.txt opens the site, closes the newsroom, previews and API, and names the sitemaps', async ({ request }) => {
    const robots = await text(request, '/robots.txt');
    expect(robots).toMatch(/User-Agent: \*/i);
    expect(robots).toContain('Allow: /');
    for (const path of ['/newsroom', '/preview', '/api/']) expect(robots).toContain(`Disallow: ${path}`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemaps/news.xml`);
  });

  test('the sitemap index and every child sitemap validate, and list each public article once', async ({ request }) => {
    const index = await text(request, '/sitemap.xml');
    expect(checkWellFormed(index).ok).toBe(true);
    const children = await parseIndex(index);
    expect(children.length).toBeGreaterThan(3);
    const articleUrls: string[] = [];
    for (const child of children) {
      expect(child.url.startsWith(ORIGIN)).toBe(true);
      const xml = await text(request, child.url.slice(ORIGIN.length));
      const verdict = validateUrlsetXsd(xml);
      expect(verdict.ok, `${child.url}: ${verdict.output}`).toBe(true);
      expect(checkImageEntries(xml)).toEqual([]);
      if (child.url.endsWith('/news.xml')) expect(checkNewsSitemap(xml, new Date())).toEqual([]);
      else if (child.url.includes('/articles-')) articleUrls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    // Each public article once. Specs that publish through the newsroom share
    // this server, so articles beyond the demo may be listed too.
    expect(new Set(articleUrls).size).toBe(articleUrls.length);
    for (const a of publishedArticles) expect(articleUrls).toContain(`${ORIGIN}/articles/${a.id}`);
    expect(articleUrls.length).toBeGreaterThanOrEqual(publishedCount);
    for (const hidden of hiddenArticles) expect(articleUrls).not.toContain(`${ORIGIN}/articles/${hidden.id}`);
    expect((await request.get('/sitemaps/articles-1999-01-1.xml')).status()).toBe(404);
    expect((await request.get('/sitemaps/nonsense.xml')).status()).toBe(404);
  });

  test('RSS feeds parse with a standard parser and are linked from page heads', async ({ request }) => {
    const parser = new Parser({ customFields: { item: ['dc:creator', 'enclosure'] } });
    const all = await parser.parseString(await text(request, '/feed.xml'));
    expect(all.items.length).toBeGreaterThan(10);
    expect(all.link).toBe(`${ORIGIN}/`);
    for (const item of all.items) {
      expect(item.title).toBeTruthy();
      expect(item.link?.startsWith(`${ORIGIN}/articles/`)).toBe(true);
      expect(item.guid).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
      expect(item.contentSnippet ?? item.content).toBeTruthy();
      expect(item.categories?.length).toBeGreaterThan(0);
    }
    const withPicture = all.items.find((i) => i.enclosure);
    expect(Number(withPicture?.enclosure?.length)).toBeGreaterThan(0);
    const world = await parser.parseString(await text(request, '/feeds/world.xml'));
    expect(world.items.length).toBeGreaterThan(0);
    // rss-parser gives a category with a domain attribute as { _: text, $: attributes }.
    const first = (i: Parser.Item) => (i.categories?.[0] as unknown as { _: string } | string | undefined);
    expect(world.items.every((i) => { const c = first(i); return (typeof c === 'string' ? c : c?._) === 'ワールド'; })).toBe(true);
    expect((await request.get('/feeds/nowhere.xml')).status()).toBe(404);

    const home = await text(request, '/');
    expect(home).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="http:\/\/127\.0\.0\.1:\d+\/feed\.xml" title="[^"]+"/);
    const section = await text(request, '/sections/world');
    expect(section).toContain('/feeds/world.xml"');
  });
});

test.describe('pages', () => {
  test('an article carries full metadata and NewsArticle + BreadcrumbList JSON-LD', async ({ request }) => {
    const html = await text(request, `/articles/${wireStory.id}`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/articles/${wireStory.id}"`);
    expect(meta(html, 'name', 'robots')).toBe('max-image-preview:large');
    expect(meta(html, 'name', 'description')).toBeTruthy();
    expect(meta(html, 'property', 'og:type')).toBe('article');
    expect(meta(html, 'property', 'article:published_time')).toMatch(/\+09:00$/);
    expect(meta(html, 'property', 'article:modified_time')).toMatch(/\+09:00$/);
    expect(meta(html, 'property', 'article:section')).toBeTruthy();
    expect(meta(html, 'property', 'article:tag')).toBeTruthy();
    // A JPEG made from the WebP hero: LINE's link preview does not show WebP.
    const ogImage = meta(html, 'property', 'og:image')!;
    expect(ogImage).toMatch(new RegExp(`^${ORIGIN}/crops/og/.+\\.jpg$`));
    expect(meta(html, 'property', 'og:image:width')).toBe('1200');
    expect(meta(html, 'property', 'og:image:height')).toBe('630');
    const preview = await request.get(new URL(ogImage).pathname);
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toBe('image/jpeg');
    expect([...(await preview.body()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(html).toMatch(/<title>[^<]+ \| Kiji<\/title>/);

    const blocks = jsonLd(html);
    const article = blocks.find((b) => b['@type'] === 'NewsArticle')!;
    // Google's Article documentation: every property it lists (all recommended; none strictly required).
    for (const key of ['headline', 'image', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage', 'articleSection', 'keywords', 'inLanguage', 'isAccessibleForFree', 'description']) {
      expect(article[key], key).toBeDefined();
    }
    expect(article.inLanguage).toBe('ja');
    expect(String(article.datePublished)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    const publisher = article.publisher as { '@type': string; name: string; logo: { url: string } };
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect((await request.get(publisher.logo.url.slice(ORIGIN.length))).status()).toBe(200);
    const authors = article.author as { '@type': string; name: string }[];
    expect(authors[0]).toMatchObject({ '@type': 'Organization' }); // a wire story without a byline credits the agency
    const images = article.image as { url: string; width: string; height: string }[];
    expect(images.map((i) => Number(i.width) / Number(i.height)).map((r) => r.toFixed(2))).toEqual(['1.78', '1.33', '1.00']);
    for (const image of images) {
      expect(Number(image.width) * Number(image.height)).toBeGreaterThanOrEqual(50_000);
      const picture = await request.get(image.url.slice(ORIGIN.length));
      expect(picture.status()).toBe(200);
      expect(picture.headers()['content-type']).toBe('image/webp');
      expect(picture.headers()['cache-control']).toContain('immutable');
    }
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList')!;
    expect((crumbs.itemListElement as unknown[]).length).toBe(3);
  });

  test('a staff article names its authors as people with a page of their own', async ({ request }) => {
    const staff = demoArticles.find((a) => !a.status && a.authors?.length)!;
    const html = await text(request, `/articles/${deriveArticleId(staff.key)}`);
    const article = jsonLd(html).find((b) => b['@type'] === 'NewsArticle')!;
    const person = (article.author as { '@type': string; url: string }[])[0]!;
    expect(person['@type']).toBe('Person');
    expect((await request.get(person.url.slice(ORIGIN.length))).status()).toBe(200);
  });

  test('each page of a multi-page article is self-canonical with prev/next links', async ({ request }) => {
    const html = await text(request, `/articles/${multiPageStory.id}/2`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/articles/${multiPageStory.id}/2"`);
    expect(html).toContain(`<link rel="prev" href="${ORIGIN}/articles/${multiPageStory.id}"`);
    const pages = multiPageStory.body.split('\n::pagebreak\n').length;
    if (pages > 2) expect(html).toContain(`<link rel="next" href="${ORIGIN}/articles/${multiPageStory.id}/3"`);
  });

  test('listings are CollectionPages, the home page declares the site and its search', async ({ request }) => {
    const section = jsonLd(await text(request, '/sections/world'));
    const collection = section.find((b) => b['@type'] === 'CollectionPage')!;
    expect((collection.mainEntity as { '@type': string; itemListElement: unknown[] })['@type']).toBe('ItemList');
    expect((collection.mainEntity as { itemListElement: unknown[] }).itemListElement.length).toBeGreaterThan(0);
    const home = jsonLd(await text(request, '/'));
    const site = home.find((b) => b['@type'] === 'WebSite')!;
    expect(JSON.stringify(site.potentialAction)).toContain('/search?q={search_term_string}');
    expect(home.some((b) => b['@type'] === 'NewsMediaOrganization')).toBe(true);
  });

  test('status codes: 404 unknown, 301 moved, noindex search', async ({ request }) => {
    expect((await request.get('/articles/zzzzzzzz')).status()).toBe(404);
    for (const hidden of hiddenArticles) expect((await request.get(`/articles/${hidden.id}`)).status()).toBe(404);
    const moved = await request.get('/sections/world/1', { maxRedirects: 0 });
    expect(moved.status()).toBe(301);
    expect(moved.headers().location).toBe('/sections/world');
    const search = await text(request, '/search?q=%E5%A4%96%E4%BA%A4');
    expect(meta(search, 'name', 'robots')).toBe('noindex, follow');
  });
});

test.describe('site search', () => {
  test('finds Japanese words inside longer text and marks them', async ({ page }) => {
    const word = Array.from(wireStory.headline).slice(2, 5).join('');
    const response = await page.goto(`/search?q=${encodeURIComponent(word)}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main ol li').first()).toBeVisible();
    await expect(page.locator('main ol mark').first()).toHaveText(word);
    await expect(page.locator(`main ol a[href="/articles/${wireStory.id}"]`)).toBeVisible();
  });

  test('empty, huge and hostile queries get a clear page, never a 500', async ({ request }) => {
    const empty = await text(request, '/search');
    expect(empty).toContain('キーワードを入力して検索してください');
    expect(await text(request, '/search?q=%20%20')).toContain('キーワードを入力して検索してください');
    const huge = await text(request, `/search?q=${'北'.repeat(1500)}`);
    expect(huge).toContain('検索語が長すぎるため');
    // Past Node's 16 KB header limit the server itself refuses the request line, with a 4xx.
    const enormous = await request.get(`/search?q=${'北'.repeat(20_000)}`);
    expect(enormous.status()).toBeGreaterThanOrEqual(400);
    expect(enormous.status()).toBeLessThan(500);
    for (const q of ['%', '"', "' OR 1=1 --", 'NEAR(a b)', '*', '<script>alert(1)</script>', '\\', '%00', '%E3%81', 'a AND b OR c']) {
      const response = await request.get(`/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`);
      expect(response.status(), q).toBe(200);
      expect(await response.text()).not.toContain('<script>alert(1)</script>');
    }
    expect((await request.get('/search?q=a&q=b')).status()).toBe(200);
    expect((await request.get('/search?q=外交&page=abc')).status()).toBe(404);
    expect((await request.get('/search?q=外交&page=999')).status()).toBe(404);
  });
});

test.describe('site search: short words, order and period (issue 16)', () => {
  const KANZEI = encodeURIComponent('関税');

  test('two-character words are found in article bodies, not only in headlines', async ({ page }) => {
    const containing = publishedArticles.filter((a) => `${a.headline}${a.standfirst ?? ''}${a.body}`.includes('関税'));
    const bodyOnly = containing.filter((a) => !`${a.headline}${a.standfirst ?? ''}`.includes('関税'));
    expect(bodyOnly.length).toBeGreaterThan(0);
    expect((await page.goto(`/search?q=${KANZEI}`))?.status()).toBe(200);
    for (const a of containing) await expect(page.locator(`main ol a[href="/articles/${a.id}"]`), a.key).toBeVisible();
    for (const a of hiddenArticles) await expect(page.locator(`main a[href="/articles/${a.id}"]`)).toHaveCount(0);
    await expect(page.locator('main').getByText('1文字の語')).toHaveCount(0);
  });

  test('the reader is told one-character words are looked for in headlines and standfirsts only', async ({ request }) => {
    const html = await text(request, `/search?q=${encodeURIComponent('北 関税')}`);
    // As read: the server's phrase-break hints (<wbr>) are not text.
    expect(html.replace(/<wbr\/?>/g, '')).toContain('1文字の語(「北」)は見出しとリードだけから探しています');
  });

  test('unknown order or period values fall back to the defaults, never a 500', async ({ request }) => {
    for (const qs of ['sort=oldest&period=decade', 'sort=&period=', 'sort=newest&sort=x&period=week&period=y', 'period=%00', 'sort=%E3%81']) {
      const response = await request.get(`/search?q=${KANZEI}&${qs}`);
      expect(response.status(), qs).toBe(200);
    }
    const html = await text(request, `/search?q=${KANZEI}&sort=bogus&period=forever`);
    expect(html).toMatch(/<option value="relevance" selected=""/);
    expect(html).toMatch(/<option value="all" selected=""/);
  });

  test('pages of results keep the order and period', async ({ request }) => {
    // した is in nearly every body: more than one page.
    const html = await text(request, `/search?q=${encodeURIComponent('した')}&sort=newest&period=year`);
    expect(html).toMatch(/href="\/search\?q=[^"]+&amp;sort=newest&amp;period=year&amp;page=2"/);
  });

  test('the choices fit a phone, with touch-sized controls', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/search?q=${KANZEI}`);
    for (const name of ['並び順', '期間']) {
      const box = (await page.locator('main').getByLabel(name).boundingBox())!;
      expect(box.height, name).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width, name).toBeLessThanOrEqual(360);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('order and period are a plain form with labelled choices that it remembers', async ({ page }) => {
      await page.goto(`/search?q=${KANZEI}`);
      const main = page.locator('main');
      await expect(main.getByLabel('並び順')).toHaveValue('relevance');
      await expect(main.getByLabel('期間')).toHaveValue('all');
      await main.getByLabel('並び順').selectOption({ label: '新しい順' });
      await main.getByLabel('期間').selectOption({ label: '1年' });
      await main.getByRole('button', { name: '検索', exact: true }).click();
      await expect(page).toHaveURL(/[?&]sort=newest(&|$)/);
      await expect(page).toHaveURL(/[?&]period=year(&|$)/);
      await expect(main.getByLabel('並び順')).toHaveValue('newest');
      await expect(main.getByLabel('期間')).toHaveValue('year');
      const times = await main.locator('ol li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(times.length).toBeGreaterThan(0);
      expect(times).toEqual([...times].sort().reverse());
      for (const t of times) expect(Date.parse(t)).toBeGreaterThan(Date.now() - 366 * 86_400_000);
    });
  });
});

test.describe('publishing reaches crawlers within a second', () => {
  // A draft of this test's own, written through the newsroom: the seed's drafts are
  // what other specs, running at the same time, check readers never see.
  const draft = { id: '', headline: `北海航路の試験運航、来月から 記者会見で発表${Date.now()}` };

  async function revalidate(request: APIRequestContext, tags: string[]) {
    const response = await request.post('/api/revalidate', { headers: { Authorization: `Bearer ${E2E_REVALIDATE_SECRET}` }, data: { tags } });
    expect(response.status()).toBe(200);
  }

  async function everywhere(request: APIRequestContext) {
    const [news, feed, search] = await Promise.all([
      request.get('/sitemaps/news.xml').then((r) => r.text()),
      request.get('/feed.xml').then((r) => r.text()),
      request.get(`/search?q=${encodeURIComponent(draft.headline)}`).then((r) => r.text()),
    ]);
    const url = `/articles/${draft.id}`;
    return { news: news.includes(url), feed: feed.includes(url), search: search.includes(`href="${url}"`) };
  }

  // How long after the change the first request that saw it everywhere was *sent*: the
  // freshness delay, not counting how long our own check's responses take on a busy machine.
  async function within(ms: number, request: APIRequestContext, expected: boolean) {
    const started = Date.now();
    let sentAt = Date.now();
    let seen = await everywhere(request);
    while (!(seen.news === expected && seen.feed === expected && seen.search === expected) && Date.now() - started < ms) {
      await new Promise((r) => setTimeout(r, 50));
      sentAt = Date.now();
      seen = await everywhere(request);
    }
    return { seen, elapsed: sentAt - started };
  }

  test.beforeAll(async () => {
    ({ id: draft.id } = await createDraftApi(await signInApi(), draftOf({ headline: draft.headline })));
  });
  // A failed run leaves nothing public behind.
  test.afterAll(async () => {
    if (!draft.id) return;
    const db = openServerDatabase();
    await db.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', draft.id).execute();
    await db.db.destroy();
  });

  test('publish, then unpublish: in and out of the news sitemap, the feed and search', async ({ request }) => {
    // Warm every cache first, so the test proves invalidation rather than a cold read.
    expect(await everywhere(request)).toEqual({ news: false, feed: false, search: false });

    const db = openServerDatabase();
    const now = new Date().toISOString();
    await db.db.updateTable('articles').set({ status: 'published', published_at: now, updated_at: now }).where('id', '=', draft.id).execute();
    await revalidate(request, ['articles', `article:${draft.id}`]);
    const published = await within(1_000, request, true);
    expect(published.seen).toEqual({ news: true, feed: true, search: true });
    expect(published.elapsed).toBeLessThan(1_000);
    console.log(`published: seen everywhere by a request sent ${published.elapsed} ms after the revalidation`);
    expect((await request.get(`/articles/${draft.id}`)).status()).toBe(200);

    await db.db.updateTable('articles').set({ status: 'unpublished', updated_at: new Date().toISOString() }).where('id', '=', draft.id).execute();
    await db.db.destroy();
    await revalidate(request, ['articles', `article:${draft.id}`]);
    const gone = await within(1_000, request, false);
    expect(gone.seen).toEqual({ news: false, feed: false, search: false });
    expect(gone.elapsed).toBeLessThan(1_000);
    console.log(`unpublished: gone everywhere for a request sent ${gone.elapsed} ms after the revalidation`);
    // The takedown list reloads in the background, at most once a second, when
    // an article is requested: the request that starts a reload still gets the
    // old answer (404 here), the next one after it finishes gets 410.
    await expect.poll(async () => (await request.get(`/articles/${draft.id}`)).status(), { timeout: 5_000, intervals: [200] }).toBe(410);
  });

  test('the revalidate route wants its secret and known tags', async ({ request }) => {
    expect((await request.post('/api/revalidate', { data: { tags: ['articles'] } })).status()).toBe(401);
    const wrong = await request.post('/api/revalidate', { headers: { Authorization: 'Bearer nope' }, data: { tags: ['articles'] } });
    expect(wrong.status()).toBe(401);
    const bad = await request.post('/api/revalidate', { headers: { Authorization: `Bearer ${E2E_REVALIDATE_SECRET}` }, data: { tags: ['anything'] } });
    expect(bad.status()).toBe(400);
  });
});

test.describe('validators', () => {
  test.beforeEach(({}, info) => {
    test.skip(getServer(info).engine !== 'sqlite', 'markup and SEO audits: the same templates over the same demo content on either engine; checked on the SQLite server');
  });

  test('home, article, section and search pages pass the Nu Html Checker', async ({ request }) => {
    test.setTimeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-vnu-'));
    const pages = { home: '/', article: `/articles/${wireStory.id}`, section: '/sections/world', search: `/search?q=${encodeURIComponent('外交')}` };
    const files = [];
    for (const [name, url] of Object.entries(pages)) {
      const file = path.join(dir, `${name}.html`);
      fs.writeFileSync(file, await text(request, url));
      files.push(file);
    }
    const run = spawnSync('java', ['-jar', path.resolve('node_modules/vnu-jar/build/dist/vnu.jar'), '--format', 'json', '--errors-only', ...files], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; message: string; url: string; lastLine?: number }[] };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((m) => `${path.basename(m.url)}:${m.lastLine} ${m.message}`)).toEqual([]);
  });
});
