import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { commandApi, createAccount, signInApi, openNewsroomMenuFor, signInBrowser, waitUntilReaderSees, type Account } from './newsroom-helpers';
import { getBase } from './server';
import { generateTotpCode } from '../lib/newsroom/totp';

/**
 * Roles and review (ADR 0032) as two people use them, in Chromium: a 記者
 * writes and submits, the デスク sends the piece back with a note, the 記者
 * sees it and submits again, the デスク publishes; a 記者's forged publish
 * is refused. Then the 管理者's accounts page, and two-factor sign-in
 * (ADR 0043). What each role gets route by route is
 * e2e/newsroom-access.spec.ts's.
 */

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'desktop browsers only: the phone layout is the editor spec’s');
});

async function browserFor(browser: Browser, account: Account, next = '/newsroom'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInBrowser(page, next, account);
  return page;
}

test('a 記者 submits, the デスク sends it back with a note, then publishes it; readers see it only then', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const reporter = await createAccount('reporter', '山田 記者');
  const desk = await createAccount('desk', '鈴木 デスク');
  const headline = `商店街の空き店舗、若手が再生 ${info.project.name}${Date.now()}`;

  // The 記者 writes a draft: no button to publish or schedule, one to submit.
  const writer = await browserFor(browser, reporter);
  await expect(writer.getByTestId('editor-role')).toHaveText('記者');
  // Not in any menu either, open or closed.
  await expect(writer.locator('header a[href="/newsroom/accounts"]')).toHaveCount(0);
  await writer.getByRole('button', { name: '新規作成' }).click();
  // A new article is stored at its first save or command (ADR 0041): its address comes with it.
  await writer.waitForURL(/\/newsroom\/articles\/new$/);
  await writer.getByLabel('見出し', { exact: true }).fill(headline);
  await writer.getByLabel('リード').fill('空き店舗を改装した店が週末ごとに増えている。');
  await writer.getByLabel('本文', { exact: true }).fill('通りの半分が空き店舗だった。\n\n## 若手の挑戦\n\n改装費は地元の信用金庫が支えた。');
  await writer.getByLabel('セクション').selectOption('culture');
  await expect(writer.getByRole('button', { name: '今すぐ公開' })).toHaveCount(0);
  await expect(writer.getByRole('button', { name: '予約する' })).toHaveCount(0);
  writer.once('dialog', (dialog) => void dialog.accept());
  await writer.getByRole('button', { name: 'デスクに提出' }).click();
  await expect(writer.getByTestId('article-status')).toHaveText('提出済み');
  await writer.waitForURL(/\/newsroom\/articles\/[2-9a-z]{8}$/);
  const id = writer.url().split('/').pop()!;

  // Submitted is not published: readers get nothing, and a forged publish by the 記者 is refused.
  expect((await fetch(`${getBase()}/articles/${id}`)).status).toBe(404);
  const forged = await commandApi(await signInApi(getBase(), reporter.login, reporter.password), id, 'publish', { baseRevision: 99 });
  expect(forged.status).toBe(403);
  expect(forged.body.error).toMatch(/デスク/);

  // The デスク finds it under 提出済み and sends it back with a note.
  const editor = await browserFor(browser, desk);
  await expect(editor.getByTestId('editor-role')).toHaveText('デスク');
  await editor.goto('/newsroom?status=submitted');
  await expect(editor.getByRole('link', { name: /提出済み/ })).toHaveAttribute('aria-current', 'page');
  await editor.getByRole('link', { name: headline }).click();
  await editor.waitForURL(`**/newsroom/articles/${id}`);
  await expect(editor.getByTestId('article-status')).toHaveText('提出済み');
  await expect(editor.getByRole('button', { name: 'デスクに提出' })).toHaveCount(0);
  await editor.getByLabel('差し戻しの理由(記者に表示されます)').fill('改装費の金額と出典を本文に加えてください。');
  await editor.screenshot({ path: `e2e/screenshots/newsroom-review-desk-${info.project.name}.png`, fullPage: true });
  await editor.getByRole('button', { name: '下書きに差し戻す' }).click();
  await expect(editor.getByTestId('article-status')).toHaveText('下書き');

  // The 記者 sees the note, fixes the piece and submits it again.
  await writer.reload();
  await expect(writer.getByTestId('article-status')).toHaveText('下書き');
  await expect(writer.getByTestId('return-note')).toContainText('改装費の金額と出典を本文に加えてください。');
  await expect(writer.getByTestId('return-note')).toContainText('鈴木 デスク');
  await writer.getByLabel('本文', { exact: true }).fill('通りの半分が空き店舗だった。\n\n## 若手の挑戦\n\n改装費の約1200万円は地元の信用金庫が融資した(同金庫による)。');
  writer.once('dialog', (dialog) => void dialog.accept());
  await writer.getByRole('button', { name: 'デスクに提出' }).click();
  await expect(writer.getByTestId('article-status')).toHaveText('提出済み');
  await expect(writer.getByTestId('return-note')).toHaveCount(0);

  // The list filters by who: the piece is the 記者's, under 自分の記事 too.
  await writer.goto('/newsroom');
  await writer.getByRole('link', { name: '自分の記事' }).click();
  await expect(writer).toHaveURL(new RegExp(`who=${reporter.login}`));
  await expect(writer.getByTestId('newsroom-articles')).toContainText(headline);
  await editor.goto(`/newsroom?who=${desk.login}&status=submitted`);
  await expect(editor.getByText(headline)).toHaveCount(0);

  // The デスク publishes; readers see it.
  await editor.goto(`/newsroom/articles/${id}`);
  await expect(editor.getByTestId('article-status')).toHaveText('提出済み');
  editor.once('dialog', (dialog) => void dialog.accept());
  const [published] = await Promise.all([
    editor.waitForResponse((r) => r.url().endsWith(`/api/newsroom/articles/${id}/publish`)),
    editor.getByRole('button', { name: '今すぐ公開' }).click(),
  ]);
  expect(published.status()).toBe(200);
  await expect(editor.getByTestId('article-status')).toHaveText('公開中');
  const ms = await waitUntilReaderSees(`/articles/${id}`, (html, status) => status === 200 && html.includes('約1200万円'), 10_000);
  expect(ms, 'the published piece reaches readers').toBeLessThan(10_000);

  // The live piece is the desk's now: the 記者 is offered neither 訂正 nor 取り下げ.
  await writer.goto(`/newsroom/articles/${id}`);
  await expect(writer.getByTestId('article-status')).toHaveText('公開中');
  await expect(writer.getByTestId('republish')).toHaveCount(0);
  await expect(writer.getByRole('button', { name: '公開を取り下げ' })).toHaveCount(0);
  await expect(writer.getByTestId('desk-only')).toBeVisible();
});

