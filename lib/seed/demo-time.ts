import { fromJstInputValue, toJstDay } from '../time/jst';
import type { DemoArticle } from './demo/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The JST calendar date of `now` as UTC midnight of that date (a pure date value). */
function jstMidnightUtc(now: Date): number {
  return Date.parse(`${toJstDay(now)}T00:00:00Z`);
}

/** When a demo article is published, given the moment the seed runs. */
export function resolveDemoPublishedAt(published: DemoArticle['published'], now: Date): Date {
  if ('hoursAgo' in published) return new Date(now.getTime() - published.hoursAgo * 60 * 60 * 1000);
  const [hh, mm] = published.time.split(':').map(Number);
  const day = toDateString(jstMidnightUtc(now) - published.daysAgo * DAY_MS);
  const at = fromJstInputValue(`${day}T${String(hh ?? 0).padStart(2, '0')}:${String(mm ?? 0).padStart(2, '0')}`);
  if (!at) throw new Error(`Not a demo time: ${published.time}`);
  return new Date(at);
}

/** `YYYY-MM-DD` of a UTC-midnight date value. */
function toDateString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The weekly magazine's dates: it goes on sale on Tuesdays (JST) and carries
 * the date one week later (e.g. 3/10発売 → 2026年3月17日号). `weeksAgo` 0 is
 * the issue on sale now.
 */
export function resolveIssueDates(weeksAgo: number, now: Date): { onSaleDate: string; issueDate: string } {
  const today = jstMidnightUtc(now);
  const weekday = new Date(today).getUTCDay(); // 0 = Sunday
  const lastTuesday = today - ((weekday - 2 + 7) % 7) * DAY_MS;
  const onSale = lastTuesday - weeksAgo * 7 * DAY_MS;
  return { onSaleDate: toDateString(onSale), issueDate: toDateString(onSale + 7 * DAY_MS) };
}

/** `YYYY-MM-DD` (JST) `days` before `now`. */
export function jstDateDaysAgo(days: number, now: Date): string {
  return toDateString(jstMidnightUtc(now) - days * DAY_MS);
}
