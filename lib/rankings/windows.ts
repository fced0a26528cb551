/**
 * Ranking windows and the hourly buckets they sum, in Japan time.
 *
 * Views are counted per article per JST hour. A bucket is named by its hour
 * on a Japanese clock as the integer YYYYMMDDHH (2026113023 = 30 Nov 2026,
 * 23:00–23:59 JST), so keys read naturally in the database and in Redis,
 * sort chronologically as numbers, and a window is one range of keys.
 * Japan has no daylight saving time and a whole-hour offset, so a JST hour
 * is always exactly one UTC hour and windows never skip or repeat a bucket.
 */

export const RANKING_PERIODS = ['day', 'week', 'month'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

/** Hourly buckets each window sums, the current (partial) hour included. */
export const PERIOD_HOURS: Record<RankingPeriod, number> = { day: 24, week: 7 * 24, month: 30 * 24 };

/** Labels readers see on the tabs and the /ranking page. */
export const PERIOD_LABELS: Record<RankingPeriod, string> = { day: '24時間', week: '週間', month: '月間' };

const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS;

/** Whether a string names a ranking window (route and storage input). */
export function isRankingPeriod(value: string): value is RankingPeriod {
  return (RANKING_PERIODS as readonly string[]).includes(value);
}

/** The JST hour bucket an instant falls in, e.g. 2026113023. */
export function toHourKey(at: Date): number {
  const jst = new Date(at.getTime() + JST_OFFSET_MS);
  return jst.getUTCFullYear() * 1_000_000 + (jst.getUTCMonth() + 1) * 10_000 + jst.getUTCDate() * 100 + jst.getUTCHours();
}

/**
 * The instant a bucket starts.
 *
 * @throws RangeError for a number that is not a real JST hour (e.g. 2026023110).
 */
export function hourKeyToDate(key: number): Date {
  const year = Math.floor(key / 1_000_000);
  const month = Math.floor(key / 10_000) % 100;
  const day = Math.floor(key / 100) % 100;
  const hour = key % 100;
  const date = new Date(Date.UTC(year, month - 1, day, hour) - JST_OFFSET_MS);
  if (!Number.isInteger(key) || toHourKey(date) !== key) throw new RangeError(`Not a JST hour key: ${key}`);
  return date;
}

/** The bucket `hours` hours before (negative: after) the bucket `key`. */
export function shiftHourKey(key: number, hours: number): number {
  return toHourKey(new Date(hourKeyToDate(key).getTime() - hours * HOUR_MS));
}

export type WindowBounds = {
  /** Oldest bucket summed (inclusive). */
  fromHour: number;
  /** Newest bucket summed (inclusive): the hour `now` is in. */
  toHour: number;
  /** When the oldest bucket starts: views before this instant are outside the window. */
  since: Date;
};

/**
 * The buckets a window sums at `now`: the current hour and the ones before
 * it, `PERIOD_HOURS[period]` in all. The 24-hour window at 00:10 JST on
 * 1 March therefore starts at 01:00 JST on 28 February (29th in a leap year).
 */
export function getWindowBounds(period: RankingPeriod, now: Date): WindowBounds {
  const toHour = toHourKey(now);
  const fromHour = shiftHourKey(toHour, PERIOD_HOURS[period] - 1);
  return { fromHour, toHour, since: hourKeyToDate(fromHour) };
}

/** Every bucket of a window, newest first (Redis unions them key by key). */
export function listWindowHours(period: RankingPeriod, now: Date): number[] {
  const newest = hourKeyToDate(toHourKey(now)).getTime();
  return Array.from({ length: PERIOD_HOURS[period] }, (_, i) => toHourKey(new Date(newest - i * HOUR_MS)));
}
