import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoAxeViolations } from './axe';
import { createAccount, createDraftApi, draftOf, editorHeaders, signInApi, openNewsroomMenuFor, signInBrowser, waitUntilReaderSees, type Session } from './newsroom-helpers';
import { getBase, openServerDatabase } from './server';
import { MAX_UPLOAD_BYTES } from '../lib/newsroom/upload-rules';

/**
 * The magazine desk (docs/adr/0049-magazine-desk.md), in Chromium: a デスク
 * creates next week's issue of 週刊Kiji with a cover from the picture
 * library and its contents (three public articles and a draft, ordered and
 * trimmed), after a refused save that keeps what was typed; an anonymous
 * reader's cached /magazine, the issue's page and the home page's 最新号
 * block show it, without the draft; a later change to the contents alone
 * reaches the issue's page. A 記者 is sent back from the editing pages and
 * refused by the server. The issue becomes the site's current one, which
 * other specs only check by its shape, so it runs once (not at phone width).
 */

/** What the bound proves is that the change reached cached pages at all (without the invalidation they would wait a day). */
const VISIBLE_WITHIN_MS = 10_000;

type Story = { id: string; headline: string };

/** Public stories well down the list, which no other spec changes, for the contents. */
async function olderStories(count: number): Promise<Story[]> {
  const conn = openServerDatabase();
  try {
    return await conn.db
      .selectFrom('articles')
      .select(['id', 'headline'])
      .where('status', '=', 'published')
      .where('kind', '=', 'article')
      .where('published_at', '<=', new Date(Date.now() - 48 * 3_600_000).toISOString())
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .offset(8)
      .limit(count)
      .execute();
  } finally {
    await conn.db.destroy();
  }
}

/** A cover-shaped picture (portrait, a band where a masthead would be), as a PNG. */
async function coverPicture(background: string): Promise<Buffer> {
  const masthead = await sharp({ create: { width: 600, height: 140, channels: 3, background: '#b3261e' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 600, height: 800, channels: 3, background } })
    .composite([{ input: masthead, top: 40, left: 0 }])
    .png()
    .toBuffer();
}

/** Puts a picture in the library as 写真ライブラリ's upload does, with a caption to find it by. */
async function uploadToLibrary(session: Session, caption: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await coverPicture('#1f4e79'))], { type: 'image/png' }), 'cover.png');
  form.set('caption', caption);
  const response = await fetch(`${session.base}/api/newsroom/media`, { method: 'POST', headers: { cookie: session.cookie, origin: session.base, 'x-csrf-token': session.csrf }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { src: string }).src;
}

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'the issue becomes the site’s current one: made once per server (the layout at phone width is in the screenshots)');
});

