import { expect, test } from '@playwright/test';

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
  // Sixteen page loads; the machine may be busy.
  test.setTimeout(180_000);
  const { wireStory } = await import('./demo');
  for (const width of [360, 768, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', `/articles/${wireStory.id}`, '/sections/world', '/publications']) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
});
