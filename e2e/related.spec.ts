import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { RELATED_PAGE_SIZE, RELATED_SLICES } from '../lib/related/slices';
import { hiddenArticles, wireStory } from './demo';
import { observeLayoutShifts, type LayoutShifts } from './layout-shifts';
import { getServer } from './server';

/** あわせて読みたい: server-rendered links first, then an accessible carousel that loads more at the end. */

const ARTICLE = `/articles/${wireStory.id}`;
const hiddenIds = new Set(hiddenArticles.map((a) => a.id));

const upper = (page: Page) => page.getByRole('region', { name: 'あわせて読みたい', exact: true });
const lower = (page: Page) => page.getByRole('region', { name: 'あわせて読みたい(ほかの記事)' });
const track = (page: Page) => upper(page).getByTestId('related-track');
const scrollLeft = (page: Page) => track(page).evaluate((el) => el.scrollLeft);

async function hrefs(region: ReturnType<typeof upper>) {
  return region.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * For tests of the carousel itself (scrolling, motion, focus, layout shift):
 * the same script over the same rows on either engine, so they run on the
 * SQLite server only. What the rows hold, and the route that pages them, run on both.
 */
function skipOffSqlite() {
  test.skip(getServer().engine !== 'sqlite', 'the carousel in the browser: the same script over the same rows; checked on the SQLite server');
}

/** Hydrated: the controls become visible only once the script runs. */
async function hydrated(page: Page) {
  await expect(upper(page).getByRole('button', { name: '次の記事へ' })).toBeVisible();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both rows are real links in the server HTML, to other public articles, never repeated', async ({ page }) => {
    await page.goto(ARTICLE);
    const first = await hrefs(upper(page));
    const second = await hrefs(lower(page));
    for (const list of [first, second]) {
      expect(list.length).toBe(RELATED_PAGE_SIZE);
      for (const href of list) {
        expect(href).toMatch(/^\/articles\/[a-z0-9]{8}$/);
        expect(href).not.toBe(ARTICLE);
        expect(hiddenIds.has(href.slice(-8))).toBe(false);
      }
    }
    expect(first.filter((h) => second.includes(h))).toEqual([]);
    // The carousel semantics are in the markup itself.
    await expect(upper(page)).toHaveAttribute('aria-roledescription', 'carousel');
    await expect(upper(page).locator('[aria-roledescription="slide"]').first()).toHaveAttribute('aria-label', /件中1件目$/);
    // Images wait until they are near the viewport, in a box of fixed shape.
    const img = upper(page).locator('img').first();
    await expect(img).toHaveAttribute('loading', 'lazy');
    expect(await img.evaluate((el) => getComputedStyle(el.parentElement!).aspectRatio)).toBe('16 / 9');
  });
});

