import { createHmac, randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { formatDateline, toJstInputValue, toJstIso } from '../lib/time/jst';
import { commandApi, createDraftApi, draftOf, signInApi, signInBrowser, waitUntilReaderSees } from './newsroom-helpers';
import { getBase, openServerDatabase } from './server';

/**
 * The newsroom as an editor and a reader use it, in Chromium: write, preview,
 * share, publish, correct, withdraw, schedule. What is timed is from the
 * newsroom's answer to the moment an anonymous reader's request shows it:
 * the target is 1 s, measured by `npm run bench:newsroom`; here the bound is
 * what proves the change reached cached pages at all (without the
 * invalidation they would wait a day), with room for a busy machine.
 */

const VISIBLE_WITHIN_MS = 10_000;

/**
 * At phone width the first test runs (a reporter filing from the field
 * writes, previews and publishes on a phone); the rest is the desk's logic,
 * the same at any width, and runs on the desktop projects only.
 */
const DESK_LOGIC = 'the desk’s logic, not layout: checked at desktop width (the phone runs the first test)';

async function photo(width = 1200, height = 675): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2f6f8f' } })
    .png()
    .toBuffer();
}

async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('an editor writes a draft with a photo, previews, shares, and publishes it; readers see it within 1 s', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const headline = `港町の朝市、三年ぶりに再開へ ${info.project.name}${Date.now()}`;
  await signInBrowser(page);
  await page.screenshot({ path: `e2e/screenshots/newsroom-list-${info.project.name}.png`, fullPage: true });

  // Write a draft with a photo.
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.waitForURL(/\/newsroom\/articles\/new$/);
  await page.getByLabel('見出し', { exact: true }).fill(headline);
  await page.getByLabel('リード').fill('地元の漁協と商店街が準備を進めている。');
  await page.getByLabel('本文', { exact: true }).fill('朝市は港の広場で開かれる。\n\n## 準備の経緯\n\n出店者は四十軒を見込む。');
  await page.getByLabel('セクション').selectOption('culture');
  await page.getByLabel('タグを追加').fill('東京');
  await page.getByRole('button', { name: '追加' }).nth(1).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'asaichi.png', mimeType: 'image/png', buffer: await photo() });
  await expect(page.getByTestId('hero-size')).toHaveText('1200×675px');
  await page.getByLabel('代替テキスト(写真の内容を文章で)').fill('朝の港に並ぶ屋台');
  await page.getByLabel('キャプション').fill('再開を前に準備が進む港の広場');
  await page.getByLabel('クレジット').fill('Kiji編集部');

  // The live preview is the public article components.
  const live = page.getByTestId('live-preview');
  await expect(live.locator('h1')).toHaveText(headline);
  await expect(live.locator('figcaption')).toContainText('再開を前に準備が進む港の広場');
  await expect(live.locator('figcaption .credit')).toContainText('Kiji編集部');
  await expect(live.locator('h2')).toHaveText('準備の経緯');
  await page.getByRole('button', { name: '下書き保存' }).click();
  await expect(page.getByTestId('save-state')).toContainText('保存しました');
  // Stored at its first save (ADR 0041): the editor is now at the article's own address.
  await page.waitForURL(/\/newsroom\/articles\/[2-9a-z]{8}$/);
  const id = page.url().split('/').pop()!;
  await page.screenshot({ path: `e2e/screenshots/newsroom-editor-${info.project.name}.png`, fullPage: true });

  // Preview: the whole article page at its preview address, with the banner;
  // anonymous readers get 404 there and at the public address.
  const setCookies: string[] = [];
  // A response whose page closes before its headers are read (the preview, closed below) is skipped, not an error.
  page.context().on('response', (r) =>
    r.headersArray().then(
      (headers) => setCookies.push(...headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)),
      () => undefined,
    ),
  );
  const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'プレビュー' }).click()]);
  await preview.waitForURL(`${getBase()}/preview/articles/${id}`);
  await expect(preview.getByTestId('preview-banner')).toContainText('プレビュー中');
  await expect(preview.getByTestId('preview-banner')).toContainText('下書き');
  await expect(preview.locator('h1')).toHaveText(headline);
  await expect(preview.getByRole('complementary')).toContainText('最新記事');
  const previewResponse = (await preview.reload())!;
  expect(previewResponse.headers()['cache-control']).toMatch(/private/);
  expect(previewResponse.headers()['cache-control']).toMatch(/no-store/);
  expect(previewResponse.headers()['x-robots-tag']).toBe('noindex');
  await expect(preview.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await preview.screenshot({ path: `e2e/screenshots/newsroom-preview-${info.project.name}.png` });
  const reader = await anonymousPage(browser);
  expect((await reader.goto(`/articles/${id}`))?.status()).toBe(404);
  expect((await reader.goto(`/preview/articles/${id}`))?.status()).toBe(404);
  // No draft mode: nothing an editor (or anyone) is given makes public pages skip the cache.
  expect(setCookies.filter((c) => c.startsWith('__prerender_bypass'))).toEqual([]);
  // The banner leads an editor back to the editor.
  await preview.getByRole('link', { name: '編集画面に戻る' }).click();
  await preview.waitForURL(`${getBase()}/newsroom/articles/${id}`);
  await preview.close();

  // Share a preview link: works in a fresh browser, then not after revocation.
  await page.getByRole('link', { name: '共有用プレビューリンク' }).click();
  await page.getByRole('button', { name: 'リンクを作成' }).click();
  const linkUrl = await page.getByLabel('プレビューリンクのURL').first().inputValue();
  expect(linkUrl).toMatch(new RegExp(`^${getBase()}/preview/`));
  const guest = await anonymousPage(browser);
  await guest.goto(linkUrl);
  await expect(guest).toHaveURL(`${getBase()}/preview/articles/${id}`);
  await expect(guest.getByTestId('preview-banner')).toContainText('プレビュー中');
  await expect(guest.getByTestId('preview-banner').getByRole('link', { name: '編集画面に戻る' })).toHaveCount(0);
  await expect(guest.locator('h1')).toHaveText(headline);
  // The grant is for this article's preview address only: the public address is a reader's 404.
  expect((await guest.goto(`/articles/${id}`))?.status()).toBe(404);
  // Read-only and one article only: the newsroom still wants a sign-in.
  await guest.goto('/newsroom');
  await expect(guest).toHaveURL(/\/newsroom\/sign-in/);
  await page.getByRole('button', { name: '取り消す' }).first().click();
  await expect(page.getByRole('status')).toContainText('取り消しました');
  expect((await guest.goto(`/preview/articles/${id}`))?.status()).toBe(404);
  const late = await anonymousPage(browser);
  expect((await late.goto(linkUrl))?.status()).toBe(410);

  // An expiring link: made to last ten seconds (the newsroom offers hours); long
  // enough for a new browser page to open it on a busy machine, short enough to wait out.
  const db = openServerDatabase();
  const { value: secret } = await db.db.selectFrom('server_secrets').select('value').where('name', '=', 'hmac').executeTakeFirstOrThrow();
  const expires = Date.now() + 10_000;
  const linkId = randomBytes(9).toString('base64url');
  await db.db
    .insertInto('preview_links')
    .values({ id: linkId, article_id: id, created_by: null, created_at: new Date().toISOString(), expires_at: new Date(expires).toISOString(), revoked_at: null })
    .execute();
  await db.db.destroy();
  const shortLink = `/preview/${linkId}.${expires}.${createHmac('sha256', secret).update(`preview-link\n${linkId}.${id}.${expires}`).digest('base64url')}`;
  const visitor = await anonymousPage(browser);
  await visitor.goto(shortLink);
  await expect(visitor.getByTestId('preview-banner')).toBeVisible();
  await visitor.waitForTimeout(Math.max(0, expires - Date.now()) + 200);
  expect((await visitor.reload())?.status()).toBe(404);
  expect((await visitor.goto(shortLink))?.status()).toBe(410);

  // Publish: pages a reader already has cached show it (within a second on a quiet machine).
  for (const path of ['/', '/sections/culture', '/tags/tokyo']) expect((await fetch(`${getBase()}${path}`)).status).toBe(200);
  await page.getByRole('link', { name: '← 編集に戻る' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  const [published] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/newsroom/articles/${id}/publish`)),
    page.getByRole('button', { name: '今すぐ公開' }).click(),
  ]);
  expect(published.status()).toBe(200);
  for (const path of [`/articles/${id}`, '/', '/sections/culture', '/tags/tokyo']) {
    const ms = await waitUntilReaderSees(path, (html) => html.includes(headline), VISIBLE_WITHIN_MS);
    console.log(`${info.project.name} ${path} visible after ${ms} ms`);
    expect(ms, `${path} shows the new article after ${ms} ms`).toBeLessThan(VISIBLE_WITHIN_MS);
  }
  await expect(page.getByTestId('article-status')).toHaveText('公開中');
  await reader.goto(`/articles/${id}`);
  await expect(reader.locator('h1')).toHaveText(headline);
  await expect(reader.getByTestId('preview-banner')).toHaveCount(0);
  const hero = reader.locator('article figure img').first();
  await expect(hero).toHaveAttribute('alt', '朝の港に並ぶ屋台');
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('an 更新 moves the updated time and shows 更新 within 1 s', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const { id } = await createDraftApi(session, draftOf());
  // Published two hours ago (an update within a minute of publishing is not
  // flagged): written straight to the database, before any reader asked for it.
  const db = openServerDatabase();
  const earlier = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await db.db.updateTable('articles').set({ status: 'published', published_at: earlier, updated_at: earlier }).where('id', '=', id).execute();
  await db.db.destroy();
  // The dateline's 更新, not the rankings' 最終更新 beside it.
  const shows更新 = (html: string) => /(?<!最終)更新 (<!-- -->)?<time/.test(html);
  const before = await (await fetch(`${getBase()}/articles/${id}`)).text();
  expect(before.includes(`dateTime="${toJstIso(earlier)}"`) && !shows更新(before), 'the cached page before the update').toBe(true);

  await signInBrowser(page, `/newsroom/articles/${id}`);
  await expect(page.getByTestId('article-status')).toHaveText('公開中');
  const corrected = `更新後の見出し${Date.now()}`;
  await page.getByLabel('見出し', { exact: true }).fill(corrected);
  await expect(page.getByTestId('save-state')).toHaveText('未保存の変更があります');
  // Republishing a live article is an explicit choice (ADR 0034); nothing is preselected.
  await expect(page.getByTestId('republish')).toBeDisabled();
  await page.getByRole('radio', { name: /^更新/ }).check();
  page.once('dialog', (dialog) => void dialog.accept());
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/newsroom/articles/${id}/update`)),
    page.getByRole('button', { name: '更新を公開' }).click(),
  ]);
  expect(answer.status()).toBe(200);
  const ms = await waitUntilReaderSees(`/articles/${id}`, (html) => html.includes(corrected) && shows更新(html), VISIBLE_WITHIN_MS);
  expect(ms, `update visible after ${ms} ms`).toBeLessThan(VISIBLE_WITHIN_MS);
  await page.goto(`/articles/${id}`);
  await expect(page.locator('article header')).toContainText(/更新 \d{4}年/);
  await expect(page.locator('article header time').first()).toHaveAttribute('datetime', toJstIso(earlier));
});

