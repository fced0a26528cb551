import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { CURRENT_CONSENT_VERSION } from '../lib/newsletter/consent';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/support/smtp-server';
import { wireStory } from './demo';
import { E2E_SMTP_PORT, SQLITE_SERVER } from './env';
import { signInBrowser } from './newsroom-helpers';

/**
 * The newsletter from form to inbox and out again, against a real SMTP
 * server in this test process: the site's outbox worker (SMTP_URL, set in
 * playwright.config.ts) delivers to it.
 */

const SMTP_PORT = E2E_SMTP_PORT;
// The desktop project's server: the one whose SMTP_URL points at this process.
const DB_FILE = path.resolve(SQLITE_SERVER.env.KIJI_DATA_DIR!, 'kiji.sqlite');
const RUN = Date.now().toString(36);
let smtp: TestSmtpServer | undefined;

// One SMTP server per run, so the mail flow runs in one project.
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({}, info) => {
  if (info.project.name === 'desktop') smtp = await startTestSmtpServer(SMTP_PORT);
});
test.afterAll(async () => smtp?.close());
test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'the SMTP server runs once, in the desktop project'));

// Each test its own client address, so the per-client rate limit never trips across tests or reruns.
let client = 0;
const clientAddress = () => `203.0.113.${(Number.parseInt(RUN.slice(-2), 36) + ++client) % 250}`;
const address = (name: string) => `e2e-${RUN}-${name}@example.jp`;

function readServerDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

function subscriberStatus(email: string): string | undefined {
  return readServerDb((db) => (db.prepare('select status from newsletter_subscribers where email = ?').get(email) as { status: string } | undefined)?.status);
}

async function mailTo(email: string, kind: 'confirm' | 'welcome'): Promise<ReceivedMail> {
  const marker = kind === 'confirm' ? '登録を完了する' : 'ご登録いただき、ありがとうございます';
  return smtp!.waitFor((m) => m.envelopeTo.includes(email) && m.text.includes(marker), 30_000);
}

const linkIn = (mail: ReceivedMail, pathname: string) => {
  const url = new RegExp(`https?://[^\\s]+${pathname.replaceAll('/', '\\/')}\\?token=[^\\s]+`).exec(mail.text)?.[0];
  if (!url) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return url;
};

async function confirmFromMail(page: Page, email: string) {
  const mail = await mailTo(email, 'confirm');
  await page.goto(linkIn(mail, '/newsletter/confirm'));
  await expect(page.getByRole('heading', { name: 'メールマガジン登録の確認' })).toBeVisible();
  // Opening the link (what a mail scanner does) subscribes no one.
  expect(subscriberStatus(email)).toBe('pending');
  await page.getByRole('button', { name: '登録を完了する' }).click();
  await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
  await expect(page.getByRole('heading', { name: '登録が完了しました' })).toBeVisible();
  expect(subscriberStatus(email)).toBe('active');
  return mailTo(email, 'welcome');
}

/**
 * Signs up from the home page's sidebar form or an article's form (an article
 * page has only that one) and waits for the inline answer.
 */
async function subscribeOnArticle(page: Page, testId: 'newsletter-sidebar' | 'newsletter-article', email: string) {
  await page.goto(testId === 'newsletter-sidebar' ? '/' : `/articles/${wireStory.id}`);
  const form = page.getByTestId(testId);
  await form.getByLabel('メールアドレス').fill(email);
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(form.getByRole('status')).toContainText('確認のメールをお送りしました');
  return form;
}

async function newContext(browser: Browser, javaScriptEnabled: boolean) {
  return browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': clientAddress() } });
}

test('an article page offers the newsletter once, at the foot of the article', async ({ page }) => {
  await page.goto(`/articles/${wireStory.id}`);
  await expect(page.getByTestId('newsletter-article')).toHaveCount(1);
  await expect(page.getByTestId('newsletter-sidebar')).toHaveCount(0);
  await expect(page.getByLabel('メールアドレス')).toHaveCount(1);
});

