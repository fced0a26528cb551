import { expect, test, type Locator, type Page } from '@playwright/test';
import { siteSections } from '../lib/site/config';
import { liveStory, publishedArticles, wireStory } from './demo';
import { observeLayoutShifts } from './layout-shifts';

for (const path of ['/', '/sections/business', '/magazine']) {
  test(`${path} fits the screen and has a skip link`, async ({ page }, info) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へスキップ' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    const name = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
    await page.screenshot({ path: `e2e/screenshots/${name}-${info.project.name}.png`, fullPage: true });
  });
}

test('no page scrolls sideways from 360 px to 1440 px', async ({ page }) => {
  // Twenty page loads; the machine may be busy.
  test.setTimeout(180_000);
  for (const width of [360, 768, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', `/articles/${wireStory.id}`, `/articles/${liveStory.id}`, '/sections/world', '/publications']) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
});

/* ------------------------------------------------- 文字サイズ (issue 16) */

// Another article, in another section than wireStory, with a standfirst (which follows the size too).
const otherStory = publishedArticles.find((a) => a.standfirst && a.section !== wireStory.section && !a.body.includes('\n::pagebreak\n'))!;

const sizeSwitch = (page: Page) => page.getByRole('group', { name: '文字サイズ' });
const sizeButton = (page: Page, label: '小' | '中' | '大') => sizeSwitch(page).getByRole('button', { name: label, exact: true });
const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/**
 * For the reload: layout shifts (e2e/layout-shifts.ts), and the attribute on
 * <html> when <body> first exists, i.e. before anything of the body can be
 * painted and before any of the page's own scripts (the head's inline one
 * aside) has run.
 */
function observeSizeAtBody() {
  const w = window as unknown as { __sizeAtBody?: string | null };
  new MutationObserver((_, observer) => {
    if (!document.body) return;
    w.__sizeAtBody = document.documentElement.getAttribute('data-text-size');
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

test.describe('文字サイズ', () => {
  test('大 is kept on reload, applied before the first paint without a layout shift, and on the next article', async ({ page }) => {
    // Three article loads; the machine may be busy.
    test.setTimeout(120_000);
    await page.goto(`/articles/${wireStory.id}`);
    // Visible once hydrated: until then it keeps its space, invisible.
    await expect(sizeButton(page, '大')).toBeVisible();
    await expect(sizeButton(page, '中')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).not.toHaveAttribute('data-text-size');
    const body = page.getByTestId('article-body');
    const medium = await fontSize(body);

    await sizeButton(page, '大').click();
    await expect(sizeButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
    await expect(sizeButton(page, '中')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    const large = await fontSize(body);
    expect(large).toBeGreaterThan(medium);

    await page.addInitScript(observeLayoutShifts);
    await page.addInitScript(observeSizeAtBody);
    await page.reload();
    await expect(sizeButton(page, '大')).toBeVisible();
    await expect(sizeButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
    expect(await fontSize(body)).toBe(large);
    await page.waitForLoadState('load');
    const shifts = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __moved: string[]; __inArticle: string[]; __sizeAtBody?: string | null };
      return { cls: w.__cls, moved: w.__moved, inArticle: w.__inArticle, sizeAtBody: w.__sizeAtBody };
    });
    console.log(`CLS on reload at 大 (${test.info().project.name}): ${shifts.cls.toFixed(4)}`);
    // Set by the head's script, before the body was parsed: the first paint is already 大.
    expect(shifts.sizeAtBody).toBe('large');
    // Nothing of the article's header or body moved at all (a size applied late would move every paragraph) …
    expect(shifts.inArticle, shifts.inArticle.join('\n')).toEqual([]);
    // … and the page as a whole keeps the site's CLS budget (0, as Lighthouse rounds it: ≤ 0.01, e2e/lighthouse-budgets.spec.ts).
    expect(shifts.cls, shifts.moved.join('\n')).toBeLessThanOrEqual(0.01);

    // Another article, a fresh page load: the same size, its standfirst too.
    await page.goto(`/articles/${otherStory.id}`);
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    await expect(sizeButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
    expect(await fontSize(page.getByTestId('article-body'))).toBe(large);
    const standfirstLarge = await fontSize(page.getByTestId('standfirst'));

    // Back to 中, the standfirst with the body: nothing set, nothing kept.
    await sizeButton(page, '中').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-text-size');
    expect(await fontSize(page.getByTestId('standfirst'))).toBeLessThan(standfirstLarge);
    await page.reload();
    await expect(sizeButton(page, '中')).toHaveAttribute('aria-pressed', 'true');
    expect(await fontSize(page.getByTestId('article-body'))).toBe(medium);
  });

  test('is a group of toggle buttons reached by keyboard, big enough to tap, and not printed', async ({ page }) => {
    await page.goto(`/articles/${wireStory.id}`);
    await expect(sizeButton(page, '小')).toBeVisible();
    await sizeButton(page, '中').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(sizeButton(page, '小')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(sizeButton(page, '小')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'small');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(sizeButton(page, '中')).toHaveAttribute('aria-pressed', 'true');
    for (const label of ['小', '中', '大'] as const) {
      const box = (await sizeButton(page, label).boundingBox())!;
      // 44 px on a phone (WCAG 2.5.5), never under WCAG 2.5.8's 24 px.
      expect(Math.min(box.width, box.height), label).toBeGreaterThanOrEqual(test.info().project.name === 'phone' ? 44 : 24);
    }
    await page.emulateMedia({ media: 'print' });
    await expect(sizeSwitch(page)).toBeHidden();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the switch is not there at all, rather than there and doing nothing', async ({ page }) => {
      await page.goto(`/articles/${wireStory.id}`);
      await expect(page.getByTestId('text-size')).toHaveCSS('display', 'none');
      await expect(page.getByTestId('article-body')).toBeVisible();
    });
  });
});

/* --------------------------- the navigation marks the page (issue 16) */

const sectionNav = (page: Page) => page.getByRole('navigation', { name: 'セクション' });
const marked = (page: Page) => sectionNav(page).locator('a[aria-current="page"]');
const sectionName = (slug: string) => siteSections.find((s) => s.slug === slug)!.name;

test.describe('the section navigation marks where the reader is', () => {
  test('on a section page, the ranking page and an article (its section), one link at a time', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/sections/business');
    await expect(marked(page)).toHaveCount(1);
    await expect(marked(page)).toHaveText('ビジネス');
    // Seen as well as announced: a bar under the marked link only.
    const shadow = (name: string) => sectionNav(page).getByRole('link', { name, exact: true }).evaluate((el) => getComputedStyle(el).boxShadow);
    expect(await shadow('ビジネス')).toContain('inset');
    expect(await shadow('ワールド')).toBe('none');

    await page.goto('/ranking');
    await expect(marked(page)).toHaveCount(1);
    await expect(marked(page)).toHaveText('ランキング');

    // An article's address does not name its section: the article marks it once hydrated.
    await page.goto(`/articles/${wireStory.id}`);
    await expect(marked(page)).toHaveText(sectionName(wireStory.section));
    await expect(marked(page)).toHaveCount(1);

    // Client-side navigations move the mark: to a section, then to one of its articles.
    await sectionNav(page).getByRole('link', { name: 'カルチャー', exact: true }).click();
    await expect(page).toHaveURL(/\/sections\/culture$/);
    await expect(marked(page)).toHaveText('カルチャー');
    await expect(marked(page)).toHaveCount(1);
    await page.locator('main article a[href^="/articles/"]').first().click();
    await expect(page).toHaveURL(/\/articles\/[a-z0-9]{8}$/);
    await expect(page.getByTestId('article-body')).toBeVisible();
    const crumbSection = page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link').nth(1);
    await expect(marked(page)).toHaveText((await crumbSection.textContent())!.trim());
    await expect(marked(page)).toHaveCount(1);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('a section page and the ranking page are marked in the HTML itself', async ({ page }) => {
      await page.goto(`/sections/${otherStory.section}`);
      await expect(marked(page)).toHaveText(sectionName(otherStory.section));
      await page.goto('/ranking');
      await expect(marked(page)).toHaveText('ランキング');
    });

    test("an article's section is marked by the stylesheet, the same bar as aria-current", async ({ page }) => {
      await page.goto(`/articles/${wireStory.id}`);
      const shadow = (name: string) => sectionNav(page).getByRole('link', { name, exact: true }).evaluate((el) => getComputedStyle(el).boxShadow);
      expect(await shadow(sectionName(wireStory.section))).toContain('inset');
      const other = siteSections.find((s) => s.slug !== wireStory.section)!;
      expect(await shadow(other.name)).toBe('none');
    });
  });
});

test('on a phone, listings are compact rows with a small thumbnail beside the headline; wider, cards with the picture on top', async ({ page }) => {
  for (const [path, scope] of [['/', page.locator('section[aria-labelledby="home-world"]')], ['/sections/world', page.locator('main')]] as const) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const card = scope.getByTestId('article-card').first();
      const picture = (await card.locator('img').boundingBox())!;
      const headline = (await card.getByRole('heading').boundingBox())!;
      if (width === 390) {
        expect(picture.width, `${path} thumbnail`).toBeLessThanOrEqual(120);
        expect(picture.x, `${path}: the thumbnail sits right of the headline`).toBeGreaterThanOrEqual(headline.x + headline.width);
        expect(picture.y, `${path}: beside it, not above`).toBeLessThan(headline.y + headline.height);
      } else {
        expect(picture.y + picture.height, `${path}: the picture is above the headline`).toBeLessThanOrEqual(headline.y + 1);
      }
    }
  }
});