test('withdrawing an article answers 410 Gone; a removed page answers 301', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const { id, revision } = await createDraftApi(session, draftOf({ body: '一ページ目。\n\n::pagebreak\n\n二ページ目。' }));
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  expect((await fetch(`${getBase()}/articles/${id}/2`)).status).toBe(200);
  const corrected = await commandApi(session, id, 'fix', { draft: draftOf({ body: '一ページにまとめた。' }), baseRevision: published.body.article!.revision });
  expect(corrected.status).toBe(200);
  const moved = await fetch(`${getBase()}/articles/${id}/2`, { redirect: 'manual' });
  expect(moved.status).toBe(301);
  expect(new URL(moved.headers.get('location')!, getBase()).pathname).toBe(`/articles/${id}`);

  await signInBrowser(page, `/newsroom/articles/${id}`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '公開を取り下げ' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('非公開');
  const reader = await (await page.context().browser()!.newContext()).newPage();
  const gone = await reader.goto(`/articles/${id}`);
  expect(gone?.status()).toBe(410);
  await expect(reader.locator('h1')).toHaveText('この記事は公開を終了しました');
  expect((await fetch(`${getBase()}/articles/${id}/2`)).status).toBe(410);
  // For every request: no cookie or header skips the 410 (a draft-mode cookie, the old bench switch, an editor's session).
  for (const headers of <Record<string, string>[]>[
    { cookie: '__prerender_bypass=forged' },
    { 'x-kiji-bench-skip-proxy': '1' },
    { cookie: `${session.cookie}; __prerender_bypass=forged` },
  ]) {
    const answer = await fetch(`${getBase()}/articles/${id}`, { headers, redirect: 'manual' });
    expect(answer.status, JSON.stringify(headers)).toBe(410);
    expect(await answer.text()).not.toContain('一ページにまとめた');
  }
  // The desk still sees it, at its preview address.
  const preview = await fetch(`${getBase()}/preview/articles/${id}`, { headers: { cookie: session.cookie } });
  expect(preview.status).toBe(200);
  expect(await preview.text()).toContain('一ページにまとめた');
});