test('the 管理者 creates an account and changes its role; others are sent back from the accounts page', async ({ page, browser }, info) => {
  await signInBrowser(page, '/newsroom/accounts');
  await expect(page.getByRole('heading', { name: 'アカウント', level: 1 })).toBeVisible();
  const login = `acct${Date.now().toString(36)}`;
  const form = page.getByRole('form', { name: 'アカウントを作成' });
  await form.getByLabel('ユーザー名').fill(login);
  await form.getByLabel('表示名').fill('新人 記者');
  await form.getByLabel('初期パスワード').fill('short');
  await form.getByLabel('役割').selectOption('desk');
  await form.getByRole('button', { name: '作成する' }).click();
  // A weak password is refused with its reason, and nothing typed is lost.
  await expect(form.getByRole('alert').filter({ hasText: '12文字以上' })).toBeVisible();
  await expect(form.getByLabel('ユーザー名')).toHaveValue(login);
  await expect(form.getByLabel('役割')).toHaveValue('desk');
  await form.getByLabel('初期パスワード').fill('a long enough initial password');
  await form.getByRole('button', { name: '作成する' }).click();
  await expect(form.getByRole('status').filter({ hasText: `(${login})をデスクとして作成しました` })).toBeVisible();
  const row = page.locator(`tr[data-login="${login}"]`);
  await expect(row.getByLabel('新人 記者の役割')).toHaveValue('desk');
  await row.getByLabel('新人 記者の役割').selectOption('reporter');
  await row.getByRole('button', { name: '変更' }).click();
  await expect(row.getByRole('button', { name: '変更' })).toBeDisabled();
  await page.reload();
  await expect(page.locator(`tr[data-login="${login}"]`).getByLabel('新人 記者の役割')).toHaveValue('reporter');
  await page.screenshot({ path: `e2e/screenshots/newsroom-accounts-${info.project.name}.png`, fullPage: true });

  // The new 記者 signs in with the initial password and is sent back from the accounts page with the reason.
  const reporter = await browserFor(browser, { login, password: 'a long enough initial password', name: '新人 記者', role: 'reporter' });
  await reporter.goto('/newsroom/accounts');
  await expect(reporter).toHaveURL(/\/newsroom\?denied=accounts$/);
  await expect(reporter.getByRole('alert').filter({ hasText: 'アカウントの管理は管理者だけが行えます。' })).toBeVisible();
});

