import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { commandApi, createAccount, createDraftApi, draftOf, editorHeaders, signInApi, openNewsroomMenuFor, signInBrowser, waitUntilReaderSees } from './newsroom-helpers';
import { getBase } from './server';

/**
 * 特集・連載・筆者 (docs/adr/0050-topic-series-and-author-pages.md) as the desk
 * uses it in Chromium: a デスク writes an author's プロフィール with a portrait
 * from the picture library, and marks a series sponsored (a refusal first,
 * which keeps what was typed); an anonymous reader then sees both on the
 * author's page, the series' page and an article of theirs, whose cached
 * copies the saves expired. A 記者 is refused, on the page and by the API.
 *
 * Its own Playwright project, alone after the others: a series' change
 * re-renders every page with the sidebar's 連載 box, which would turn the
 * cache-hit checks of specs running beside it into misses.
 */

const SEEN_WITHIN_MS = 15_000;

test('a デスク edits an author’s profile and a series’ sponsor; readers see both, and a 記者 cannot', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const authorSlug = `e2e-author-${stamp}`;
  const seriesSlug = `e2e-series-${stamp}`;
  const admin = await signInApi();
  const post = (path: string, body: unknown) => fetch(`${getBase()}${path}`, { method: 'POST', headers: editorHeaders(admin), body: JSON.stringify(body) });

  // An author and a series of this run's own, and a published article by them in it.
  expect((await post('/api/newsroom/terms/authors', { slug: authorSlug, name: `水谷 遥${stamp}`, role: '社会部記者', profile: '', portraitSrc: null })).status).toBe(201);
  expect((await post('/api/newsroom/terms/series', { slug: seriesSlug, name: `街角の技術${stamp}`, description: '町工場の技術を訪ねる', sponsored: false, sponsorName: '' })).status).toBe(201);
  const headline = `町工場の研磨技術、宇宙へ ${stamp}`;
  const { id, revision } = await createDraftApi(admin, draftOf({ headline, authors: [authorSlug], series: seriesSlug }));
  expect((await commandApi(admin, id, 'publish', { baseRevision: revision })).status).toBe(200);
  // A portrait in the picture library (ADR 0046), as a photo desk would have uploaded it.
  const portraitFile = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#7a8fa6' } }).png().toBuffer();
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(portraitFile)], { type: 'image/png' }), 'portrait.png');
  form.set('caption', `水谷遥記者 ${stamp}`);
  form.set('credit', 'Kiji写真部');
  const uploaded = await fetch(`${getBase()}/api/newsroom/media`, { method: 'POST', headers: { cookie: admin.cookie, origin: admin.base, 'x-csrf-token': admin.csrf }, body: form });
  expect(uploaded.status).toBe(201);
  const portraitSrc = ((await uploaded.json()) as { src: string }).src;
  // Cached before the edits, as a reader would have found them.
  for (const path of [`/authors/${authorSlug}`, `/series/${seriesSlug}`, `/articles/${id}`]) {
    expect(await waitUntilReaderSees(path, (html, status) => status === 200 && html.includes(headline), SEEN_WITHIN_MS), path).toBeLessThan(Infinity);
  }

  // The デスク finds the author from the header's link and the list's search.
  const desk = await createAccount('desk', '編集 デスク');
  await signInBrowser(page, '/newsroom', desk);
  await openNewsroomMenuFor(page, '特集・連載・筆者');
  await page.getByRole('navigation', { name: 'ニュースルーム' }).getByRole('link', { name: '特集・連載・筆者' }).click();
  await expect(page.getByRole('heading', { name: '特集・連載・筆者', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /^筆者\(\d+\)$/ }).click();
  await expect(page).toHaveURL(/kind=authors$/);
  await expect(page.getByRole('link', { name: '新しい筆者を作る' })).toBeVisible();
  await page.getByRole('searchbox').fill(stamp);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByTestId('term-count')).toHaveText(`「${stamp}」を含む筆者:1件`);
  const row = page.getByTestId('term-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('term-use')).toHaveText('公開1本');
  await row.getByRole('link', { name: '編集' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/terms/authors/${authorSlug}$`));
  await expect(page.getByTestId('term-slug')).toHaveText(`/authors/${authorSlug}`);

  // Profile and a portrait from the picture library.
  const profile = `町工場と地域の産業を取材しています。${stamp}\n\n趣味は旋盤の音を聞くこと。`;
  await page.getByLabel(/^プロフィール/).fill(profile);
  await page.getByRole('button', { name: 'ライブラリから選ぶ' }).click();
  const dialog = page.getByTestId('picture-dialog');
  await expect(dialog.getByRole('heading', { name: '筆者の写真をライブラリから選ぶ' })).toBeVisible();
  await dialog.getByRole('searchbox').fill(stamp);
  await expect(dialog.getByTestId('picture-choice')).toHaveCount(1);
  await dialog.getByTestId('picture-choice').click();
  // A portrait takes the picture alone: no caption or credit to write for it.
  await expect(dialog.getByLabel('キャプション')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'この写真にする' }).click();
  await expect(page.getByTestId('portrait-preview')).toBeVisible();
  expect(decodeURIComponent((await page.getByTestId('portrait-preview').getAttribute('src'))!)).toContain(portraitSrc);
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByTestId('term-saved')).toHaveText('保存しました。読者のページにも反映しました。');

  // The series: sponsored, first without saying who pays (refused, nothing lost), then with the sponsor.
  await page.goto(`/newsroom/terms/series/${seriesSlug}`);
  await page.getByLabel('提供を受けた広告企画の連載(PR)').check();
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByTestId('term-error')).toHaveText('提供の連載には、提供元(スポンサー名)が必要です。');
  await expect(page.getByLabel('提供を受けた広告企画の連載(PR)')).toBeChecked();
  await page.getByLabel(/^提供元\(スポンサー名\)/).fill('架空精機株式会社');
  await page.getByRole('button', { name: '保存して公開' }).click();
  await expect(page.getByTestId('term-saved')).toHaveText('保存しました。読者のページにも反映しました。');
  // The series is in use: deleting it is refused, and the page says why before anyone tries.
  await expect(page.getByTestId('term-delete-refusal')).toContainText('記事1本(公開中1本)で使われているため削除できません');

  // An anonymous reader: the author's page has the profile and the portrait; the series and the article say PR and who pays.
  const firstLine = `町工場と地域の産業を取材しています。${stamp}`;
  expect(await waitUntilReaderSees(`/authors/${authorSlug}`, (html) => html.includes(firstLine), SEEN_WITHIN_MS)).toBeLessThan(Infinity);
  expect(await waitUntilReaderSees(`/series/${seriesSlug}`, (html) => html.includes('提供:架空精機株式会社'), SEEN_WITHIN_MS)).toBeLessThan(Infinity);
  expect(await waitUntilReaderSees(`/articles/${id}`, (html) => html.includes('提供:架空精機株式会社'), SEEN_WITHIN_MS)).toBeLessThan(Infinity);
  const reader = await browser.newPage();
  try {
    await reader.goto(`/authors/${authorSlug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`水谷 遥${stamp}`);
    await expect(reader.getByTestId('author-profile')).toHaveText([firstLine, '趣味は旋盤の音を聞くこと。']);
    const portrait = reader.getByTestId('author-intro').locator('img');
    await expect(portrait).toBeVisible();
    expect(decodeURIComponent((await portrait.getAttribute('src'))!)).toContain(portraitSrc);
    const person = await reader.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!)).find((d) => d['@type'] === 'ProfilePage')?.mainEntity,
    );
    expect(person).toMatchObject({ '@type': 'Person', jobTitle: '社会部記者', description: profile, image: expect.stringContaining(portraitSrc) });

    await reader.goto(`/series/${seriesSlug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`PR・街角の技術${stamp}`);
    await expect(reader.getByTestId('sponsor-notice')).toContainText('提供:架空精機株式会社');
    await expect(reader.getByTestId('sponsor-notice')).toContainText('広告企画です');

    await reader.goto(`/articles/${id}`);
    await expect(reader.getByTestId('series-label')).toHaveText(`PR・街角の技術${stamp}`);
    await expect(reader.getByTestId('sponsor-label')).toHaveText('提供:架空精機株式会社');
    await expect(reader.locator('a[rel="author"]')).toHaveText(`水谷 遥${stamp}`);
  } finally {
    await reader.close();
  }

  // A 記者 is sent back with the reason, has no link to it, and the API refuses them.
  const reporter = await createAccount('reporter', '取材 記者');
  const reporterPage = await browser.newPage();
  try {
    await signInBrowser(reporterPage, '/newsroom', reporter);
    // Not in any menu either, open or closed.
    await expect(reporterPage.locator('header a[href="/newsroom/terms"]')).toHaveCount(0);
    await reporterPage.goto(`/newsroom/terms/authors/${authorSlug}`);
    await expect(reporterPage).toHaveURL(/\/newsroom\?denied=terms$/);
    await expect(reporterPage.getByRole('main').getByRole('alert')).toHaveText('特集・連載・筆者の編集はデスクと管理者が行います。直したいところはデスクに伝えてください。');
  } finally {
    await reporterPage.close();
  }
  const reporterSession = await signInApi(getBase(), reporter.login, reporter.password);
  const refused = await fetch(`${getBase()}/api/newsroom/terms/authors/${authorSlug}`, {
    method: 'PUT',
    headers: editorHeaders(reporterSession),
    body: JSON.stringify({ name: '書き換え', role: '記者', profile: '記者が書いたプロフィール', portraitSrc: null }),
  });
  expect(refused.status).toBe(403);
  expect((await (await fetch(`${getBase()}/authors/${authorSlug}`)).text()).includes('記者が書いたプロフィール')).toBe(false);
});

test('the list and the edit form fit a phone’s width', async ({ browser }) => {
  const desk = await createAccount('desk', '携帯 デスク');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await signInBrowser(phone, '/newsroom/terms', desk);
    for (const path of ['/newsroom/terms', '/newsroom/terms?kind=authors', '/newsroom/terms/authors/ito-sayaka', '/newsroom/terms/series/new']) {
      await phone.goto(path);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    // The header's menu holds it, reachable without scrolling sideways.
    await openNewsroomMenuFor(phone, '特集・連載・筆者');
    await expect(phone.getByRole('navigation', { name: 'ニュースルーム' }).getByRole('link', { name: '特集・連載・筆者' })).toBeInViewport();
  } finally {
    await phone.close();
  }
});
