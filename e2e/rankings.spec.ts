import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { clearBreakingFlag, setBreakingFlag } from '../lib/content/breaking-queries';
import type { Connection } from '../lib/db/connect';
import { FLUSH_INTERVAL_MS } from '../lib/rankings/buffer';
import { correctedStory, multiPageStory, publishedArticles, wireStory } from './demo';
import { E2E_REVALIDATE_SECRET } from './env';
import { signInBrowser } from './newsroom-helpers';
import { isServerCheckProject, openServerDatabase, readServerSettings } from './server';

/**
 * 人気ランキング and ニュース速報 in a real browser against the production
 * build. View counts and breaking flags are read and written straight in the
 * e2e server's store: its database, or Redis when it has REDIS_URL
 * (playwright.config.ts, e2e/env.ts).
 */

const REVALIDATE_SECRET = E2E_REVALIDATE_SECRET;
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let conn: Connection;
/** Views of one article counted so far (all hours), in the store of the running test's server. */
let countViews: (id: string) => Promise<number>;
let redis: Redis | undefined;
test.beforeAll(({}, info) => {
  conn = openServerDatabase(info);
  const settings = readServerSettings(info);
  if (settings.redisUrl) {
    // lib/rankings/redis-store.ts: one sorted set of views per JST hour, `<prefix>views:<YYYYMMDDHH>`.
    const store = new Redis(settings.redisUrl);
    redis = store;
    countViews = async (id) => {
      let total = 0;
      for (const key of await store.keys(`${settings.redisPrefix}views:*`)) total += Number((await store.zscore(key, id)) ?? 0);
      return total;
    };
  } else {
    countViews = async (id) => {
      const row = await sql<{ n: number | null }>`select sum(views) as n from article_views where article_id = ${id}`.execute(conn.db);
      return Number(row.rows[0]?.n ?? 0);
    };
  }
});
test.afterAll(async () => {
  await conn?.db.destroy();
  redis?.disconnect();
});

/** Waits past one buffer flush, so a view that was going to be written has been. */
const settle = () => new Promise((r) => setTimeout(r, FLUSH_INTERVAL_MS * 2.5));

let readers = 0;
/**
 * An address nobody else in the run has. The rankings count one visitor per
 * address, whatever the User-Agent, and every browser of the suite comes
 * from 127.0.0.1; the e2e servers trust one proxy hop (e2e/env.ts), so the
 * test names its reader in X-Forwarded-For, as nginx would.
 */
function nextReaderAddress(): string {
  readers += 1;
  return `2001:db8:${(process.pid & 0xffff).toString(16)}:${readers.toString(16)}::1`;
}

/** A browser of a reader nobody else in the run is: an address of its own (and a User-Agent, for the bot filter). */
async function newReader(browser: Browser, label: string, userAgent = `${CHROME} kiji-e2e/${label}-${Date.now()}`) {
  return browser.newContext({ userAgent, extraHTTPHeaders: { 'x-forwarded-for': nextReaderAddress() } });
}

// Articles no other spec opens, a different one per project, so counts can be compared exactly.
const others = new Set([wireStory.id, multiPageStory.id, correctedStory.id]);
const spare = publishedArticles.filter((a) => !others.has(a.id));
const pickArticle = (projectName: string, offset: number) => spare[(projectName === 'phone' ? 0 : 10) + offset]!;

function postView(request: APIRequestContext, id: string, headers: Record<string, string> = {}) {
  return request.post('/api/views', {
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': CHROME, 'x-forwarded-for': nextReaderAddress(), ...headers },
    data: JSON.stringify({ id }),
  });
}

