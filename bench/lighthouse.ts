import type { Result } from 'lighthouse';
import { runLighthouse, withChrome } from '../e2e/lighthouse';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

export type LighthouseRow = {
  name: string;
  path: string;
  /** 0–100 per category, median of the runs. */
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Every run's performance score, to show the spread. */
  performanceRuns: number[];
  /** Audits that cost points in accessibility, best practices or SEO in any run (`category: audit id`). */
  failing: string[];
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Lighthouse (the pinned 12.2.3, default mobile settings: emulated phone,
 * simulated slow 4G and 4× CPU slowdown) on each page `runs` times in one
 * headless Debian Chromium; every figure is the median of the runs, taken
 * figure by figure, after one uncounted warm-up run each. Pages are
 * measured round-robin, so the machine's noise falls on all of them alike.
 */
export async function measureLighthouse(origin: string, pages: readonly (readonly [string, string])[], runs = 3): Promise<LighthouseRow[]> {
  if (runs < 1) return [];
  const results = new Map<string, Result[]>();
  await withChrome(async (chrome) => {
    // One uncounted run per page first, as a reader before: the picture sizes
    // Lighthouse's phone screen asks for are made once by next/image and
    // cached after, and a first run would time that instead (ADR 0015).
    for (const [, path] of pages) await runLighthouse(chrome, origin + path, ['performance']);
    for (let run = 0; run < runs; run++) {
      for (const [, path] of pages) results.set(path, [...(results.get(path) ?? []), await runLighthouse(chrome, origin + path, [...CATEGORIES])]);
    }
  });
  return pages.map(([name, path]) => {
    const lhrs = results.get(path) ?? [];
    const score = (c: Category) => median(lhrs.map((l) => Math.round((l.categories[c]?.score ?? 0) * 100)));
    const audit = (id: string) => median(lhrs.map((l) => l.audits[id]?.numericValue ?? Number.NaN));
    const performanceRuns = lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100));
    return {
      name,
      path,
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      performanceRuns,
      failing: [
        ...new Set(
          lhrs.flatMap((l) =>
            CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
              (l.categories[c]?.auditRefs ?? [])
                .filter((ref) => ref.weight > 0 && (l.audits[ref.id]?.score ?? 1) < 1)
                .map((ref) => `${c}: ${ref.id}`),
            ),
          ),
        ),
      ],
    };
  });
}
