import { expect, test, type APIRequestContext } from '@playwright/test';
import { clearBreakingFlag, setBreakingFlag } from '../lib/content/breaking-queries';
import type { Connection } from '../lib/db/connect';
import type { RailsSnapshot } from '../lib/rails/types';
import { publishedArticles, wireStory } from './demo';
import { E2E_REVALIDATE_SECRET } from './env';
import { commandApi, createDraftApi, draftOf, signInApi } from './newsroom-helpers';
import { isServerCheckProject, openServerDatabase } from './server';

/**
 * Pages that stay cached through a newsroom's day (ADR 0018): a
 * publish re-renders what shows the story and nothing else, and the shared
 * rails refresh in the reader's browser instead of re-rendering the page.
 */

// A demo article no other spec opens or changes: if it re-rendered after a
// publish elsewhere, this spec is the only reason it could have.
const unrelated = publishedArticles.filter((a) => a.id !== wireStory.id).at(-2)!;

const cacheState = async (request: APIRequestContext, url: string) => (await request.get(url)).headers()['x-nextjs-cache'];
const rails = async (request: APIRequestContext) => (await (await request.get('/api/rails')).json()) as RailsSnapshot;

let conn: Connection;
test.beforeAll(({}, info) => {
  conn = openServerDatabase(info);
});
test.afterAll(async () => {
  await conn?.db.destroy();
});

test('a publish re-renders the home page, its section and the rails; an unrelated cached article stays a HIT', async ({ request }, info) => {
  test.skip(!isServerCheckProject(info), 'server output, not layout: checked once per server');
  const articleUrl = `/articles/${unrelated.id}`;
  await request.get(articleUrl);
  await expect.poll(() => cacheState(request, articleUrl), { message: 'the unrelated article is cached' }).toBe('HIT');
  await request.get('/');

  const session = await signInApi();
  const draft = draftOf({ headline: `速報テスト見出し${Date.now()}`, breakingUntil: new Date(Date.now() + 3_600_000).toISOString() });
  const { id, revision } = await createDraftApi(session, draft);
  expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);

  // What shows the story has it within a second or so (the newsroom renders them again itself).
  await expect.poll(async () => (await request.get('/')).text(), { message: 'the new story on the home page' }).toContain(draft.headline);
  await expect.poll(async () => (await request.get(`/sections/${draft.section}`)).text(), { message: 'in its section' }).toContain(draft.headline);
  const after = await rails(request);
  expect(after.latest.map((item) => item.headline), 'in 最新記事').toContain(draft.headline);
  expect(after.breaking.find((item) => item.headline === draft.headline)?.breaking, 'in the ticker, marked 速報').toBe(true);

  // …and nothing else was re-rendered.
  expect(await cacheState(request, articleUrl), 'the unrelated article after the publish').toBe('HIT');
  expect(await (await request.get(articleUrl)).text()).not.toContain(draft.headline);

  expect((await commandApi(session, id, 'unpublish', {})).status).toBe(200);
});

test('the rails refresh in the browser without a reload, on a page cached before the change', async ({ page, request, baseURL }, info) => {
  test.skip(!isServerCheckProject(info), 'one browser per server is enough: the refresh does not depend on the width');
  const story = await conn.db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('status', '=', 'published')
    .orderBy('published_at')
    .offset(2)
    .limit(1)
    .executeTakeFirstOrThrow();
  const articleUrl = `/articles/${wireStory.id}`;
  await request.get(articleUrl);
  await expect.poll(() => cacheState(request, articleUrl)).toBe('HIT');

  // A fake clock: the page's timers (and React Query's interval) run when the test says so.
  await page.clock.install();
  await page.goto(articleUrl);
  const ticker = page.getByTestId('breaking-ticker');
  await expect(ticker.getByRole('link', { name: story.headline })).toHaveCount(0);
  await page.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));

  try {
    expect(await setBreakingFlag(conn.db, story.id, { hours: 1 })).toBe(true);
    const revalidated = await request.post('/api/revalidate', { headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` }, data: { tags: ['breaking'] } });
    expect(revalidated.status()).toBe(200);
    // The article page itself is not re-rendered by a flag.
    expect(await cacheState(request, articleUrl)).toBe('HIT');

    const polled = page.waitForResponse((response) => response.url() === `${baseURL}/api/rails`, { timeout: 30_000 });
    await page.clock.fastForward('00:45');
    expect((await polled).status()).toBe(200);
    await expect(ticker.getByRole('link', { name: story.headline }), 'the flagged story, in place').toBeVisible({ timeout: 20_000 });
    await expect(ticker.getByText('速報').first()).toBeVisible();
    expect(await page.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce), 'no reload happened').toBe(true);
  } finally {
    await clearBreakingFlag(conn.db, story.id);
    await request.post('/api/revalidate', { headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` }, data: { tags: ['breaking'] } });
  }
});