test.describe('with JavaScript', () => {
  test('starts from the server data with no request, and scrolls by button', async ({ page }) => {
    skipOffSqlite();
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/related/') && requests.push(r.url()));
    await page.goto(ARTICLE);
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);

    const next = upper(page).getByRole('button', { name: '次の記事へ' });
    const previous = upper(page).getByRole('button', { name: '前の記事へ' });
    await expect(previous).toHaveAttribute('aria-disabled', 'true');
    await next.click();
    await expect.poll(() => scrollLeft(page)).toBeGreaterThan(100);
    await expect(previous).toHaveAttribute('aria-disabled', 'false');
    await previous.click();
    await expect.poll(() => scrollLeft(page)).toBe(0);
  });

  test('jumps instead of gliding when the reader asks for reduced motion', async ({ page }) => {
    skipOffSqlite();
    await page.goto(ARTICLE);
    await hydrated(page);
    expect(await track(page).evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await track(page).evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe('auto');
    // Every position the row passes through after the click. A glide passes through
    // many (one a frame); a jump lands at once. The row may still re-snap once when
    // something changes its layout (CI saw a 175 px re-snap), so two are allowed.
    await track(page).evaluate((el) => {
      const seen: number[] = [];
      (window as unknown as { __positions: number[] }).__positions = seen;
      el.addEventListener('scroll', () => seen.at(-1) !== el.scrollLeft && seen.push(el.scrollLeft), { passive: true });
    });
    await upper(page).getByRole('button', { name: '次の記事へ' }).click();
    expect(await scrollLeft(page)).toBeGreaterThan(100);
    await page.waitForTimeout(500);
    const positions = await page.evaluate(() => (window as unknown as { __positions: number[] }).__positions);
    expect(positions.length).toBeGreaterThanOrEqual(1);
    expect(positions.length, positions.join(', ')).toBeLessThanOrEqual(2);
  });

  test('moves between slides with the arrow keys, keeping focus visible', async ({ page }) => {
    skipOffSqlite();
    await page.goto(ARTICLE);
    await hydrated(page);
    const links = upper(page).getByRole('link');
    await links.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(links.nth(3)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(links.nth(2)).toBeFocused();
    // The focused card is scrolled into view, ring inside the row where overflow cannot clip it.
    const inView = (el: Element) => {
      const box = el.getBoundingClientRect();
      const row = el.closest('[data-testid="related-track"]')!.getBoundingClientRect();
      return box.left >= row.left - 1 && box.right <= row.right + 1 && getComputedStyle(el).outlineStyle === 'solid';
    };
    await expect.poll(() => links.nth(2).evaluate(inView)).toBe(true);
    const count = await links.count();
    await page.keyboard.press('End');
    await expect(links.nth(count - 1)).toBeFocused();
    await expect.poll(() => links.nth(count - 1).evaluate(inView)).toBe(true);
    expect(await scrollLeft(page)).toBeGreaterThan(0);
  });

  test('loads more cards from the JSON route when the reader reaches the end', async ({ page }) => {
    await page.goto(ARTICLE);
    await hydrated(page);
    const slides = upper(page).locator('[aria-roledescription="slide"]');
    const before = await slides.count();
    const more = page.waitForResponse((r) => r.url().includes(`/api/related/${wireStory.id}?slice=main&page=2`) && r.ok());
    await track(page).evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
    await more;
    await expect(slides).toHaveCount(before + RELATED_PAGE_SIZE);
    await expect(slides.last()).toHaveAttribute('aria-label', `${before + RELATED_PAGE_SIZE}件中${before + RELATED_PAGE_SIZE}件目`);
    // The rows still never repeat each other.
    const first = await hrefs(upper(page));
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((h) => h === ARTICLE)).toEqual([]);
  });

  test('causes no layout shift while the page, its images and more cards load', async ({ page }) => {
    skipOffSqlite();
    await page.addInitScript(observeLayoutShifts);
    await page.goto(ARTICLE);
    await hydrated(page);
    // Down the page in steps, so every lazy image loads while it is in view.
    for (let y = 0; y < 10; y++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
    }
    await upper(page).scrollIntoViewIfNeeded();
    await track(page).evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
    await expect(upper(page).locator('[aria-roledescription="slide"]')).toHaveCount(2 * RELATED_PAGE_SIZE);
    await page.waitForLoadState('networkidle');
    const { cls, moved } = await page.evaluate(() => {
      const w = window as unknown as LayoutShifts;
      return { cls: w.__cls, moved: w.__moved };
    });
    test.info().annotations.push({ type: 'CLS', description: cls.toFixed(4) });
    console.log(`CLS (${test.info().project.name}): ${cls.toFixed(4)}`);
    expect(cls, moved.join('\n')).toBeLessThanOrEqual(0.01);
  });

  test('axe finds no violations on the article page', async ({ page }) => {
    skipOffSqlite();
    await page.goto(ARTICLE);
    await hydrated(page);
    await expectNoAxeViolations(page);
  });
});

test('the JSON route refuses what it does not serve with a 4xx', async ({ request }) => {
  const lastPage = Math.ceil((RELATED_SLICES.more.end - RELATED_SLICES.more.start) / RELATED_PAGE_SIZE);
  const ok = await request.get(`/api/related/${wireStory.id}?slice=more&page=${lastPage}`);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { items: { url: string }[]; nextPage: number | null };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.nextPage).toBeNull();
  expect(ok.headers()['cache-control']).toContain('s-maxage');
  for (const [path, status] of [
    [`/api/related/${wireStory.id}?page=${2 * lastPage + 1}`, 400],
    [`/api/related/${wireStory.id}?slice=all`, 400],
    ['/api/related/not-an-id', 400],
    ['/api/related/zzzzzzzz', 404],
    [`/api/related/${hiddenArticles[0]!.id}`, 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(/[ぁ-んァ-ン一-龥]/);
  }
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('swipes with the finger (scroll-snap settles on a card)', async ({ page }) => {
    skipOffSqlite();
    await page.goto(ARTICLE);
    await hydrated(page);
    await upper(page).scrollIntoViewIfNeeded();
    const box = (await track(page).boundingBox())!;
    // A finger dragged right to left across the row, as the touchscreen reports it.
    const cdp = await page.context().newCDPSession(page);
    const y = Math.round(box.y + box.height / 3);
    let x = Math.round(box.x + box.width * 0.85);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 0; step < 12; step++) {
      x -= Math.round((box.width * 0.6) / 12);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => scrollLeft(page)).toBeGreaterThan(50);
    // Scroll snapping leaves a card's edge at the start of the row.
    await page.waitForTimeout(500);
    const aligned = await track(page).evaluate((el) => {
      const start = el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).scrollPaddingLeft || '0');
      return [...el.querySelectorAll('[data-slide]')].some((s) => Math.abs(s.getBoundingClientRect().left - start) < 3);
    });
    expect(aligned).toBe(true);
  });
});
