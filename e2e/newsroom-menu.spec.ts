import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createAccount, openNewsroomMenuFor, signInApi, signInBrowser } from './newsroom-helpers';
import { getBase } from './server';

/**
 * The newsroom's bar (components/newsroom/newsroom-nav.client.tsx): one row
 * at a phone's width and a desktop's for the 管理者, who is offered the most;
 * its menus open, lead where they say and mark where the editor is, with and
 * without JavaScript, by mouse and by keyboard, and pass axe open. Which
 * links each role gets is components/newsroom/newsroom-header.test.tsx's.
 */

const phone = (info: TestInfo) => info.project.name === 'phone';
const bar = (page: Page) => page.getByRole('navigation', { name: 'ニュースルーム' });
/** The wide bar's group, or on a phone its one menu. */
const menuOf = (page: Page, info: TestInfo, group: 'edit' | 'site') => page.getByTestId(phone(info) ? 'menu-phone' : `menu-${group}`);
const summaryOf = (page: Page, info: TestInfo, group: 'edit' | 'site') => menuOf(page, info, group).locator('> summary');

/**
 * The bar's leaf is hydrated (React has taken over its nodes), so Escape and a
 * click elsewhere are heard: the menus themselves open without it.
 */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const nav = document.querySelector('header nav');
    return nav !== null && Object.keys(nav).some((key) => key.startsWith('__reactFiber'));
  });
}

/** The bar is one row: every item's middle on the brand's line, and the bar no taller than one item and its padding. */
async function expectOneRow(page: Page, what: string) {
  const header = page.locator('header').first();
  const rows = await header.evaluate((h) => {
    const row = h.firstElementChild!;
    // The brand, the nav's own items (記事一覧, 新規作成, the wide bar's groups or the phone's menu), the account's menu; hidden ones have no offsetParent.
    const items = [row.firstElementChild!, ...row.querySelectorAll(':scope nav > *, :scope nav > ul > li, :scope > div > details')].filter((e) => (e as HTMLElement).offsetParent !== null);
    return { middles: items.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)), count: items.length };
  });
  expect(rows.count, what).toBeGreaterThanOrEqual(phone(test.info()) ? 4 : 7);
  for (const middle of rows.middles) expect(Math.abs(middle - rows.middles[0]!), `${what}: an item off the first row`).toBeLessThanOrEqual(4);
  const height = (await header.boundingBox())!.height;
  expect(height, `${what}: the bar's height`).toBeLessThanOrEqual(60);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: sideways scrolling`).toBeLessThanOrEqual(0);
}

test('the 管理者’s bar is one row, on a phone and on a desktop', async ({ page }, info) => {
  await signInBrowser(page, '/newsroom');
  await expectOneRow(page, 'the article list');
  await page.goto('/newsroom/pages/terms');
  await expectOneRow(page, 'a fixed page’s editor');
  await page.screenshot({ path: `e2e/screenshots/newsroom-menu-closed-${info.project.name}.png` });
});

test('a menu opens by mouse and keyboard, closes with Escape or a click elsewhere, and leads to its page, which it marks', async ({ page }, info) => {
  await signInBrowser(page, '/newsroom');
  await hydrated(page);
  const menu = menuOf(page, info, 'site');
  const summary = summaryOf(page, info, 'site');
  const terms = bar(page).getByRole('link', { name: '特集・連載・筆者' });

  // Opened with the mouse: its links show over the page; Escape closes it and gives the focus back to it.
  await summary.click();
  await expect(terms).toBeVisible();
  await expect(page.locator('main')).toBeVisible();
  await page.screenshot({ path: `e2e/screenshots/newsroom-menu-open-${info.project.name}.png` });
  await expectNoAxeViolations(page, 'the newsroom with a menu open');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await expect(summary).toBeFocused();

  // A click elsewhere closes it too.
  await summary.click();
  await expect(terms).toBeVisible();
  await page.mouse.click(10, page.viewportSize()!.height - 10);
  await expect(menu).not.toHaveAttribute('open');

  if (!phone(info)) {
    // One menu open at a time: opening 編集 closes サイト.
    await summary.click();
    await summaryOf(page, info, 'edit').click();
    await expect(menuOf(page, info, 'edit')).toHaveAttribute('open');
    await expect(menu).not.toHaveAttribute('open');
    await page.keyboard.press('Escape');
  }

  // By keyboard: Enter opens, Tab walks its links with the focus shown, Escape from a link closes and returns to the menu.
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(terms).toBeVisible();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('href', /^\/newsroom\//);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await expect(summary).toBeFocused();

  // Followed, it leads to the page; the page's link is marked, and so is the menu holding it.
  await summary.click();
  await terms.click();
  await page.waitForURL(`${getBase()}/newsroom/terms`);
  await expect(menu).not.toHaveAttribute('open');
  await expect(menu.locator('a[href="/newsroom/terms"]')).toHaveAttribute('aria-current', 'page');
  await expect(summary).toHaveAttribute('aria-current', 'true');
  await summary.click();
  await expect(terms).toBeVisible();
  await expectNoAxeViolations(page, '特集・連載・筆者 with their menu open');
});

test('a 記者’s bar: the menus hold only what a 記者 opens, and 雑誌・別冊 is reached through them', async ({ page }, info) => {
  const reporter = await createAccount('reporter', 'メニュー 記者');
  await signInBrowser(page, '/newsroom', reporter);
  await expectOneRow(page, 'a 記者’s article list');
  for (const href of ['/newsroom/accounts', '/newsroom/terms', '/newsroom/pages']) await expect(page.locator(`header a[href="${href}"]`), href).toHaveCount(0);
  await openNewsroomMenuFor(page, '雑誌・別冊');
  await expectNoAxeViolations(page, 'a 記者’s menu open');
  await bar(page).getByRole('link', { name: '雑誌・別冊' }).click();
  await page.waitForURL(`${getBase()}/newsroom/magazine`);
  // On a wide screen トップページ編集 is the 記者's only page of サイト: on the bar itself, not in a menu of one.
  if (!phone(info)) await expect(bar(page).getByRole('link', { name: 'トップページ編集' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the menus open, lead to their pages, and sign-out works', async ({ page }, info) => {
    const session = await signInApi();
    const [name, value] = session.cookie.split(/=(.*)/s) as [string, string];
    await page.context().addCookies([{ name, value, url: getBase() }]);
    await page.goto('/newsroom');
    await expectOneRow(page, 'the article list without JavaScript');
    await summaryOf(page, info, 'edit').click();
    await bar(page).getByRole('link', { name: '写真ライブラリ' }).click();
    await page.waitForURL(`${getBase()}/newsroom/pictures`);
    // Marked in the server's HTML.
    await expect(menuOf(page, info, 'edit').locator('a[href="/newsroom/pictures"]')).toHaveAttribute('aria-current', 'page');
    await expect(summaryOf(page, info, 'edit')).toHaveAttribute('aria-current', 'true');

    await summaryOf(page, info, 'site').click();
    await bar(page).getByRole('link', { name: '特集・連載・筆者' }).click();
    await page.waitForURL(`${getBase()}/newsroom/terms`);

    await openNewsroomMenuFor(page, 'サインアウト');
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.waitForURL(/\/newsroom\/sign-in/);
  });
});