test('a reader subscribes from the sidebar, confirms by the button, and unsubscribes from the mail link', async ({ browser }) => {
  const context = await newContext(browser, true);
  const page = await context.newPage();
  const email = address('js');
  const form = await subscribeOnArticle(page, 'newsletter-sidebar', email);
  // Answered in place: same page, field cleared for the next reader of this screen.
  await expect(page).toHaveURL(/\/$/);
  await expect(form.getByLabel('メールアドレス')).toHaveValue('');

  const welcome = await confirmFromMail(page, email);
  expect(welcome.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/newsletter\/unsubscribe\?token=[^>]+>$/);

  const opened = await page.goto(linkIn(welcome, '/newsletter/unsubscribe'));
  // A page that names its subscriber is never stored by a shared cache.
  expect(opened?.headers()['cache-control']).toMatch(/no-store/);
  expect(subscriberStatus(email)).toBe('active');
  await page.getByRole('button', { name: '配信を停止する' }).click();
  await expect(page).toHaveURL(/\/newsletter\/unsubscribed$/);
  expect(subscriberStatus(email)).toBe('unsubscribed');
  await context.close();
});

test('a mail client unsubscribes with one click from the List-Unsubscribe header (RFC 8058)', async ({ browser, request }) => {
  const context = await newContext(browser, true);
  const page = await context.newPage();
  const email = address('header');
  await subscribeOnArticle(page, 'newsletter-article', email);
  const welcome = await confirmFromMail(page, email);

  expect(welcome.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const url = /^<(.+)>$/.exec(welcome.headers.get('list-unsubscribe') ?? '')![1]!;
  // A client without one-click opens the URL in a browser: that shows the page, and unsubscribes no one.
  await page.goto(url);
  await expect(page.getByRole('button', { name: '配信を停止する' })).toBeVisible();
  expect(subscriberStatus(email)).toBe('active');
  const response = await request.post(url, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(response.status()).toBe(200);
  expect(subscriberStatus(email)).toBe('unsubscribed');
  await context.close();
});

test('the same flow works with JavaScript off, full-width input included', async ({ browser }) => {
  const context = await newContext(browser, false);
  const page = await context.newPage();
  const email = address('nojs');
  // Typed with a Japanese IME: full-width letters, ＠ and spaces, the domain in capitals. The server normalises it.
  const toFullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
  const [local, domain] = email.split('@') as [string, string];
  await page.goto('/newsletter');
  await page.getByLabel('メールアドレス').fill(`\u3000${toFullWidth(local)}＠${toFullWidth(domain.toUpperCase())}\u3000`);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/newsletter\/sent$/);
  await expect(page.getByRole('heading', { name: '確認メールをお送りしました' })).toBeVisible();

  const welcome = await confirmFromMail(page, email);
  await page.goto(linkIn(welcome, '/newsletter/unsubscribe'));
  await page.getByRole('button', { name: '配信を停止する' }).click();
  await expect(page).toHaveURL(/\/newsletter\/unsubscribed$/);
  expect(subscriberStatus(email)).toBe('unsubscribed');
  await context.close();
});

test('bad input gets a 4xx and a Japanese message, with and without JavaScript', async ({ browser }) => {
  const nojs = await newContext(browser, false);
  const plain = await nojs.newPage();
  await plain.goto('/newsletter');
  await plain.getByLabel('メールアドレス').fill('taro@');
  const [response] = await Promise.all([plain.waitForResponse((r) => r.url().endsWith('/api/newsletter/subscribe')), plain.getByRole('button', { name: '登録する' }).click()]);
  expect(response.status()).toBe(400);
  await expect(plain.getByRole('alert').first()).toContainText('メールアドレスの形式が正しくありません');
  await nojs.close();

  const js = await newContext(browser, true);
  const page = await js.newPage();
  await page.goto('/newsletter');
  const field = page.getByLabel('メールアドレス');
  await field.fill('taro@example');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByTestId('newsletter-answer').getByRole('alert')).toContainText('メールアドレスの形式が正しくありません');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/newsletter$/);
  await js.close();
});

