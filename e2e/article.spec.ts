import { expect, test } from '@playwright/test';
import { demoAgencies } from '../lib/seed/demo/taxonomy';
import { formatDateline } from '../lib/time/jst';
import { expectNoAxeViolations } from './axe';
import { correctedStory, embedStory, multiPageStory, wireStory } from './demo';

const DATELINE = /^\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\)\d{1,2}時\d{2}分$/;

test.describe('article page', () => {
  test('shows every part of the model article page', async ({ page }) => {
    const response = await page.goto(`/articles/${wireStory.id}`);
    expect(response?.status()).toBe(200);

    // Topic label linking to its topic page.
    const topic = page.getByTestId('topic-label');
    await expect(topic).toHaveAttribute('href', `/topics/${wireStory.topics?.[0]}`);

    // One h1 with the headline, wrapped only at phrase boundaries.
    const h1 = page.locator('h1');
    await expect(h1).toHaveCount(1);
    await expect(h1).toHaveText(wireStory.headline);
    expect(await h1.locator('wbr').count()).toBeGreaterThan(0);

    // Dateline in JST, in the house format, with a +09:00 datetime.
    const time = page.locator('article header time').first();
    const datetime = await time.getAttribute('datetime');
    expect(datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    const text = (await time.textContent()) ?? '';
    expect(text).toMatch(DATELINE);
    expect(text).toBe(formatDateline(datetime!));
    if ('time' in wireStory.published) {
      const [hh, mm] = wireStory.published.time.split(':');
      expect(text.endsWith(`${Number(hh)}時${mm}分`)).toBe(true);
    }

    // Tag chips link to tag pages, in the article's order.
    const tags = page.getByRole('list', { name: 'タグ' }).getByRole('link');
    await expect(tags).toHaveCount(wireStory.tags.length);
    for (const [i, slug] of wireStory.tags.entries()) await expect(tags.nth(i)).toHaveAttribute('href', `/tags/${slug}`);

    // Hero with caption and credit kept apart.
    const figure = page.locator('article figure').first();
    await expect(figure.locator('img')).toHaveAttribute('alt', wireStory.hero.alt);
    await expect(figure.locator('figcaption')).toContainText(wireStory.hero.caption);
    await expect(figure.locator('figcaption .credit')).toContainText(wireStory.hero.credit);
    const loaded = await figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(loaded).toBe(true);

    // Body sub-headings, attribution, copyright and the wire code.
    expect(await page.locator('article h2').count()).toBeGreaterThan(0);
    const attribution = page.getByTestId('attribution');
    const agency = demoAgencies.find((a) => a.slug === wireStory.wire?.agency)!;
    await expect(attribution).toContainText(`[${agency.name}]`);
    await expect(attribution).toContainText(agency.syndicationCredit);
    await expect(attribution).toContainText(agency.copyrightLine.replace('{year}', datetime!.slice(0, 4)));
    await expect(page.getByTestId('wire-code')).toContainText(wireStory.wire!.code);

    // Reading time and the sidebar's magazine promo.
    await expect(page.locator('article header')).toContainText(/約\d+分で読めます/);
    await expect(page.getByRole('complementary')).toContainText('最新号');
    await expect(page.getByRole('complementary')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日号\(\d{1,2}\/\d{1,2}発売\)/);
  });

  test('shows 更新 when a correction moved the updated time', async ({ page }) => {
    await page.goto(`/articles/${correctedStory.id}`);
    await expect(page.locator('article header')).toContainText('更新');
    await expect(page.locator('article header time')).toHaveCount(2);
  });

  test('splits a multi-page article into pages with their own URLs', async ({ page }) => {
    const pages = multiPageStory.body.split('\n::pagebreak\n').length;
    await page.goto(`/articles/${multiPageStory.id}`);
    const pager = page.getByTestId('article-pager');
    await expect(pager.getByText('1', { exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/articles/${multiPageStory.id}$`));

    await pager.getByRole('link', { name: /続きを読む/ }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${multiPageStory.id}/2$`));
    await expect(page.getByTestId('article-pager').getByText('2', { exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/articles/${multiPageStory.id}/2$`));

    const beyond = await page.request.get(`/articles/${multiPageStory.id}/${pages + 1}`);
    expect(beyond.status()).toBe(404);
    // `/1` is an alias of the bare URL: moved for good (issue 6).
    const alias = await page.request.get(`/articles/${multiPageStory.id}/1`, { maxRedirects: 0 });
    expect(alias.status()).toBe(301);
    expect(alias.headers().location).toBe(`/articles/${multiPageStory.id}`);
  });

  test('shares by plain links that load nothing until clicked, and copies the address', async ({ page, context, baseURL }) => {
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin) elsewhere.push(request.url());
    });
    await page.goto(`/articles/${wireStory.id}`);
    const share = page.getByTestId('share-links');
    const url = `${new URL(baseURL!).origin}/articles/${wireStory.id}`;
    const hrefOf = (name: string) => share.locator(`a[data-share="${name}"]`).getAttribute('href');
    expect(await hrefOf('x')).toBe(`https://x.com/intent/post?text=${encodeURIComponent(wireStory.headline)}&url=${encodeURIComponent(url)}`);
    expect(await hrefOf('line')).toBe(`https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}`);
    expect(await hrefOf('hatena')).toBe(`https://b.hatena.ne.jp/entry/panel/?url=${encodeURIComponent(url)}`);
    expect(await hrefOf('facebook')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    for (const link of await share.getByRole('link').all()) {
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await share.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect(share.getByRole('status')).toHaveText('リンクをコピーしました');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(elsewhere, 'requests to other sites').toEqual([]);
  });

  test('plays an embedded video only when asked: nothing from YouTube before the click, its player in the card\'s box after', async ({ page, baseURL }, info) => {
    test.skip(info.project.name !== 'desktop', 'the card is the same at every width and on either database');
    const elsewhere: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin) elsewhere.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    // The machine is offline: the player's page is answered here, so what is checked is that the browser asks for it (the CSP lets it), and when.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
    await page.goto(`/articles/${embedStory.id}`);
    const card = page.getByTestId('embed');
    await expect(card).toHaveAttribute('data-provider', 'youtube');
    await expect(card).toContainText('YouTube');
    const box = card.getByTestId('embed-box');
    const before = (await box.boundingBox())!;
    expect(before.width / before.height).toBeCloseTo(16 / 9, 1);
    // A button once hydrated (a link to the video without JavaScript).
    const play = card.getByRole('button', { name: '再生する' });
    await expect(play).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(elsewhere, 'requests to other sites before the click').toEqual([]);
    await expectNoAxeViolations(page, 'an article with a video card');

    await play.click();
    const player = card.getByTestId('embed-player');
    await expect(player).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1/);
    await expect(player).toBeFocused();
    await expect.poll(() => elsewhere.filter((url) => url.startsWith('https://www.youtube-nocookie.com/embed/')).length).toBe(1);
    expect(elsewhere.filter((url) => !url.startsWith('https://www.youtube-nocookie.com/')), 'other sites after the click').toEqual([]);
    const after = (await box.boundingBox())!;
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(refused).toEqual([]);
  });

  test('says where it sits (a visible breadcrumb), and leaves itself out of 最新記事', async ({ page, request }) => {
    // The newest story: the one the rails' 最新記事 would list first.
    const rails = (await (await request.get('/api/rails')).json()) as { latest: { id: string; url: string; headline: string }[] };
    const newest = rails.latest[0]!;
    await page.goto(newest.url);
    await expect(page.getByRole('navigation', { name: 'セクション' }).getByRole('link', { name: 'ランキング' })).toHaveAttribute('href', '/ranking');
    const crumbs = page.getByRole('navigation', { name: 'パンくずリスト' });
    await expect(crumbs.getByRole('link', { name: 'ホーム' })).toHaveAttribute('href', '/');
    await expect(crumbs.getByRole('link').nth(1)).toHaveAttribute('href', /^\/sections\/[a-z]+$/);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(newest.headline);
    const latest = page.locator('section[aria-labelledby="latest-rail-heading"]');
    await expect(latest.getByRole('link')).toHaveCount(rails.latest.length - 1);
    await expect(latest.locator(`a[href="${newest.url}"]`)).toHaveCount(0);
    await expect(latest.getByRole('link').first()).toHaveAttribute('href', rails.latest[1]!.url);
  });

  test('prints the article alone, with its address', async ({ page }) => {
    await page.goto(`/articles/${wireStory.id}`);
    const printUrl = page.getByTestId('print-url');
    await expect(printUrl).toBeHidden();
    await expect(page.getByTestId('newsletter-article')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('article')).toBeVisible();
    await expect(printUrl).toBeVisible();
    await expect(printUrl).toContainText(`/articles/${wireStory.id}`);
    // Nothing around the article: navigation, sidebar (ticker, rankings, latest), the signup, あわせて読みたい, the footer.
    for (const hidden of [page.getByRole('navigation', { name: 'セクション' }), page.getByRole('complementary', { name: 'サイドバー' }), page.getByTestId('newsletter-article'), page.getByRole('contentinfo')]) {
      await expect(hidden).toBeHidden();
    }
    for (const row of await page.getByRole('heading', { name: 'あわせて読みたい' }).all()) await expect(row).toBeHidden();
  });

  test('looks right at this width', async ({ page }, info) => {
    await page.goto(`/articles/${wireStory.id}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/screenshots/article-${info.project.name}.png`, fullPage: true });
  });
});
