import { expect, test } from '@playwright/test';
import { DEMO_PUBLISHER } from '../lib/site/publisher';

/**
 * 会社概要, プライバシーポリシー, 利用規約 and お問い合わせ (issue 16): each
 * answers, has its heading, fits a phone's screen, and is reachable from
 * every page's footer, beside the RSS feed. Run in both projects (phone
 * at 390 px, desktop); the e2e server sets no SITE_PUBLISHER_*, so the
 * demo's fictional publisher is shown and says so.
 */

const PAGES = [
  { path: '/about', name: '会社概要', shows: [DEMO_PUBLISHER.name, DEMO_PUBLISHER.address, DEMO_PUBLISHER.representative] },
  { path: '/privacy', name: 'プライバシーポリシー', shows: [DEMO_PUBLISHER.name, DEMO_PUBLISHER.contactEmail] },
  { path: '/terms', name: '利用規約', shows: [DEMO_PUBLISHER.name] },
  { path: '/contact', name: 'お問い合わせ', shows: [DEMO_PUBLISHER.contactEmail] },
] as const;

for (const { path, name, shows } of PAGES) {
  test(`${path} answers with its heading, the publisher and no sideways scroll`, async ({ page }, info) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(name);
    await expect(page).toHaveTitle(`${name} | Kiji`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));
    for (const detail of shows) await expect(page.getByRole('main')).toContainText(detail);
    await expect(page.getByTestId('demo-publisher-note')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: 'ホーム' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} at ${page.viewportSize()?.width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/screenshots/trust${path.replaceAll('/', '-')}-${info.project.name}.png`, fullPage: true });
  });
}

test('an address below a trust page is a 404', async ({ request }) => {
  expect((await request.get('/about/extra')).status()).toBe(404);
});

test('the footer links the four pages and the RSS feed, and each link opens its page', async ({ page }) => {
  // Five page loads; the machine may be busy.
  test.setTimeout(120_000);
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  for (const { path, name } of PAGES) await expect(footer.getByRole('link', { name, exact: true })).toHaveAttribute('href', path);
  const rss = footer.getByRole('link', { name: 'RSS', exact: true });
  await expect(rss).toHaveAttribute('href', '/feed.xml');
  expect((await page.request.get('/feed.xml')).headers()['content-type']).toMatch(/xml/);

  for (const { path, name } of PAGES) {
    await page.getByRole('contentinfo').getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('h1')).toHaveText(name);
  }
});

test('the newsletter form points to the privacy policy’s newsletter section, in one line on a phone', async ({ page }) => {
  await page.goto('/newsletter');
  const note = page.getByTestId('newsletter-privacy-note');
  await expect(note).toBeVisible();
  const link = note.getByRole('link', { name: 'プライバシーポリシー' });
  await expect(link).toHaveAttribute('href', '/privacy#newsletter');
  const lines = await note.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(1);
  await link.click();
  await expect(page).toHaveURL(/\/privacy#newsletter$/);
  await expect(page.getByRole('heading', { name: '2. メールマガジン' })).toBeInViewport();
});

test('the sitemap lists the four pages', async ({ request }) => {
  const xml = await (await request.get('/sitemaps/pages-1.xml')).text();
  for (const { path } of PAGES) expect(xml).toMatch(new RegExp(`<loc>[^<]*${path}</loc>`));
});