test('a confirmation link that was never issued gets a 404 with an explanation', async ({ page }) => {
  const response = await page.goto(`/newsletter/confirm?token=${'x'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'リンクが無効です' })).toBeVisible();
  // Per-request pages are never stored by a shared cache.
  const confirm = await page.request.get(`/newsletter/confirm?token=${'y'.repeat(43)}`);
  expect(confirm.headers()['cache-control']).toMatch(/private|no-store/);
});

test('the dev mailbox is off in production unless KIJI_DEV_MAILBOX says otherwise', async ({ page }) => {
  // The e2e server runs `npm start` (production) without KIJI_DEV_MAILBOX.
  const response = await page.goto('/newsletter/mailbox');
  expect(response?.status()).toBe(404);
});

/** A confirmed subscriber made over HTTP, as the form and the confirmation button would: the edition test's audience. */
async function confirmedSubscriber(request: APIRequestContext, email: string): Promise<ReceivedMail> {
  const headers = { 'x-forwarded-for': clientAddress() };
  const signup = await request.post('/api/newsletter/subscribe', { form: { email, consent: CURRENT_CONSENT_VERSION, placement: 'page' }, headers, maxRedirects: 0 });
  expect(signup.status()).toBe(303);
  const token = new URL(linkIn(await mailTo(email, 'confirm'), '/newsletter/confirm')).searchParams.get('token')!;
  expect((await request.post('/api/newsletter/confirm', { form: { token }, headers, maxRedirects: 0 })).status()).toBe(303);
  return mailTo(email, 'welcome');
}

const oneClickUrl = (mail: ReceivedMail) => /^<(.+)>$/.exec(mail.headers.get('list-unsubscribe') ?? '')![1]!;

test('the desk sends an edition: each confirmed subscriber gets it once, an unsubscribed one never, and its one-click header unsubscribes', async ({ page, request }) => {
  const [first, second, gone] = [address('edition-a'), address('edition-b'), address('edition-gone')];
  await confirmedSubscriber(request, first);
  await confirmedSubscriber(request, second);
  const goneWelcome = await confirmedSubscriber(request, gone);
  expect((await request.post(oneClickUrl(goneWelcome), { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(200);
  expect(subscriberStatus(gone)).toBe('unsubscribed');
  const audience = readServerDb((db) => (db.prepare("select count(*) as n from newsletter_subscribers where status = 'active'").get() as { n: number }).n);

  const subject = `今週のKiji ${RUN}`;
  await signInBrowser(page, '/newsroom/editions/new');
  await page.getByRole('textbox', { name: '件名', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: /^はじめの文章/ }).fill('読者のみなさま、今週の記事をお届けします。');
  // The newest public article: whatever other specs published or withdrew, it can go out.
  const add = page.getByTestId('edition-candidates').getByRole('button', { name: /」を加える$/ }).first();
  const headline = /^「(.+)」を加える$/.exec((await add.getAttribute('aria-label'))!)![1]!;
  await page.getByLabel('見出し・リードで絞り込む').fill(headline);
  await page.getByRole('button', { name: `「${headline}」を加える` }).click();
  const articlePath = await page.getByTestId('edition-articles').getByRole('link').first().textContent();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/newsroom\/editions\/[A-Za-z0-9_-]{16}$/);
  const editionId = page.url().split('/').pop()!;

  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByText(`確認済みの購読者${audience}人に「${subject}」を送信します。`)).toBeVisible();
  await page.getByRole('button', { name: `${audience}人に送信する` }).click();
  await expect(page.getByRole('heading', { name: '送信済み' })).toBeVisible();

  const received = await Promise.all([first, second].map((to) => smtp!.waitFor((m) => m.envelopeTo.includes(to) && m.text.includes(headline), 30_000)));
  // Wait until the outbox has nothing of this edition left to send, then count what arrived.
  await expect
    .poll(() => readServerDb((db) => db.prepare("select count(*) as n from newsletter_edition_mails e join mail_outbox o on o.id = e.outbox_id where e.edition_id = ? and o.status <> 'sent'").get(editionId) as { n: number }).n, { timeout: 30_000 })
    .toBe(0);
  const editionMailsTo = (to: string) => smtp!.received.filter((m) => m.envelopeTo.includes(to) && m.text.includes('今週の記事をお届けします'));
  expect(editionMailsTo(first)).toHaveLength(1);
  expect(editionMailsTo(second)).toHaveLength(1);
  expect(editionMailsTo(gone)).toHaveLength(0);

  const [mail] = received;
  expect(mail!.text).toContain(`${SQLITE_SERVER.base}${articlePath}`);
  expect(mail!.text).toMatch(/配信停止はこちら: http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=/);
  expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  expect((await request.post(oneClickUrl(mail!), { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(200);
  expect(subscriberStatus(first)).toBe('unsubscribed');
  expect(subscriberStatus(second)).toBe('active');

  // The sent count, from the outbox: every one delivered.
  await page.reload();
  await expect(page.getByTestId('delivery-sent')).toHaveText(String(audience));
  await expect(page.getByTestId('delivery-pending')).toHaveText('0');
});
