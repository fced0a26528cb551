import { expect, test } from '@playwright/test';
import { createDraft, saveDraft } from '../bench/editor-client';
import { liveStory } from './demo';
import { expectNoAxeViolations } from './axe';
import { observeLayoutShifts, type LayoutShifts } from './layout-shifts';
import { commandApi, draftOf, editorHeaders, signInApi, signInBrowser, waitUntilReaderSees, type Session } from './newsroom-helpers';
import { getBase } from './server';

/**
 * Live coverage (速報ライブ, ADR 0036) in Chromium: an editor posts from the
 * composer and a reader's open page offers 「新しい投稿 1件」, moving nothing
 * until tapped; the demo's finished page without JavaScript, its permalinks
 * and its LiveBlogPosting; a draft live page never leaks. Not about layout:
 * desktop only; the LIVE badges around the site on PostgreSQL + Redis too.
 */

const DEMO_LIVE = liveStory.id;
// The poll (5 s) plus the endpoint's cache (5 s) and the page's start, on a busy CI machine.
const ARRIVES_WITHIN_MS = 45_000;

/** Tests that also run on PostgreSQL + Redis (postgres-desktop): what the site reads around a live page. */
const BOTH_ENGINES = '@both-engines';

test.beforeEach(({}, info) => {
  const checked = info.project.name === 'desktop' || (info.project.name === 'postgres-desktop' && info.tags.includes(BOTH_ENGINES));
  test.skip(!checked, 'behaviour, not layout: checked once, on each engine where it reads the database');
});

/** A live draft made as 「ライブ記事を作成」 does, with a headline and lead typed (its first save); its id and revision. */
async function createLiveDraft(session: Session, headline: string): Promise<{ id: string; revision: number }> {
  return createDraft({ origin: session.base, cookie: session.cookie, csrf: session.csrf }, draftOf({ headline, body: 'ライブ記事のリード文。' }), 'live');
}

async function liveCommand(session: Session, id: string, command: string, input: Record<string, string>): Promise<{ status: number; postId: string | null }> {
  const response = await fetch(`${session.base}/api/newsroom/articles/${id}/live/${command}`, { method: 'POST', headers: editorHeaders(session), body: JSON.stringify(input) });
  const answer = (await response.json()) as { postId?: string };
  return { status: response.status, postId: answer.postId ?? null };
}

const livePost = (session: Session, id: string, body: string) => liveCommand(session, id, 'post', { body });

test('an editor posts with Ctrl+Enter; a reader’s open page offers 新しい投稿 1件 and inserts it without shifting the page, then follows pins, edits, deletions and the end', async ({ browser }) => {
  test.setTimeout(240_000);
  const session = await signInApi();
  const headline = `ライブ検証${Date.now()}`;
  const { id, revision } = await createLiveDraft(session, headline);
  expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);
  const firstPost = await livePost(session, id, '第1報:雨が強まっている。');
  expect(firstPost.status).toBe(200);
  expect(await waitUntilReaderSees(`/articles/${id}`, (html) => html.includes('第1報'), 15_000)).toBeLessThan(Infinity);

  const reader = await browser.newPage();
  await reader.addInitScript(observeLayoutShifts);
  await reader.goto(`/articles/${id}`);
  await expect(reader.getByTestId('live-state')).toContainText('LIVE');
  const first = reader.getByTestId('live-posts').getByTestId('live-post').first();
  await expect(first).toContainText('第1報');
  const before = await first.boundingBox();

  const editor = await browser.newPage();
  await signInBrowser(editor, `/newsroom/articles/${id}/live`);
  await editor.getByTestId('live-composer-body').fill('第2報:潮見市付近に上陸した。');
  await editor.getByTestId('live-composer-body').press('Control+Enter');
  await expect(editor.getByTestId('composer-post').first()).toContainText('第2報', { timeout: 15_000 });
  await expect(editor.getByTestId('live-composer-body')).toHaveValue('');

  const button = reader.getByTestId('live-new-posts');
  await expect(button).toHaveText('新しい投稿 1件', { timeout: ARRIVES_WITHIN_MS });
  // The offer moved nothing the reader was reading.
  expect(await first.boundingBox()).toEqual(before);
  expect(await reader.evaluate(() => (window as unknown as LayoutShifts).__moved)).toEqual([]);
  await button.click();
  const inserted = reader.getByTestId('live-inserted-posts').getByTestId('live-post');
  await expect(inserted).toHaveCount(1);
  await expect(inserted).toContainText('第2報');
  await expect(inserted).toBeInViewport();
  await expect(button).toHaveCount(0);
  expect(await reader.evaluate(() => (window as unknown as LayoutShifts).__cls)).toBe(0);

  // What the desk changes in posts the reader already has reaches the open page without a reload:
  // a new 要点, an edit (with its 修正 mark), a deletion, and the end of the coverage.
  await editor.getByTestId('composer-post').first().getByRole('button', { name: '要点にする' }).click();
  await expect(editor.getByTestId('composer-post').first().getByRole('button', { name: '要点から外す' })).toBeVisible({ timeout: 15_000 });
  await expect(reader.getByTestId('live-key-points')).toContainText('第2報', { timeout: ARRIVES_WITHIN_MS });
  const firstOnPage = reader.locator(`#post-${firstPost.postId}`);
  expect((await liveCommand(session, id, 'edit', { postId: firstPost.postId!, body: '第1報:雨と風が強まり、暴風域に入った。' })).status).toBe(200);
  await expect(firstOnPage).toContainText('暴風域に入った', { timeout: ARRIVES_WITHIN_MS });
  await expect(firstOnPage).toContainText('修正');
  expect((await liveCommand(session, id, 'delete', { postId: firstPost.postId! })).status).toBe(200);
  await expect(firstOnPage).toHaveCount(0, { timeout: ARRIVES_WITHIN_MS });
  editor.once('dialog', (dialog) => void dialog.accept());
  await editor.getByRole('button', { name: 'ライブ配信を終了' }).click();
  await expect(editor.getByTestId('live-ended')).toBeVisible({ timeout: 15_000 });
  await expect(reader.getByTestId('live-state')).toHaveText('このライブ配信は終了しました', { timeout: ARRIVES_WITHIN_MS });
  await expect(reader.getByTestId('live-key-points')).toContainText('第2報');
  await expect(reader.getByTestId('live-posts').getByTestId('live-post')).toHaveCount(1);
});

