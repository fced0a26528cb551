/**
 * Japan Standard Time formatting: the one place that turns an instant into
 * the dates and times readers see. Runs unchanged on the server and in the
 * browser, and never consults the runtime's own time zone, so server-rendered
 * markup and hydrated markup agree wherever either happens to run.
 */

/** Anything the formatters accept: a Date, or an ISO 8601 string. */
export type DateInput = Date | string;

/** Calendar fields of an instant as a clock in Japan shows it. */
export type JstDateParts = {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
  weekday: number;
};

const WEEKDAY_KANJI = ['日', '月', '火', '水', '木', '金', '土'] as const;

// Built once: constructing an Intl.DateTimeFormat costs far more than using
// one, and these run for every card on a page. `nu-latn`/`ca-gregory` pin
// ASCII digits and the Western year whatever locale data the runtime ships;
// `h23` avoids engines that print midnight as 24.
const jstParts = new Intl.DateTimeFormat('ja-JP-u-ca-gregory-nu-latn', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

const JST_OFFSET_MS = 9 * 3_600_000;
// Japan last observed summer time in 1951 (it ended in September); from 1952
// on its offset is always +09:00. Earlier instants go through the time-zone
// database.
const FIXED_OFFSET_SINCE = Date.UTC(1952, 0, 1) - JST_OFFSET_MS;

// An ISO date-time without `Z` or an offset, e.g. SQLite's `2024-06-19 11:38:00`.
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function toInstant(input: DateInput): Date {
  let date: Date;
  if (typeof input === 'string') {
    const trimmed = input.trim();
    // `new Date()` reads a zoneless date-time in the runtime's local zone, so
    // the same string would mean 9 hours apart on a UTC server and a JST
    // browser. Our stores write UTC, so read it as UTC everywhere.
    date = new Date(ZONELESS_DATE_TIME.test(trimmed) ? `${trimmed.replace(' ', 'T')}Z` : trimmed);
  } else {
    date = input;
  }
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid date: ${String(input)}`);
  }
  return date;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Calendar fields of `date` in Japan time.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function getJstDateParts(date: DateInput): JstDateParts {
  const instant = toInstant(date);
  const ms = instant.getTime();
  if (ms >= FIXED_OFFSET_SINCE) {
    // Japan has kept UTC+9 all year since 1951, so a shifted UTC clock is its
    // clock: ~30× cheaper than formatToParts, which ran for every date on a page
    // (1.4 % of an article render's CPU, profiled).
    const shifted = new Date(ms + JST_OFFSET_MS);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      weekday: shifted.getUTCDay(),
    };
  }
  const fields = new Map<string, string>();
  for (const part of jstParts.formatToParts(instant)) fields.set(part.type, part.value);
  const num = (type: string): number => {
    const value = Number(fields.get(type));
    if (!Number.isInteger(value)) throw new Error(`Intl.DateTimeFormat gave no numeric ${type}`);
    return value;
  };
  const weekdayName = fields.get('weekday');
  const weekday = WEEKDAY_KANJI.findIndex((kanji) => kanji === weekdayName);
  if (weekday < 0) throw new Error(`Intl.DateTimeFormat gave an unknown weekday ${weekdayName}`);
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: num('hour'),
    minute: num('minute'),
    second: num('second'),
    weekday,
  };
}

/**
 * The dateline under a headline, e.g. `2024年6月19日(水)20時38分`: month, day
 * and hour unpadded as Japanese newspapers print them, minutes always two
 * digits (`9時05分`), the weekday as one kanji in ASCII parentheses.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function formatDateline(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${p.year}年${p.month}月${p.day}日(${WEEKDAY_KANJI[p.weekday]})${p.hour}時${pad2(p.minute)}分`;
}

/**
 * ISO 8601 with the `+09:00` offset, e.g. `2024-06-19T20:38:00+09:00`, for
 * `<time dateTime>` and JSON-LD. Whole seconds: sub-second precision means
 * nothing to a reader or a crawler and would only make markup differ.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function toJstIso(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+09:00`;
}

/**
 * The Japan calendar date, e.g. `2026年3月17日`.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function formatJstDate(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${p.year}年${p.month}月${p.day}日`;
}

/**
 * Month/day for tight spaces, e.g. `3/10`.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function formatShortDate(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${p.month}/${p.day}`;
}

/**
 * A magazine issue's cover date and on-sale date, e.g.
 * `2026年3月17日号(3/10発売)`.
 *
 * @throws RangeError when either date is not a valid date or date string.
 */
export function formatIssueDates(issueDate: DateInput, onSaleDate: DateInput): string {
  return `${formatJstDate(issueDate)}号(${formatShortDate(onSaleDate)}発売)`;
}

/**
 * Clock time in Japan, zero-padded 24-hour `HH:MM`, e.g. `20:38`, `09:05`.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function formatJstTime(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The Japan calendar day as `YYYY-MM-DD`, e.g. for comparing with a stored
 * on-sale date.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function toJstDay(date: DateInput): string {
  return toJstIso(date).slice(0, 10);
}

/**
 * The Japan-time month an instant falls in, as `YYYY-MM`.
 *
 * @throws RangeError when `date` is not a valid date or date string.
 */
export function toJstMonth(date: DateInput): string {
  return toJstIso(date).slice(0, 7);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The UTC instants a Japan-time month `YYYY-MM` starts and ends (exclusive); null for anything else. */
export function getJstMonthRange(month: string): { start: string; end: string } | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return {
    start: new Date(Date.UTC(year, index, 1) - JST_OFFSET_MS).toISOString(),
    end: new Date(Date.UTC(year, index + 1, 1) - JST_OFFSET_MS).toISOString(),
  };
}

/**
 * An instant as the value of a `<input type="datetime-local">`
 * (`YYYY-MM-DDTHH:mm`) in Japan time: the input speaks the browser's local
 * time, but the newsroom schedules in JST wherever the editor's laptop is set.
 */
export function toJstInputValue(date: DateInput): string {
  const p = getJstDateParts(date);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A JST datetime-local value as an ISO instant; null when it is not one. */
export function fromJstInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+09:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