test('two-factor sign-in: set up with the QR key, then sign-in asks for the code; a recovery code works once', async ({ page }, info) => {
  const desk = await createAccount('desk', '高橋 デスク');
  await signInBrowser(page, '/newsroom/account', desk);
  const panel = page.getByTestId('two-factor');
  await panel.getByRole('button', { name: '設定を始める' }).click();
  // The phone's part: the key as the page shows it under the QR code, and the code an app makes from it.
  await expect(panel.getByRole('img', { name: '二段階認証の設定用QRコード' })).toBeVisible();
  const secret = (await panel.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: `e2e/screenshots/newsroom-two-factor-setup-${info.project.name}.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the two-factor set-up');
  await panel.getByLabel('確認コード(6桁)').fill('000000');
  await panel.getByRole('button', { name: '確認して有効にする' }).click();
  await expect(panel.getByRole('alert')).toContainText('確認コードが正しくありません');
  await panel.getByLabel('確認コード(6桁)').fill(generateTotpCode(secret, new Date()));
  await panel.getByRole('button', { name: '確認して有効にする' }).click();
  await expect(panel.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  const codes = (await panel.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
  await panel.getByRole('button', { name: '回復コードを保存しました' }).click();
  await expect(panel.getByTestId('two-factor-status')).toContainText('有効');
  await expect(panel).toContainText('未使用の回復コード:10個');

  const signOut = async () => {
    await openNewsroomMenuFor(page, 'サインアウト');
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.waitForURL(/\/newsroom\/sign-in/);
  };
  const password = async () => {
    await page.goto('/newsroom/sign-in?next=/newsroom/account');
    await page.getByLabel('ユーザー名').fill(desk.login);
    await page.getByLabel('パスワード').fill(desk.password);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByLabel('確認コード')).toBeVisible();
    // A fresh box: not the password box reused, with the password still in it.
    await expect(page.getByLabel('確認コード')).toHaveValue('');
  };
  const code = async (typed: string) => {
    await page.getByLabel('確認コード').fill(typed);
    await page.getByRole('button', { name: '確認してサインイン' }).click();
  };

  // The password alone opens nothing: the code step has no session behind it.
  await signOut();
  await password();
  await page.screenshot({ path: `e2e/screenshots/newsroom-two-factor-code-${info.project.name}.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the code step of sign-in');
  expect((await page.context().cookies()).some((c) => c.name.endsWith('kiji_session'))).toBe(false);
  // The code an app shows next (the enrolling code's own step is spent): accepted a step early.
  await code(generateTotpCode(secret, new Date(Date.now() + 30_000)));
  await page.waitForURL('**/newsroom/account');
  await expect(page.getByTestId('two-factor-status')).toContainText('有効');

  // A recovery code, once.
  await signOut();
  await password();
  await code(codes[0]!);
  await page.waitForURL('**/newsroom/account');
  await expect(page.getByTestId('two-factor')).toContainText('未使用の回復コード:9個');
  await signOut();
  await password();
  await code(codes[0]!);
  await expect(page.getByRole('alert').filter({ hasText: 'この回復コードはすでに使われています。回復コードはそれぞれ一度しか使えません。' })).toBeVisible();
  await expect(page).toHaveURL(/\/newsroom\/sign-in/);
});
