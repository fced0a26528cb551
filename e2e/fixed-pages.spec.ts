import { expect, test } from '@playwright/test';
import { createAccount, DEMO_EDITOR, editorHeaders, signInApi, openNewsroomMenuFor, signInBrowser, waitUntilReaderSees, type Session } from './newsroom-helpers';
import { getBase, openServerDatabase } from './server';

/**
 * The fixed pages in the newsroom (docs/adr/0048-fixed-pages.md), in
 * Chromium: a 管理者 edits 利用規約 with its live preview, saves, and an
 * anonymous reader's cached /terms shows the new wording with today's
 * 最終更新日; a refused save (empty title, a version saved meanwhile) keeps
 * what was typed; a 記者 is sent away from the pages and refused by the
 * API. Edits add an article to the terms and keep the title, so
 * trust-pages.spec.ts, running beside it, sees the page it expects; the
 * spec puts the wording back at the end. Saving runs on the desktop and
 * PostgreSQL projects; the phone project checks the editor fits a phone.
 */

/** What the bound proves is that the save reached a cached page at all (without the invalidation it would wait a day). */
const VISIBLE_WITHIN_MS = 10_000;

const ADDED = '## 第10条(反社会的勢力の排除) {#antisocial-forces}\n\n利用者は、暴力団その他の反社会的勢力に該当しないことを表明し、将来にわたっても該当しないことを約束するものとします。';
const ADDED_HEADING = '第10条(反社会的勢力の排除)';

type Stored = { title: string; description: string; body: string; version: number };

let admin: Session;
let original: Stored | null = null;

/** The page as stored now, read from the server's database: the version is what a save must name. */
async function readStored(): Promise<Stored> {
  const conn = openServerDatabase();
  try {
    const row = await conn.db.selectFrom('fixed_pages').select(['title', 'description', 'body', 'version']).where('slug', '=', 'terms').executeTakeFirstOrThrow();
    return { ...row, version: Number(row.version) };
  } finally {
    await conn.db.destroy();
  }
}

function saveApi(session: Session, wording: Omit<Stored, 'version'> & { baseVersion: number }) {
  return fetch(`${getBase()}/api/newsroom/pages/terms`, { method: 'PUT', headers: editorHeaders(session), body: JSON.stringify(wording) });
}

const todayInJapan = () => {
  const [y, m, d] = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

test.beforeAll(async ({}, info) => {
  if (info.project.name === 'phone') return;
  admin = await signInApi();
  original = await readStored();
});

test.afterAll(async () => {
  if (!original) return;
  const now = await readStored();
  if (now.body === original.body && now.title === original.title) return;
  const restored = await saveApi(admin, { title: original.title, description: original.description, body: original.body, baseVersion: now.version });
  expect(restored.status, 'the terms are put back').toBe(200);
});

test('a 管理者 edits 利用規約, saves, and an anonymous reader’s cached page shows the new wording', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'saving is checked at desktop width; the phone project checks the layout');
  test.setTimeout(120_000);
  // The reader's page is cached with the old wording first, so the new one can only come from the save's invalidation.
  await expect.poll(async () => (await fetch(`${getBase()}/terms`)).headers.get('x-nextjs-cache'), { message: '/terms is cached' }).toBe('HIT');
  expect(await (await fetch(`${getBase()}/terms`)).text()).not.toContain(ADDED_HEADING);

  await signInBrowser(page, '/newsroom/pages');
  const list = page.getByTestId('fixed-page-list');
  for (const name of ['会社概要', 'プライバシーポリシー', '利用規約', 'お問い合わせ']) await expect(list).toContainText(name);
  await page.getByRole('link', { name: '利用規約を編集' }).click();
  await expect(page).toHaveURL(/\/newsroom\/pages\/terms$/);
  await expect(page.getByRole('heading', { level: 1, name: '利用規約の編集' })).toBeVisible();
  const version = Number(/第(\d+)版/.exec((await page.getByTestId('fixed-page-version').textContent()) ?? '')?.[1]);

  const body = page.locator('textarea[name="body"]');
  const before = await body.inputValue();
  expect(before).toContain('{{会社名}}');
  const count = page.getByTestId('count-fixed-page-body');
  const countBefore = await count.textContent();
  await body.fill(`${before.trimEnd()}\n\n${ADDED}\n`);
  await expect(count).not.toHaveText(countBefore ?? '');
  // The live preview renders the unsaved wording with the reader's component, the anchor as the heading's id.
  const preview = page.getByTestId('fixed-page-preview');
  await expect(preview.getByRole('heading', { name: ADDED_HEADING })).toHaveAttribute('id', 'antisocial-forces');
  // Readers still have the saved page.
  expect(await (await fetch(`${getBase()}/terms`)).text()).not.toContain(ADDED_HEADING);

  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByTestId('fixed-page-saved')).toHaveText('保存しました。読者のページに反映しました。');
  await expect(page.getByTestId('fixed-page-version')).toContainText(`第${version + 1}版`);
  await expect(page.getByTestId('fixed-page-version')).toContainText(DEMO_EDITOR.name);

  const took = await waitUntilReaderSees('/terms', (html) => html.includes(ADDED_HEADING), VISIBLE_WITHIN_MS);
  expect(took, 'an anonymous reader sees the saved wording on the cached page').toBeLessThan(VISIBLE_WITHIN_MS);
  const html = await (await fetch(`${getBase()}/terms`)).text();
  expect(html).toContain(`最終更新日 <time dateTime="`);
  expect(html).toContain(`>${todayInJapan()}</time>`);
  expect(html).toContain('<h1 class="mt-1 text-2xl font-bold sm:text-3xl">利用規約</h1>');
  await page.goto('/terms#antisocial-forces');
  await expect(page.getByRole('heading', { name: ADDED_HEADING })).toBeInViewport();
});

