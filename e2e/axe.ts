import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core's verdict on the page as it stands, every rule axe enables by
 * default (WCAG 2.x A/AA and best practices). The failure lists each rule with
 * the elements that break it, so the message alone says what to fix.
 */
export async function expectNoAxeViolations(page: Page, what = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations, `axe on ${what}`).toEqual([]);
}