test.describe('view counting', () => {
  test('opening an article in the browser counts one view; reopening it within 30 minutes does not', async ({ browser }, info) => {
    const article = pickArticle(info.project.name, 0);
    const before = await countViews(article.id);
    const context = await newReader(browser, `${info.project.name}-reader`);
    const page = await context.newPage();
    const beacon = page.waitForResponse((r) => r.url().endsWith('/api/views'));
    await page.goto(`/articles/${article.id}`);
    expect((await beacon).status()).toBe(204);
    await expect.poll(() => countViews(article.id), { timeout: 10_000 }).toBe(before + 1);

    await page.reload();
    await page.goto('/');
    await page.goto(`/articles/${article.id}`);
    await settle();
    expect(await countViews(article.id)).toBe(before + 1);
    await context.close();
  });

  test('crawlers, prefetches and previews are not counted', async ({ browser, request }, info) => {
    const article = pickArticle(info.project.name, 1);
    const before = await countViews(article.id);

    // A crawler running JavaScript in a real browser.
    const crawler = await newReader(browser, 'bot', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot');
    const page = await crawler.newPage();
    const beacon = page.waitForResponse((r) => r.url().endsWith('/api/views'));
    await page.goto(`/articles/${article.id}`);
    // The same answer as a counted view: the beacon never says what counted.
    expect((await beacon).status()).toBe(204);
    expect((await beacon).headers()['x-kiji-view']).toBeUndefined();
    await crawler.close();

    const verdicts = [
      await postView(request, article.id, { 'user-agent': 'Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)' }),
      await postView(request, article.id, { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' }),
      await postView(request, article.id, { 'sec-purpose': 'prefetch;prerender' }),
      await postView(request, article.id, { purpose: 'prefetch' }),
    ].map((r) => r.status());
    expect(verdicts).toEqual([204, 204, 204, 204]);

    // The preview address sends no beacon at all (ADR 0019).
    const desk = await browser.newContext();
    const preview = await desk.newPage();
    const beacons: string[] = [];
    preview.on('request', (r) => r.url().endsWith('/api/views') && beacons.push(r.url()));
    await signInBrowser(preview);
    await preview.goto(`/preview/articles/${article.id}`);
    await expect(preview.getByRole('heading', { level: 1, name: article.headline })).toBeVisible();
    await preview.waitForLoadState('networkidle');
    expect(beacons).toEqual([]);
    await desk.close();

    await settle();
    expect(await countViews(article.id)).toBe(before);
  });

  test('one address counts once per article, whatever User-Agent each beacon claims', async ({ request }, info) => {
    const article = pickArticle(info.project.name, 3);
    const before = await countViews(article.id);
    const address = nextReaderAddress();
    for (let i = 0; i < 20; i++) {
      const response = await postView(request, article.id, { 'x-forwarded-for': address, 'user-agent': `${CHROME} kiji-e2e/flood-${i}` });
      expect(response.status()).toBe(204);
      expect(response.headers()['x-kiji-view']).toBeUndefined();
    }
    await settle();
    expect(await countViews(article.id)).toBe(before + 1);
  });

  test('bad input gets a 4xx and changes nothing', async ({ request }, info) => {
    const article = pickArticle(info.project.name, 2);
    const before = await countViews(article.id);
    const draft = (await conn.db.selectFrom('articles').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow()).id;
    const cases = [
      ['unknown id', await postView(request, 'zzzz2345'), 404],
      ['draft', await postView(request, draft), 404],
      ['malformed JSON', await request.post('/api/views', { headers: { 'content-type': 'text/plain' }, data: '{"id":' }), 400],
      ['no id', await request.post('/api/views', { headers: { 'content-type': 'text/plain' }, data: '{}' }), 400],
      ['huge body', await request.post('/api/views', { headers: { 'content-type': 'text/plain' }, data: JSON.stringify({ id: article.id, pad: 'x'.repeat(100_000) }) }), 413],
      ['form post', await request.post('/api/views', { form: { id: article.id } }), 415],
      ['GET', await request.get('/api/views'), 405],
      ['PUT', await request.put('/api/views', { headers: { 'content-type': 'text/plain' }, data: JSON.stringify({ id: article.id }) }), 405],
      ['another site', await postView(request, article.id, { 'sec-fetch-site': 'cross-site' }), 403],
    ] as const;
    for (const [name, response, status] of cases) {
      expect(response.status(), name).toBe(status);
      expect((await response.json()).error, name).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
    expect(cases.find(([name]) => name === 'GET')?.[1].headers().allow).toBe('POST');
    await settle();
    expect(await countViews(article.id)).toBe(before);
    expect(await countViews('zzzz2345')).toBe(0);
    expect(await countViews(draft)).toBe(0);
  });
});

test.describe('sidebar blocks', () => {
  test('ticker and three ranking lists are in the server HTML of home and article pages', async ({ browser }) => {
    // No JavaScript: what a crawler or a reader with scripts off gets.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of ['/', `/articles/${wireStory.id}`]) {
      await page.goto(url);
      const ticker = page.getByRole('region', { name: 'ニュース速報' });
      await expect(ticker.getByRole('listitem')).toHaveCount(5);
      // Clipped by CSS, named in full.
      const first = ticker.getByRole('link').first();
      const title = await first.getAttribute('title');
      await expect(first).toHaveAccessibleName(title!);
      expect(await first.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');

      const rankings = page.getByRole('region', { name: '人気ランキング' });
      for (const period of ['day', 'week', 'month']) {
        const list = rankings.getByTestId(`ranking-${period}`);
        await expect(list.getByRole('listitem')).toHaveCount(10);
        await expect(list, `${url} ${period} readable without JavaScript`).toBeVisible();
      }
      await expect(rankings.getByRole('heading', { name: '週間' })).toBeVisible();
      await expect(rankings.getByRole('tablist')).toBeHidden();
      await expect(rankings.getByText(/最終更新 \d{2}:\d{2} JST/)).toHaveCount(3);
    }
    await context.close();
  });

  test('ranking tabs switch by mouse and keyboard', async ({ page }) => {
    await page.goto('/');
    const rankings = page.getByRole('region', { name: '人気ランキング' });
    const tabs = rankings.getByRole('tab');
    await expect(tabs).toHaveText(['24時間', '週間', '月間']);
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(rankings.getByTestId('ranking-day')).toBeVisible();
    await expect(rankings.getByTestId('ranking-week')).toBeHidden();

    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(rankings.getByTestId('ranking-week')).toBeVisible();
    await expect(rankings.getByTestId('ranking-day')).toBeHidden();
    await expect(rankings.getByRole('tabpanel')).toHaveAccessibleName('週間');

    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(2)).toBeFocused();
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(rankings.getByTestId('ranking-month')).toBeVisible();
    await page.keyboard.press('ArrowRight'); // wraps
    await expect(tabs.nth(0)).toBeFocused();
    await page.keyboard.press('End');
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    // One tab stop: Tab leaves the tab list for the list it controls.
    await page.keyboard.press('Tab');
    await expect(rankings.getByTestId('ranking-day').getByRole('link').first()).toBeFocused();
  });

  test('/ranking shows all three lists in full', async ({ page }, info) => {
    const response = await page.goto('/ranking');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('人気ランキング');
    // Phones: the windows are tabs, one list a screen; wider, three columns, every list in view.
    const phone = (page.viewportSize()?.width ?? 0) < 768;
    await expect(page.getByRole('tablist', { name: '集計期間' })).toBeVisible({ visible: phone });
    for (const name of ['24時間', '週間', '月間']) {
      if (phone) await page.getByRole('tab', { name, exact: true }).click();
      const panel = page.getByRole('tabpanel', { name, exact: true });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('listitem')).toHaveCount(10);
      await expect(panel.getByText(/最終更新 \d{2}:\d{2} JST/)).toBeVisible();
    }
    if (phone) await expect(page.getByRole('tabpanel')).toHaveCount(1);
    else await expect(page.getByRole('heading', { level: 2, name: '月間' })).toBeVisible();
    expect((await page.request.get('/ranking/extra')).status()).toBe(404);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/screenshots/ranking-${info.project.name}.png`, fullPage: true });
    await page.goto('/');
    await page.getByRole('region', { name: '人気ランキング' }).screenshot({ path: `e2e/screenshots/rankings-block-${info.project.name}.png` });
    await page.getByRole('region', { name: 'ニュース速報' }).screenshot({ path: `e2e/screenshots/ticker-${info.project.name}.png` });
  });
});

test.describe('breaking news', () => {
  // Flags change the ticker on every page: one project is enough, and the two must not race.
  test.beforeEach(({}, info) => test.skip(!isServerCheckProject(info), 'runs once per server'));

  const tickerHeadlines = async (request: APIRequestContext) => {
    const html = await (await request.get('/')).text();
    const ticker = /data-testid="breaking-ticker"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    return [...ticker.matchAll(/title="([^"]*)"/g)].map((m) => m[1]);
  };
  const revalidate = (request: APIRequestContext, tags: string[], secret = REVALIDATE_SECRET) =>
    request.post('/api/revalidate', { headers: { authorization: `Bearer ${secret}` }, data: { tags } });

  // The oldest published stories: never in the ticker unless flagged.
  const oldest = (n: number) =>
    conn.db.selectFrom('articles').select(['id', 'headline']).where('status', '=', 'published').orderBy('published_at').offset(n).limit(1).executeTakeFirstOrThrow();

  test('a story flagged in the newsroom is on the home page at once through the revalidation route', async ({ request, browser, baseURL }) => {
    const story = await oldest(0);
    expect(await tickerHeadlines(request)).not.toContain(story.headline);
    expect((await revalidate(request, ['breaking'], 'wrong-secret-wrong-secret-wrong')).status()).toBe(401);
    expect((await revalidate(request, ['no-such-tag'])).status()).toBe(400);

    const flaggedAt = Date.now();
    expect(await setBreakingFlag(conn.db, story.id, { hours: 1 })).toBe(true);
    const response = await revalidate(request, ['breaking']);
    expect(response.status()).toBe(200);
    await expect.poll(() => tickerHeadlines(request), { timeout: 60_000 }).toContain(story.headline);
    // Most recently flagged first is lib/content/breaking-queries.test.ts's: e2e/page-cache.spec.ts flags stories in parallel.
    test.info().annotations.push({ type: 'seconds to appear (revalidation route)', description: ((Date.now() - flaggedAt) / 1000).toFixed(1) });

    // On a phone the flagged story is also on the first screen, above the news; on a desktop the ticker is beside it.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL });
    await phone.goto('/');
    const strip = phone.getByTestId('breaking-strip');
    await expect(strip.getByRole('link', { name: story.headline })).toBeVisible();
    const box = await strip.boundingBox();
    expect(box && box.y + box.height, 'the strip ends within the first screen').toBeLessThan(844);
    await strip.screenshot({ path: 'e2e/screenshots/breaking-strip-phone.png' });
    await phone.setViewportSize({ width: 1280, height: 900 });
    await expect(strip).toBeHidden();
    await phone.close();

    // An expired flag disappears.
    await conn.db.updateTable('articles').set({ breaking_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', story.id).execute();
    await revalidate(request, ['breaking']);
    await expect.poll(() => tickerHeadlines(request), { timeout: 60_000 }).not.toContain(story.headline);
    await clearBreakingFlag(conn.db, story.id);
  });

  test('a flag written without any invalidation reaches the rails every page refreshes from within 60 s', async ({ request }) => {
    test.setTimeout(120_000);
    const story = await oldest(1);
    const railsTicker = async () => ((await (await request.get('/api/rails')).json()) as { breaking: { headline: string }[] }).breaking.map((i) => i.headline);
    expect(await railsTicker()).not.toContain(story.headline);
    const flaggedAt = Date.now();
    expect(await setBreakingFlag(conn.db, story.id, { hours: 1 })).toBe(true);
    await expect.poll(railsTicker, { timeout: 60_000, intervals: [2_000] }).toContain(story.headline);
    test.info().annotations.push({ type: 'seconds to appear (snapshot age only)', description: ((Date.now() - flaggedAt) / 1000).toFixed(1) });
    await clearBreakingFlag(conn.db, story.id);
    await revalidate(request, ['breaking']);
  });
});