test('scheduling in Japan time; a scheduled article appears when its time comes', async ({ browser }) => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const { id } = await createDraftApi(session, draftOf());
  // The form reads the date and time as JST whatever the browser's own zone.
  const page = await (await browser.newContext({ timezoneId: 'America/Los_Angeles' })).newPage();
  await signInBrowser(page, `/newsroom/articles/${id}`);
  const at = new Date(Math.floor((Date.now() + 30 * 86_400_000) / 60_000) * 60_000);
  await page.getByLabel('公開日時を予約(日本時間)').fill(toJstInputValue(at));
  await page.getByRole('button', { name: '予約する' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('予約');
  await expect(page.getByText(`予約: ${formatDateline(at)}に公開`)).toBeVisible();
  await page.getByRole('button', { name: '予約を取り消す' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('下書き');

  const headline = `予約公開テスト${Date.now()}`;
  const { id: soon, revision } = await createDraftApi(session, draftOf({ headline }));
  // The home page is cached before the publish: the scheduler, outside any request, must make it stale.
  await fetch(`${getBase()}/`);
  expect((await fetch(`${getBase()}/`)).headers.get('x-nextjs-cache')).toBe('HIT');
  const due = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
  const scheduled = await commandApi(session, soon, 'schedule', { baseRevision: revision, at: due.toISOString() });
  expect(scheduled.status).toBe(200);
  expect((await fetch(`${getBase()}/articles/${soon}`)).status).toBe(404);
  const ms = await waitUntilReaderSees(`/articles/${soon}`, (_html, status) => status === 200, 20_000);
  const lateBy = Date.now() - due.getTime();
  expect(lateBy, 'not before its time').toBeGreaterThanOrEqual(0);
  // Within a second or two on a quiet machine (the scheduler's timer wakes at the due time); the bound allows a busy one.
  expect(lateBy, `appeared ${lateBy} ms after its time`).toBeLessThan(15_000);
  expect(ms).toBeLessThan(20_000);
  const html = await (await fetch(`${getBase()}/articles/${soon}`)).text();
  expect(html.includes(`dateTime="${toJstIso(due)}"`), 'published at its scheduled time').toBe(true);
  const onHome = await waitUntilReaderSees('/', (home) => home.includes(headline), 20_000);
  expect(onHome, 'the scheduled story reaches the cached home page').toBeLessThan(20_000);
});

test('XSS payloads in every editor field never reach a public page unescaped', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const x = (field: string) => `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>"'>`;
  const term = async (kind: 'tag' | 'topic') => {
    const response = await fetch(`${getBase()}/api/newsroom/terms`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: getBase(), 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind, name: `${Date.now()}${x(kind)}`.slice(0, 40), tagKind: 'person' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { slug: string }).slug;
  };
  const [tag, topic] = [await term('tag'), await term('topic')];
  const upload = new FormData();
  upload.set('file', new Blob([new Uint8Array(await photo())], { type: 'image/png' }), 'x.png');
  const stored = (await (
    await fetch(`${getBase()}/api/newsroom/media`, { method: 'POST', headers: { cookie: session.cookie, origin: getBase(), 'x-csrf-token': session.csrf }, body: upload })
  ).json()) as { src: string; width: number; height: number };
  const draft = draftOf({
    headline: x('headline'),
    standfirst: x('standfirst'),
    body: `${x('body')}\n\n[link](javascript:window.__xss='href') [d](data:text/html,<script>alert(1)</script>)\n\n::figure[${x('figcaption')}]{src="javascript:alert(1)" alt="a"}\n\n<iframe src="javascript:alert(1)"></iframe>`,
    tags: [tag],
    topics: [topic],
    hero: { ...stored, alt: x('alt'), caption: x('caption'), credit: x('credit') },
    agency: 'toyo',
    wireCode: x('wire').slice(0, 64),
  });
  const { id, revision } = await createDraftApi(session, draft);
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status, published.body.error).toBe(200);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const path of [`/articles/${id}`, '/', '/sections/culture', `/tags/${tag}`, `/topics/${topic}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`);
          if (/^(href|src|action|formaction)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
        if (/^(IFRAME|OBJECT|EMBED)$/.test(el.tagName)) bad.push(el.tagName);
      }
      return { bad, xss: (window as unknown as { __xss?: string }).__xss ?? null };
    });
    expect(found, path).toEqual({ bad: [], xss: null });
  }
  expect(dialogs).toEqual([]);
  // The words survive as text: escaped, not dropped.
  await page.goto(`/articles/${id}`);
  await expect(page.locator('h1')).toContainText("window.__xss='headline'");
});

