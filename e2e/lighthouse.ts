import type { Result } from 'lighthouse';

/**
 * Lighthouse 12.2.3 on Debian's Chromium, shared by the specs that score pages.
 * Lighthouse's own default configuration: a mobile phone, simulated throttling
 * (slow 4G, 4× CPU), which is the setting issue 7's budgets are written for.
 */

export type CategoryId = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export type Chrome = { port: number };

/** Runs `use` with one headless Chromium that Lighthouse drives, and always closes it. */
export async function withChrome<T>(use: (chrome: Chrome) => Promise<T>): Promise<T> {
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    return await use({ port: chrome.port });
  } finally {
    chrome.kill();
  }
}

/** Times a run that Lighthouse itself could not record (a runtime error) is tried in all. */
const RUNTIME_ERROR_ATTEMPTS = 3;

/**
 * One Lighthouse run of `url` with the default (mobile) configuration;
 * `categories` narrows what it audits. A run Lighthouse could not record
 * (a runtime error such as NO_NAVSTART, which says "Please run Lighthouse
 * again") is run again, up to RUNTIME_ERROR_ATTEMPTS times: it says nothing
 * about the page (a bench run was lost to one).
 */
export async function runLighthouse(chrome: Chrome, url: string, categories?: CategoryId[]): Promise<Result> {
  const { default: lighthouse } = await import('lighthouse');
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: categories, output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt >= RUNTIME_ERROR_ATTEMPTS) throw new Error(`Lighthouse could not load ${url}: ${error.code} ${error.message}`);
    console.warn(`Lighthouse could not record ${url} (${error.code}); running it again`);
  }
}

/** A category's score out of 100 (null when Lighthouse could not score it). */
export function scoreOf(lhr: Result, category: CategoryId): number | null {
  const score = lhr.categories[category]?.score;
  return score === null || score === undefined ? null : Math.round(score * 100);
}

/**
 * The audits that cost `category` points, as `id: title (displayValue)`: every
 * weighted audit below full marks, and every weighted audit Lighthouse could
 * not run (an error scores nothing, so it would pass unseen). For performance,
 * whose metrics are scored on a curve, only metrics below `metricFloor` (0–1)
 * are listed, with the opportunities Lighthouse estimates would save time.
 */
export function failingAudits(lhr: Result, category: CategoryId, metricFloor = 1): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const describe = (id: string) => {
    const audit = lhr.audits[id]!;
    if (audit.scoreDisplayMode === 'error') return `${id}: ${audit.title} (could not run: ${audit.errorMessage})`;
    return `${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`;
  };
  const scored = refs.filter((ref) => {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.weight === 0) return false;
    if (audit.scoreDisplayMode === 'error') return true;
    return audit.score !== null && audit.score < (category === 'performance' ? metricFloor : 1);
  });
  const opportunities =
    category === 'performance'
      ? refs.filter((ref) => {
          const audit = lhr.audits[ref.id];
          return ref.weight === 0 && audit?.scoreDisplayMode === 'metricSavings' && audit.score !== null && audit.score < 0.9;
        })
      : [];
  return [...scored, ...opportunities].map((ref) => describe(ref.id));
}

/** A metric audit's value in its own unit (ms for LCP and TBT, unitless for CLS). */
export function metricOf(lhr: Result, id: 'largest-contentful-paint' | 'total-blocking-time' | 'cumulative-layout-shift'): number {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse reported no ${id}`);
  return value;
}
