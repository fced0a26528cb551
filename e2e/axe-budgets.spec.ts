import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { BUDGET_PAGES, wireStory } from './demo';
import { signInBrowser } from './newsroom-helpers';

/**
 * Issue 7's accessibility budget: axe finds nothing on the pages readers land
 * on most, at phone and desktop widths, nor on the newsroom editor.
 * (Lighthouse's budget: e2e/lighthouse-budgets.spec.ts.)
 */

const PAGES = BUDGET_PAGES;

test.describe('axe', () => {
  // A cold render, hydration and a full axe pass on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });

  /** Loaded, hydrated and quiet: what a reader can reach with a screen reader after the page settles. */
  async function settle(page: Page) {
    await page.waitForLoadState('networkidle');
  }

  for (const [name, path] of Object.entries(PAGES)) {
    test(`no violations on the ${name} page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await settle(page);
      await expectNoAxeViolations(page, path);
    });
  }

  test('no violations on the newsroom editor, for a new draft and for a published article', async ({ page }, info) => {
    test.skip(info.project.name === 'phone', 'the desk works at desktop width; the editor’s phone layout is e2e/newsroom.spec.ts’s');
    await signInBrowser(page);
    await page.getByRole('button', { name: '新規作成' }).click();
    await page.waitForURL(/\/newsroom\/articles\/[a-z0-9]+$/);
    await settle(page);
    await expectNoAxeViolations(page, 'the editor of a new draft');

    await page.goto(`/newsroom/articles/${wireStory.id}`);
    await expect(page.getByRole('heading', { level: 1, name: '記事の編集' })).toBeAttached();
    await settle(page);
    await expectNoAxeViolations(page, `the editor of ${wireStory.id}`);
  });
});