test('drafts appear on no public page, feed, sitemap, ranking or search', async () => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const marker = `未公開マーカー${Date.now()}`;
  const { id } = await createDraftApi(session, draftOf({ headline: marker, body: `${marker}の本文。`, tags: ['tokyo'], section: 'culture' }));
  const paths = new Set(['/', '/sections/culture', '/tags/tokyo', `/articles/${id}`]);
  // Other parts of the site (sitemaps, feeds, search, rankings) are included where they exist.
  for (const candidate of ['/sitemap.xml', '/sitemap_index.xml', '/feed.xml', '/rss.xml', '/atom.xml', '/feed', `/search?q=${encodeURIComponent(marker)}`, `/api/search?q=${encodeURIComponent(marker)}`, '/api/rankings', '/api/ticker']) {
    paths.add(candidate);
  }
  const sitemap = await fetch(`${getBase()}/sitemap.xml`);
  if (sitemap.ok) for (const m of (await sitemap.text()).matchAll(/<loc>([^<]+\.xml)<\/loc>/g)) paths.add(new URL(m[1]!).pathname);
  for (const path of paths) {
    const response = await fetch(`${getBase()}${path}`);
    const body = await response.text();
    // Its own address's 404 names the address, nothing more; a search page
    // repeats the query it was asked, so there only a result (its link) leaks.
    const isSearch = path.includes('search?q=');
    const leaks = (!isSearch && body.includes(marker)) || (path !== `/articles/${id}` && body.includes(id));
    expect(leaks, `draft leaks on ${path} (${response.status})`).toBe(false);
  }
});

