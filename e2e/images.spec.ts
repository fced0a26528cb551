import { expect, test, type Page } from '@playwright/test';
import { multiPageStory, wireStory } from './demo';

/**
 * Pictures as the browser loads them (issue 7, "the page itself"): the hero
 * leads only the article page it opens (its one high-priority image), its
 * `sizes` matches the layout so the browser picks a fitting candidate, it is
 * the largest paint on a phone, every other picture waits until it is near
 * the viewport, and no picture is preloaded, by the page itself or by a
 * prefetch of a linked page. No web fonts are fetched: the pages use system fonts.
 */

/** next.config.ts images.deviceSizes and imageSizes: the widths the optimiser makes. */
const WIDTHS = [64, 128, 256, 384, 390, 640, 828, 1080, 1200, 1920];

type ImageFacts = {
  src: string;
  currentSrc: string;
  loading: string;
  decoding: string;
  fetchPriority: string;
  width: string | null;
  height: string | null;
  sizes: string;
  /** The width `sizes` gives at this viewport, in CSS px (null without sizes). */
  slot: number | null;
  rendered: number;
  hero: boolean;
};

/** Facts about every <img> on the page, and the image preloads in its head. */
async function readImages(page: Page) {
  return page.evaluate(() => {
    const hero = document.querySelector('article figure img');
    const probe = document.createElement('div');
    probe.style.position = 'absolute';
    probe.style.visibility = 'hidden';
    document.body.append(probe);
    // The first entry of `sizes` whose media condition matches, measured as a CSS width.
    const slotOf = (sizes: string): number | null => {
      if (!sizes) return null;
      for (const entry of sizes.split(/,(?![^(]*\))/)) {
        const media = /^(\([^)]*\))\s+(.+)$/.exec(entry.trim());
        const length = media ? media[2]! : entry.trim();
        if (media && !window.matchMedia(media[1]!).matches) continue;
        probe.style.width = length;
        return probe.getBoundingClientRect().width;
      }
      return null;
    };
    const images = [...document.querySelectorAll('img')].map((img) => ({
      src: img.getAttribute('src') ?? '',
      currentSrc: img.currentSrc,
      loading: img.getAttribute('loading') ?? '',
      decoding: img.getAttribute('decoding') ?? '',
      fetchPriority: img.getAttribute('fetchpriority') ?? '',
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      sizes: img.getAttribute('sizes') ?? '',
      slot: slotOf(img.getAttribute('sizes') ?? ''),
      rendered: img.getBoundingClientRect().width,
      hero: img === hero,
    }));
    probe.remove();
    const preloads = [...document.querySelectorAll('link[rel="preload"][as="image"]')].map((link) => ({
      imageSrcset: link.getAttribute('imagesrcset') ?? '',
      href: link.getAttribute('href') ?? '',
      fetchPriority: link.getAttribute('fetchpriority') ?? '',
    }));
    return { images, preloads, dpr: window.devicePixelRatio };
  }) as Promise<{ images: ImageFacts[]; preloads: { imageSrcset: string; href: string; fetchPriority: string }[]; dpr: number }>;
}

/**
 * Opens `path` and waits until the client router has prefetched a linked page
 * and the network is quiet: a prefetched page's preload hints would land in
 * this document (the bug this spec caught: covers and heroes of
 * linked pages preloaded at high priority on the page being read).
 */
async function openSettled(page: Page, path: string) {
  const prefetched = page.waitForResponse((response) => new URL(response.url()).searchParams.has('_rsc'));
  await page.goto(path);
  await prefetched;
  await page.waitForLoadState('networkidle');
}

/** The `w` the optimiser was asked for in a /_next/image URL. */
function requestedWidth(url: string): number {
  return Number(new URL(url).searchParams.get('w'));
}

function expectLazy(images: ImageFacts[], where: string) {
  for (const image of images) {
    expect(image.loading, `${where}: ${image.src} loads lazily`).toBe('lazy');
    expect(image.decoding, `${where}: ${image.src} decodes async`).toBe('async');
    expect(image.fetchPriority, `${where}: ${image.src} has no priority`).not.toBe('high');
    expect(Number(image.width) > 0 && Number(image.height) > 0, `${where}: ${image.src} has width and height`).toBe(true);
  }
}