test('a デスク creates next week’s issue with a cover and contents; readers see it on /magazine, its page and the home page, never the draft', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const [first, second, third, fourth] = (await olderStories(4)) as [Story, Story, Story, Story];
  expect(fourth, 'the demo has older public stories').toBeTruthy();
  const admin = await signInApi();
  const draft = { headline: `目次に入れた書きかけの特集記事${Date.now().toString(36)}` };
  const draftId = (await createDraftApi(admin, draftOf({ headline: draft.headline }))).id;
  const title = `港町の冬支度 ${Date.now().toString(36).slice(-4)}`;
  const caption = `週刊Kiji 表紙 港町 ${Date.now().toString(36)}`;
  const librarySrc = await uploadToLibrary(admin, caption);
  const blurb = '冬を迎える港町の一週間。船の手入れ、朝市の品ぞろえ、食卓の鍋まで、漁師町の暮らしを追った。';

  const desk = await createAccount('desk', '雑誌 デスク');
  await signInBrowser(page, '/newsroom', desk);
  await openNewsroomMenuFor(page, '雑誌・別冊');
  await page.getByRole('navigation', { name: 'ニュースルーム' }).getByRole('link', { name: '雑誌・別冊' }).click();
  await page.waitForURL(`${getBase()}/newsroom/magazine`);
  await expect(page.getByTestId('magazine-issues').locator('li').first()).toContainText('発売中(最新号)');
  await page.getByRole('link', { name: '次の号を作る' }).click();
  await page.waitForURL(`${getBase()}/newsroom/magazine/issues/new`);

  // The form starts a week after the newest issue; it goes on sale today, so readers see it at once.
  const issueDate = await page.getByLabel('号の日付').inputValue();
  expect(issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('発売日').fill(today);
  await page.getByLabel('紹介文').fill(blurb);

  // Saving without a title or a cover: refused here, with the reasons, and nothing typed is lost.
  await page.getByRole('button', { name: 'この号を作成' }).click();
  const problems = page.getByTestId('issue-problems');
  await expect(problems).toContainText('特集タイトルを入力してください。');
  await expect(problems).toContainText('表紙の画像を選んでください。');
  await expect(page.getByLabel('特集タイトル')).toBeFocused();
  await expect(page.getByLabel('特集タイトル')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('紹介文')).toHaveValue(blurb);
  await page.getByLabel('特集タイトル').fill(title);

  // An oversize cover is refused with the limit, before anything is sent.
  await page.getByLabel(/または画像をアップロード/).setInputFiles({ name: 'huge-cover.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1) });
  await expect(page.getByRole('alert').filter({ hasText: '画像は10MB以下にしてください。' })).toBeVisible();

  // The cover from the picture library, through the editor's own dialog.
  await page.getByRole('button', { name: 'ライブラリから選ぶ' }).click();
  const dialog = page.getByTestId('picture-dialog');
  await expect(dialog.getByRole('heading', { name: '表紙をライブラリから選ぶ' })).toBeVisible();
  await dialog.getByLabel('キャプション・クレジット・代替テキストで検索').fill(caption);
  await expect(dialog.getByTestId('picture-choice')).toHaveCount(1);
  await dialog.getByTestId('picture-choice').click();
  await expect(dialog).toBeHidden();
  const coverSrc = (await page.getByTestId('cover-preview').getAttribute('src'))!;
  expect(coverSrc).toBe(librarySrc);
  await expect(page.getByTestId('cover-size')).toHaveText('600×800px');
  await expect(page.getByTestId('cover-share-crop').locator('img')).toHaveAttribute('src', `/crops/og/${coverSrc.slice('/media/'.length)}.jpg`);

  // The contents: four stories and the draft, found by headline; one taken out again, one moved up.
  const filter = page.getByLabel('見出しで絞り込む');
  for (const story of [first, second, fourth, third, draft]) {
    await filter.fill(story.headline.slice(0, 14));
    await page.getByRole('button', { name: `「${story.headline}」を目次に加える` }).click();
  }
  const contents = page.getByTestId('magazine-contents');
  await expect(contents.locator('li')).toHaveCount(5);
  await expect(contents.locator('li').nth(4)).toContainText('公開されるまで読者には表示されません');
  await page.getByRole('button', { name: `「${fourth.headline}」を外す` }).click();
  await page.getByRole('button', { name: `「${third.headline}」を上へ` }).click();
  await expect(page.getByRole('status').filter({ hasText: '2番目に移しました' })).toBeVisible();
  await expect(contents.locator('li')).toHaveCount(4);
  await expectNoAxeViolations(page, 'the new issue’s editor');

  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/newsroom/magazine/issues') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'この号を作成' }).click(),
  ]);
  expect(created.status()).toBe(201);
  await page.waitForURL(`${getBase()}/newsroom/magazine/issues/${issueDate}?saved=1`);
  await expect(page.getByTestId('issue-standing')).toContainText('発売中(最新号)');
  await expect(contents.locator('li')).toHaveCount(4);

  // An anonymous reader's cached pages show the new issue at once: /magazine, the issue's page, the home page's 最新号.
  const onMagazine = await waitUntilReaderSees('/magazine', (html) => html.includes(title), VISIBLE_WITHIN_MS);
  expect(onMagazine, `the issue reached /magazine in ${onMagazine} ms`).toBeLessThan(VISIBLE_WITHIN_MS);
  const onHome = await waitUntilReaderSees('/', (html) => html.includes(title), VISIBLE_WITHIN_MS);
  expect(onHome, `the issue reached the home page in ${onHome} ms`).toBeLessThan(VISIBLE_WITHIN_MS);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/magazine');
  await expect(reader.getByRole('heading', { level: 1 })).toContainText(title);
  const shown = reader.getByTestId('issue-contents').getByTestId('article-card').getByRole('heading');
  await expect(shown).toHaveText([first.headline, third.headline, second.headline]);
  await expect(reader.getByRole('main')).not.toContainText(draft.headline);
  await expect(reader.getByRole('main')).not.toContainText(fourth.headline);
  expect(await reader.locator('main img').first().getAttribute('src')).toContain(encodeURIComponent(coverSrc));
  await reader.goto(`/magazine/${issueDate}`);
  await expect(reader.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(shown).toHaveCount(3);
  await reader.goto('/');
  const promo = reader.getByRole('region', { name: /最新号/ });
  await expect(promo).toContainText(title);
  await expect(promo.getByRole('link', { name: title })).toHaveAttribute('href', `/magazine/${issueDate}`);
  expect(await promo.locator('img').getAttribute('src')).toContain(encodeURIComponent(coverSrc));
  // The draft's address is still nobody's business.
  expect((await reader.request.get(`/articles/${draftId}`)).status()).toBe(404);

  // A change to the contents alone reaches the issue's page.
  await page.getByRole('button', { name: `「${second.headline}」を外す` }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました。読者のページにすぐ反映されます。' })).toBeVisible();
  const trimmed = await waitUntilReaderSees(`/magazine/${issueDate}`, (html) => html.includes(title) && !html.includes(second.headline), VISIBLE_WITHIN_MS);
  expect(trimmed, `the trimmed contents reached the issue's page in ${trimmed} ms`).toBeLessThan(VISIBLE_WITHIN_MS);

  // The list shows it on top, as on sale, with its contents counted.
  await page.goto('/newsroom/magazine');
  const top = page.getByTestId('magazine-issues').locator('li').first();
  await expect(top).toContainText(title);
  await expect(top).toContainText('目次 3本');
  await expectNoAxeViolations(page, 'the magazine desk’s list');
});

test('the same issue date twice is refused in Japanese and the form keeps its text', async ({ page }) => {
  const desk = await createAccount('desk', '雑誌 デスク二');
  const conn = openServerDatabase();
  const newest = await conn.db.selectFrom('magazine_issues').select('issue_date').orderBy('issue_date', 'desc').limit(1).executeTakeFirstOrThrow();
  await conn.db.destroy();
  await signInBrowser(page, '/newsroom/magazine/issues/new', desk);
  await page.getByLabel('号の日付').fill(newest.issue_date);
  await page.getByLabel('発売日').fill(newest.issue_date);
  await page.getByLabel('特集タイトル').fill('重なった号');
  await page.getByLabel('紹介文').fill('同じ日付の号はつくれない。');
  // The cover uploaded from the form itself (it lands in the library too).
  await page.getByLabel(/または画像をアップロード/).setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: await coverPicture('#3b6e3b') });
  await expect(page.getByTestId('cover-preview')).toHaveAttribute('src', /^\/media\/uploads\//);
  await page.getByRole('button', { name: 'この号を作成' }).click();
  const [y, m, d] = newest.issue_date.split('-').map(Number);
  await expect(page.getByTestId('issue-problems')).toContainText(`${y}年${m}月${d}日号はすでにあります。`);
  await expect(page.getByLabel('号の日付')).toBeFocused();
  await expect(page.getByLabel('特集タイトル')).toHaveValue('重なった号');
  await expect(page).toHaveURL(/\/issues\/new$/);
});

test('a 記者 reads the list but is sent back from the editors and refused by the server', async ({ page }) => {
  const reporter = await createAccount('reporter', '雑誌 記者');
  await signInBrowser(page, '/newsroom/magazine', reporter);
  await expect(page.getByTestId('magazine-issues').locator('li').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '次の号を作る' })).toHaveCount(0);
  await page.goto('/newsroom/magazine/issues/new');
  await expect(page).toHaveURL(/\/newsroom\/magazine\?denied=1$/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('雑誌の号と別冊・ムックの作成・編集はデスクと管理者が行います。');
  const session = await signInApi(getBase(), reporter.login, reporter.password);
  const response = await fetch(`${getBase()}/api/newsroom/magazine/issues`, {
    method: 'POST',
    headers: editorHeaders(session),
    body: JSON.stringify({ issueDate: '2030-01-08', onSaleDate: '2030-01-01', featureTitle: '記者の号', blurb: '作れない。', coverSrc: null, articleIds: [] }),
  });
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(/デスクと管理者/);
});