test('drafts save themselves, leaving with unsaved changes asks first, revisions restore, a bad photo is refused with its reason', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', DESK_LOGIC);
  const session = await signInApi();
  const { id } = await createDraftApi(session, draftOf());
  await signInBrowser(page, `/newsroom/articles/${id}`);
  const headline = `自動保存される見出し${Date.now()}`;
  await page.getByLabel('見出し', { exact: true }).fill(headline);
  await expect(page.getByTestId('save-state')).toHaveText('未保存の変更があります');
  await expect(page.getByTestId('save-state')).toContainText('自動保存しました', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel('見出し', { exact: true })).toHaveValue(headline);

  await page.getByLabel('本文', { exact: true }).fill('まだ保存していない本文。');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: '記事一覧' }).click();
  expect(asked).toContain('保存されていない変更があります');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(`${getBase()}/newsroom/articles/${id}`);
  await expect(page.getByLabel('本文', { exact: true })).toHaveValue('まだ保存していない本文。');

  // Every save is a revision; an older one can be restored.
  await page.getByRole('button', { name: '下書き保存' }).click();
  await expect(page.getByTestId('save-state')).toContainText('保存しました');
  await page.getByRole('link', { name: '版の履歴' }).click();
  const revisions = page.getByTestId('revisions').getByRole('listitem');
  await expect(revisions.first()).toContainText('現在の版');
  await expect(revisions.filter({ hasText: '第2版' })).toContainText('自動保存');
  page.once('dialog', (dialog) => void dialog.accept());
  await revisions.filter({ hasText: '第1版' }).getByRole('button', { name: 'この版に戻す' }).click();
  await page.waitForURL(`${getBase()}/newsroom/articles/${id}`);
  await expect(page.getByLabel('見出し', { exact: true })).not.toHaveValue(headline);
  await expect(page.getByLabel('本文', { exact: true })).toHaveValue(/一段落目の本文/);

  await page.locator('input[type="file"]').setInputFiles({ name: 'small.png', mimeType: 'image/png', buffer: await photo(300, 200) });
  await expect(page.getByRole('alert').filter({ hasText: '幅400px以上の画像を選んでください。' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
  await expect(page.getByRole('alert').filter({ hasText: 'JPEG・PNG・WebPの画像を選んでください。' })).toBeVisible();
});

test('新規作成 stores nothing until something is typed; two revisions compare word by word; a draft is deleted after a confirmation, and the 管理者 brings it back', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', DESK_LOGIC);
  test.setTimeout(90_000);
  /** Articles with nothing typed in them: what 新規作成 used to leave behind. */
  const countUntouched = async () => {
    const conn = openServerDatabase();
    try {
      const row = await conn.db.selectFrom('articles').where('headline', '=', '').where('body', '=', '').where('standfirst', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await conn.db.destroy();
    }
  };
  await signInBrowser(page);
  const untouched = await countUntouched();
  // Opened and left without typing: no question on leaving, nothing stored.
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.waitForURL(/\/newsroom\/articles\/new$/);
  await expect(page.getByTestId('save-state')).toContainText('入力すると保存されます');
  await page.getByRole('link', { name: '記事一覧' }).click();
  await page.waitForURL(`${getBase()}/newsroom`);
  expect(await countUntouched()).toBe(untouched);

  // Typed: the first autosave stores it, and the address becomes its own.
  const headline = `削除される下書き${Date.now()}`;
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.waitForURL(/\/newsroom\/articles\/new$/);
  await page.getByLabel('見出し', { exact: true }).fill(headline);
  await page.getByLabel('本文', { exact: true }).fill('市長は東京で記者会見を開き、計画を説明した。\n\n二段落目は変わらない。');
  await expect(page.getByTestId('save-state')).toContainText('自動保存しました', { timeout: 15_000 });
  await page.waitForURL(/\/newsroom\/articles\/[2-9a-z]{8}$/);
  const id = page.url().split('/').pop()!;
  await page.getByLabel('本文', { exact: true }).fill('市長は大阪で記者会見を開き、計画を説明した。\n\n二段落目は変わらない。');
  await page.getByRole('button', { name: '下書き保存' }).click();
  await expect(page.getByTestId('save-state')).toContainText('保存しました');

  // The newest revision against the one before: the one word that changed, marked.
  await page.getByRole('link', { name: '版の履歴' }).click();
  await page.getByTestId('revisions').getByRole('listitem').first().getByRole('link', { name: '前の版と比較' }).click();
  const comparison = page.getByTestId('revision-comparison');
  await expect(comparison.locator('del')).toHaveText(['取り消し線', '東京']);
  await expect(comparison.locator('ins')).toHaveText(['下線', '大阪']);
  await page.screenshot({ path: 'e2e/screenshots/newsroom-compare-desktop.png', fullPage: true });
  // The older one as readers would have seen it: the public components, on a private, uncached newsroom page.
  await page.getByRole('link', { name: '表示' }).first().click();
  await page.waitForURL(`${getBase()}/newsroom/articles/${id}/revisions/1`);
  await expect(page.getByTestId('live-preview').locator('h1')).toHaveText(headline);
  await expect(page.getByTestId('live-preview')).toContainText('市長は東京で');
  const viewed = await page.request.get(`/newsroom/articles/${id}/revisions/1`, { maxRedirects: 0 });
  expect(viewed.headers()['cache-control']).toMatch(/no-store/);
  expect((await fetch(`${getBase()}/newsroom/articles/${id}/revisions/1`, { redirect: 'manual' })).status).toBe(307);

  // Deleted after a confirmation: gone from the list, its address a 404.
  await page.goto(`/newsroom/articles/${id}`);
  await page.getByRole('button', { name: '下書きを削除' }).click();
  const confirm = page.getByRole('dialog', { name: 'この下書きを削除しますか？' });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/newsroom-delete-confirm-desktop.png' });
  await confirm.getByRole('button', { name: '削除する' }).click();
  await page.waitForURL(`${getBase()}/newsroom?done=deleted`);
  await expect(page.getByRole('status')).toContainText('下書きを削除しました');
  await expect(page.getByTestId('newsroom-articles')).not.toContainText(headline);
  expect((await page.goto(`/newsroom/articles/${id}`))?.status()).toBe(404);

  // The 管理者 (the demo account) finds it under 削除済み and brings it back.
  await page.goto('/newsroom?status=deleted');
  const row = page.getByTestId('newsroom-articles').getByRole('listitem').filter({ hasText: headline });
  await row.getByRole('button', { name: '下書きを元に戻す' }).click();
  await page.waitForURL(`${getBase()}/newsroom/articles/${id}`);
  await expect(page.getByLabel('見出し', { exact: true })).toHaveValue(headline);
});