test('on an article with a hero, the hero is the one high-priority picture and nothing is preloaded; all others are lazy', async ({ page }) => {
  await openSettled(page, `/articles/${wireStory.id}`);
  const { images, preloads } = await readImages(page);
  const hero = images.find((i) => i.hero);
  expect(hero, 'the hero picture').toBeTruthy();
  expect(hero!.loading).toBe('eager');
  expect(hero!.fetchPriority).toBe('high');
  expect(Number(hero!.width)).toBeGreaterThan(0);
  expect(Number(hero!.height)).toBeGreaterThan(0);
  expect(images.filter((i) => i.fetchPriority === 'high')).toHaveLength(1);
  // No preload at all, not even the hero's: a preload hint is also acted on when another page only prefetches this one (components/media/picture.tsx).
  expect(preloads).toEqual([]);
  expectLazy(
    images.filter((i) => !i.hero),
    'article',
  );
});

test('page 2 of an article, the home page and a section preload nothing and load every picture lazily', async ({ page }) => {
  for (const path of [`/articles/${multiPageStory.id}/2`, '/', `/sections/${wireStory.section}`]) {
    await openSettled(page, path);
    const { images, preloads } = await readImages(page);
    expect(images.length, `${path} has pictures`).toBeGreaterThan(path.startsWith('/articles') ? -1 : 0);
    expect(preloads, `${path}: image preloads`).toEqual([]);
    expectLazy(images, path);
  }
});

test('the hero’s sizes match its width in the layout at phone, tablet and desktop widths, and the browser picks a fitting candidate', async ({ page }) => {
  for (const width of [390, 800, 1100, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${wireStory.id}`);
    await page.locator('article figure img').first().evaluate((img: HTMLImageElement) => img.decode());
    const { images, dpr } = await readImages(page);
    const hero = images.find((i) => i.hero)!;
    // Never smaller than the picture is drawn (blurry), and no more than 2 % larger (wasted bytes).
    expect(hero.slot!, `sizes at ${width} px: ${hero.sizes}`).toBeGreaterThanOrEqual(hero.rendered - 1);
    expect(hero.slot!, `sizes at ${width} px: ${hero.sizes}`).toBeLessThanOrEqual(hero.rendered * 1.02 + 1);
    // The candidate the browser chose is at most twice the device pixels it fills, rounded up to a width the optimiser makes.
    const limit = WIDTHS.find((w) => w >= 2 * hero.rendered * dpr) ?? WIDTHS.at(-1)!;
    const chosen = requestedWidth(hero.currentSrc);
    expect(chosen, `candidate at ${width} px × ${dpr}`).toBeLessThanOrEqual(limit);
    expect(chosen, `candidate at ${width} px × ${dpr}`).toBeGreaterThanOrEqual(Math.min(hero.rendered * dpr * 0.75, WIDTHS.at(-1)!));
  }
});

test('every picture on the home page and a section asks for the width it is drawn at', async ({ page }) => {
  for (const width of [390, 800, 1100, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', `/sections/${wireStory.section}`]) {
      await page.goto(path);
      const { images } = await readImages(page);
      const sized = images.filter((i) => i.slot !== null && i.rendered > 0);
      expect(sized.length, `${path} at ${width} px`).toBeGreaterThan(0);
      for (const image of sized) {
        const where = `${path} at ${width} px: ${image.src.slice(0, 80)} (${image.sizes})`;
        expect.soft(image.slot!, where).toBeGreaterThanOrEqual(image.rendered - 1);
        expect.soft(image.slot!, where).toBeLessThanOrEqual(image.rendered * 1.02 + 1);
      }
    }
  }
});

test('on a phone the hero is the largest contentful paint', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'LCP at 390 px');
  await page.goto(`/articles/${wireStory.id}`, { waitUntil: 'load' });
  const lcp = await page.evaluate(
    () =>
      new Promise<{ tag: string; hero: boolean; url: string; size: number }>((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as PerformanceEntry & { element: Element | null; url: string; size: number };
          resolve({
            tag: last.element?.tagName ?? '',
            hero: last.element === document.querySelector('article figure img'),
            url: last.url,
            size: last.size,
          });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  expect(lcp.tag).toBe('IMG');
  expect(lcp.hero).toBe(true);
  expect(lcp.url).toContain('/_next/image?url=%2Fmedia%2F');
});

test('no page load fetches a web font', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font' || /\.(woff2?|ttf|otf|eot)(\?|$)/.test(request.url())) fonts.push(request.url());
  });
  for (const path of ['/', `/articles/${wireStory.id}`, `/sections/${wireStory.section}`, '/ranking']) await page.goto(path, { waitUntil: 'load' });
  expect(fonts).toEqual([]);
  // The stylesheet declares no @font-face either: nothing a later interaction could fetch.
  const fontFaces = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].filter((rule) => rule instanceof CSSFontFaceRule).map((rule) => rule.cssText)),
  );
  expect(fontFaces).toEqual([]);
});