test('a refused save keeps what was typed: an empty title, then a version someone saved meanwhile', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'saving is checked at desktop width');
  test.setTimeout(120_000);
  await signInBrowser(page, '/newsroom/pages/terms');
  const title = page.locator('input[name="title"]');
  const body = page.locator('textarea[name="body"]');
  const typed = `${(await body.inputValue()).trimEnd()}\n\n入力途中の一文です。`;
  await body.fill(typed);
  await title.fill('');
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByRole('main').getByRole('alert').filter({ hasText: 'タイトルを入力してください。' })).toBeVisible();
  await expect(body).toHaveValue(typed);

  // Another editor saves first.
  await title.fill('利用規約');
  const stored = await readStored();
  expect((await saveApi(admin, { ...stored, body: `${stored.body.trimEnd()}\n\n別の編集者が加えた一文です。`, baseVersion: stored.version })).status).toBe(200);
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('このページを先に保存しました');
  await expect(page.getByTestId('fixed-page-conflict')).toContainText(`第${stored.version + 1}版`);
  await expect(body).toHaveValue(typed);
  // Having looked, the editor saves over that version: nothing typed was lost.
  await page.getByRole('button', { name: '自分の内容で上書きする' }).click();
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByTestId('fixed-page-saved')).toHaveText('保存しました。読者のページに反映しました。');
  expect((await readStored()).body).toBe(typed);
});

test('a 記者 is sent away from the fixed pages and refused by the API', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'access is checked once');
  const reporter = await createAccount('reporter', '固定 記者');
  await signInBrowser(page, '/newsroom', reporter);
  // Not in any menu either, open or closed.
  await expect(page.locator('header a[href="/newsroom/pages"]')).toHaveCount(0);
  await page.goto('/newsroom/pages/terms');
  await expect(page).toHaveURL(/\/newsroom\?denied=pages$/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('固定ページ(会社概要・プライバシーポリシー・利用規約・お問い合わせ)を編集できるのはデスクと管理者です。');
  const session = await signInApi(getBase(), reporter.login, reporter.password);
  const stored = await readStored();
  const response = await saveApi(session, { ...stored, body: '記者が書き換えた規約。', baseVersion: stored.version });
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(/デスクと管理者/);
  expect((await readStored()).version).toBe(stored.version);
});

test('the editor fits the screen, with the newsroom’s bar and the preview under the form', async ({ page }, info) => {
  test.setTimeout(90_000);
  await signInBrowser(page, '/newsroom/pages/terms');
  await expect(page.getByRole('button', { name: '保存して公開' })).toBeVisible();
  await openNewsroomMenuFor(page, '固定ページ');
  await expect(page.getByRole('navigation', { name: 'ニュースルーム' }).getByRole('link', { name: '固定ページ' })).toBeVisible();
  await page.keyboard.press('Escape');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `at ${page.viewportSize()?.width}px`).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('fixed-page-preview').getByRole('heading', { name: '利用規約', level: 1 })).toBeVisible();
  await page.screenshot({ path: `e2e/screenshots/fixed-page-editor-${info.project.name}.png`, fullPage: false });
});