test('a post carries a picture: the composer offers 写真を挿入, and readers see the figure', async ({ browser }) => {
  const session = await signInApi();
  const { id, revision } = await createLiveDraft(session, `写真つきライブ${Date.now()}`);
  expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);
  const editor = await browser.newPage();
  await signInBrowser(editor, `/newsroom/articles/${id}/live`);
  const insert = editor.getByRole('button', { name: '写真を挿入' });
  await insert.click();
  await expect(editor.getByRole('dialog')).toBeVisible();
  await editor.keyboard.press('Escape');
  await expect(editor.getByRole('dialog')).toBeHidden();
  await expect(insert).toBeFocused();
  // The line the dialog writes (lib/newsroom/picture-fields.ts), posted as the composer posts it.
  const figure = '::figure[冠水した交差点]{src="/media/demo/business-chip-kumamoto-feature-1.webp" alt="水につかった交差点と信号機" credit="読者提供"}';
  expect((await livePost(session, id, `道路の冠水が広がっている。\n\n${figure}`)).status).toBe(200);
  expect(await waitUntilReaderSees(`/articles/${id}`, (html) => html.includes('冠水した交差点'), 15_000)).toBeLessThan(Infinity);
  const reader = await browser.newPage();
  await reader.goto(`/articles/${id}`);
  const post = reader.getByTestId('live-posts').getByTestId('live-post').first();
  await expect(post.locator('figure img')).toHaveAttribute('alt', '水につかった交差点と信号機');
  await expect(post.locator('figcaption')).toContainText('読者提供');
});

test('without JavaScript the finished demo page shows every post, its 要点 and its end; a permalink opens at its post', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${DEMO_LIVE}`);
  await expect(page.getByTestId('live-state')).toHaveText('このライブ配信は終了しました');
  await expect(page.getByTestId('live-posts').getByTestId('live-post')).toHaveCount(11);
  await expect(page.getByTestId('live-key-points').getByTestId('live-key-point')).toHaveCount(2);
  // Past midnight the time carries the date.
  await expect(page.getByTestId('live-posts').getByTestId('live-post').first().locator('time')).toHaveText(/^\d{1,2}\/\d{1,2} \d{2}:\d{2}$/);
  await expect(page.getByTestId('live-posts').getByTestId('live-post').last().locator('time')).toHaveText('09:00');

  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const blog = jsonLd.map((t) => JSON.parse(t) as Record<string, unknown>).find((d) => d['@type'] === 'LiveBlogPosting')!;
  expect(blog).toMatchObject({ coverageStartTime: expect.stringMatching(/\+09:00$/), coverageEndTime: expect.stringMatching(/\+09:00$/) });
  expect(blog.liveBlogUpdate).toHaveLength(10);

  const oldest = page.getByTestId('live-posts').getByTestId('live-post').last();
  const postId = await oldest.getAttribute('data-post-id');
  await page.goto(`/articles/${DEMO_LIVE}#post-${postId}`);
  await expect(page.locator(`#post-${postId}`)).toBeInViewport();
  await context.close();
});

