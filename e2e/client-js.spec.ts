import { expect, test } from '@playwright/test';
import { findScriptSources, measureClientJs } from '../bench/client-js';
import { wireStory } from './demo';

/**
 * The client JavaScript budget (issue 7): the gzip bytes of every script a
 * served page loads, against an empty page of the same build (`/baseline`,
 * no component of ours). Byte counts of one build are deterministic, so this
 * runs in CI; the per-route table is printed with the results.
 */
const ROUTES = [
  { name: 'article', path: `/articles/${wireStory.id}`, maxRatio: 1.1 },
  { name: 'home', path: '/', maxRatio: undefined },
  { name: 'section', path: '/sections/world', maxRatio: undefined },
  { name: 'ranking', path: '/ranking', maxRatio: undefined },
] as const;
const MAX_ROUTE_BYTES = 160 * 1024;

test.describe('client JavaScript budget', () => {
  test.beforeEach(({}, info) => {
    test.skip(info.project.name !== 'desktop', 'byte counts do not depend on the viewport: checked once');
  });

  test('article ≤ 1.1× the empty page, no route above 160 KB gzip', async ({ baseURL }) => {
    const origin = baseURL ?? '';
    const empty = await measureClientJs(origin, '/baseline');
    const rows = [{ name: 'empty page', path: '/baseline', ...empty, ratio: 1 }];
    for (const route of ROUTES) {
      const measured = await measureClientJs(origin, route.path);
      rows.push({ name: route.name, path: route.path, ...measured, ratio: measured.gzipBytes / empty.gzipBytes });
    }
    console.log(
      ['route | scripts | gzip bytes | ratio to empty page', ...rows.map((r) => `${r.name} (${r.path}) | ${r.scripts} | ${r.gzipBytes} | ${r.ratio.toFixed(3)}`)].join('\n'),
    );

    expect(empty.scripts, 'the empty page loads the framework').toBeGreaterThan(0);
    for (const route of ROUTES) {
      const row = rows.find((r) => r.name === route.name);
      expect(row?.gzipBytes, `${route.name} gzip bytes`).toBeLessThanOrEqual(MAX_ROUTE_BYTES);
      if (route.maxRatio) expect(row?.ratio, `${route.name} ÷ empty page`).toBeLessThanOrEqual(route.maxRatio);
    }
  });

  test('React Query is not among the scripts a page loads with it; it arrives when a leaf needs it', async ({ page, baseURL }) => {
    const origin = baseURL ?? '';
    // React Query's own error message survives minification: a marker for its code.
    const isReactQuery = (body: string) => body.includes('No QueryClient set');
    const html = await (await fetch(`${origin}/articles/${wireStory.id}`)).text();
    for (const src of findScriptSources(html)) {
      expect(isReactQuery(await (await fetch(new URL(src, origin))).text()), `${src} is React Query`).toBe(false);
    }

    // In the browser it comes later: for the rails' refresh once the page's
    // snapshot is old (ADR 0018), the carousel's pager, or the signup form's sender.
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
    });
    await page.goto(`/articles/${wireStory.id}`);
    await page.getByTestId('newsletter-article').getByLabel('メールアドレス').focus();
    await expect.poll(() => scripts.some(isReactQuery), { message: 'React Query is loaded once a leaf needs it' }).toBe(true);
  });
});
