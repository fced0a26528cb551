import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { BUDGET_PAGES, multiPageStory } from './demo';

/**
 * The dark theme (app/globals.css): a reader whose system asks for dark gets
 * dark surfaces and light text on every reader page, readable (axe's
 * contrast rule and the rest), with the section bar, footer and buttons
 * still carrying white text; a reader in light mode, the printed page and
 * the newsroom stay light.
 */

test.describe.configure({ timeout: 120_000 });
// Colours do not depend on the width: checked where readers read at night, on the phone.
test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'colours, checked at phone width'));

/** The computed background of the page and the colour of the body text, as `rgb(…)`. */
async function colours(page: Page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const main = document.querySelector('main');
    return { background: body.backgroundColor, text: main ? getComputedStyle(main).color : body.color, scheme: getComputedStyle(document.documentElement).colorScheme };
  });
}

/** Relative luminance of an `rgb(r, g, b)` colour (WCAG 2). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test.describe('a reader whose system asks for dark', () => {
  test.use({ colorScheme: 'dark' });

  for (const [name, path] of Object.entries({ ...BUDGET_PAGES, 'multi-page article': `/articles/${multiPageStory.id}` })) {
    test(`gets the ${name} page dark and readable`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      const { background, text, scheme } = await colours(page);
      expect(luminance(background), `background ${background}`).toBeLessThan(0.05);
      expect(luminance(text), `text ${text}`).toBeGreaterThan(0.6);
      expect(scheme).toBe('dark');
      await expectNoAxeViolations(page, `${path} (dark)`);
    });
  }

  test('prints the article light, and the newsroom stays light', async ({ page }) => {
    await page.goto(BUDGET_PAGES.article);
    await page.emulateMedia({ media: 'print' });
    expect(luminance((await colours(page)).background)).toBeGreaterThan(0.9);
    await page.emulateMedia({ media: 'screen' });
    expect(luminance((await colours(page)).background)).toBeLessThan(0.05);

    await page.goto('/newsroom/sign-in');
    expect(luminance((await colours(page)).text)).toBeLessThan(0.05);
  });
});

test('a reader in light mode gets the light page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(BUDGET_PAGES.home);
  const { background, text } = await colours(page);
  expect(luminance(background)).toBeGreaterThan(0.9);
  expect(luminance(text)).toBeLessThan(0.05);
});