test('a draft live page is a 404 on the page and the endpoint; the endpoint is cached 5 s and refuses hostile input', async ({ request }) => {
  const session = await signInApi();
  const { id } = await createLiveDraft(session, `下書きライブ${Date.now()}`);
  const { status, postId } = await livePost(session, id, '公開前の投稿。');
  expect(status).toBe(200);
  expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  expect((await request.get(`/api/live/${id}?after=1970-01-01T00:00:00Z`)).status()).toBe(404);
  expect((await request.get(`/api/live/${id}?after=${postId}`)).status()).toBe(404);

  const answer = await request.get(`/api/live/${DEMO_LIVE}?after=1970-01-01T00:00:00Z`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['cache-control']).toBe('public, max-age=0, s-maxage=5');
  const update = (await answer.json()) as { posts: { id: string }[]; endedAt: string | null };
  expect(update.posts).toHaveLength(11);
  expect(update.endedAt).not.toBeNull();
  expect(((await (await request.get(`/api/live/${DEMO_LIVE}?after=${update.posts[0]!.id}`)).json()) as { posts: unknown[] }).posts).toEqual([]);
  for (const hostile of ['', '..%2F..%2Fetc', '%3Cscript%3E', 'x'.repeat(100)]) {
    expect((await request.get(`/api/live/${DEMO_LIVE}?after=${hostile}`)).status(), hostile).toBe(400);
  }
  expect((await request.get(`${getBase()}/api/live/${encodeURIComponent('<x>')}?after=1970-01-01T00:00:00Z`)).status()).toBe(404);
});

test('axe finds nothing on a live page or its composer', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/articles/${DEMO_LIVE}`);
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, 'the demo live page');
  await signInBrowser(page, `/newsroom/articles/${DEMO_LIVE}/live`);
  await expect(page.getByTestId('composer-post')).toHaveCount(11);
  await expectNoAxeViolations(page, 'the composer of the demo live page');
});

// On both engines: the badges come from the listings' and the ticker's queries (live_started_at,
// live_ended_at) and from the invalidations the first post and the end make, which differ by engine.
test('a running live page says LIVE on the home page, its section and the ticker, without JavaScript, until the desk ends it; the news sitemap dates it by its post', { tag: BOTH_ENGINES }, async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await signInApi();
  const headline = `ライブ一覧検証${Date.now()}`;
  const { id, revision } = await createLiveDraft(session, headline);
  // Flagged, so it is in ニュース速報 whatever other specs publish meanwhile.
  const flagged = await saveDraft({ origin: session.base, cookie: session.cookie, csrf: session.csrf }, id, draftOf({ headline, body: 'リード文。', breakingUntil: new Date(Date.now() + 3_600_000).toISOString() }), revision);
  expect((await commandApi(session, id, 'publish', { baseRevision: flagged.article!.revision })).status).toBe(200);
  // The sitemap's times are to the second: the post a second after the publication, so its lastmod can tell them apart.
  await new Promise((r) => setTimeout(r, 1_100));
  expect((await livePost(session, id, '第1報:ライブ配信を始めます。')).status).toBe(200);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const rows = {
    home: () => page.getByRole('region', { name: /最新記事|主なニュース/ }).locator('li, article').filter({ hasText: headline }),
    ticker: () => page.getByTestId('breaking-ticker').locator('li').filter({ hasText: headline }),
    section: () => page.getByTestId('article-card').filter({ hasText: headline }),
  };
  // The first post touched the listings; a reload shows their new render (a stale one may come once first).
  const expectOn = async (path: string, row: () => ReturnType<typeof rows.home>, badges: number) =>
    expect(async () => {
      await page.goto(path);
      await expect(row().first()).toBeVisible({ timeout: 1_000 });
      await expect(row().first().getByTestId('live-badge')).toHaveCount(badges, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  await expectOn('/', rows.home, 1);
  await expectOn('/', rows.ticker, 1);
  await expect(rows.ticker().getByTestId('live-badge')).toHaveText('LIVEライブ配信中');
  await expectOn('/sections/culture', rows.section, 1);

  // In the news sitemap, its lastmod is its post, later than its publication. The first post
  // touched the sitemap too; as with the listings, the render before it may be answered once more.
  await expect(async () => {
    const entry = (await (await fetch(`${session.base}/sitemaps/news.xml`)).text()).split('<url>').find((u) => u.includes(`/articles/${id}<`));
    expect(entry, 'listed in the news sitemap').toBeDefined();
    const [lastmod, published] = [/<lastmod>([^<]+)</, /<news:publication_date>([^<]+)</].map((re) => Date.parse(entry!.match(re)?.[1] ?? ''));
    expect(lastmod).toBeGreaterThan(published!);
  }).toPass({ timeout: 30_000 });

  const ended = await fetch(`${session.base}/api/newsroom/articles/${id}/live/end`, { method: 'POST', headers: editorHeaders(session), body: '{}' });
  expect(ended.status).toBe(200);
  await expectOn('/', rows.home, 0);
  await expectOn('/', rows.ticker, 0);
  await expectOn('/sections/culture', rows.section, 0);
  await context.close();
});
