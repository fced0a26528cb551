import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateline,
  formatIssueDates,
  formatJstDate,
  formatJstTime,
  formatShortDate,
  fromJstInputValue,
  getJstDateParts,
  getJstMonthRange,
  toJstDay,
  toJstInputValue,
  toJstIso,
  toJstMonth,
} from './jst';

describe('formatDateline', () => {
  it('prints the house dateline in Japan time', () => {
    expect(formatDateline(new Date('2024-06-19T11:38:00Z'))).toBe('2024年6月19日(水)20時38分');
  });

  it('pads minutes only', () => {
    expect(formatDateline(new Date('2024-03-04T00:05:00Z'))).toBe('2024年3月4日(月)9時05分');
  });

  it('stays on the same JST day one second before midnight', () => {
    expect(formatDateline(new Date('2024-06-19T14:59:59Z'))).toBe('2024年6月19日(水)23時59分');
  });

  it('rolls over to the next day and weekday at 15:00 UTC', () => {
    expect(formatDateline(new Date('2024-06-19T15:00:00Z'))).toBe('2024年6月20日(木)0時00分');
  });

  it('crosses the year boundary nine hours before UTC does', () => {
    expect(formatDateline(new Date('2025-12-31T14:59:00Z'))).toBe('2025年12月31日(水)23時59分');
    expect(formatDateline(new Date('2025-12-31T15:00:00Z'))).toBe('2026年1月1日(木)0時00分');
  });

  it('names every weekday', () => {
    // 2024-06-16 is a Sunday; noon JST is 03:00 UTC.
    const week = [16, 17, 18, 19, 20, 21, 22].map((d) => formatDateline(`2024-06-${d}T03:00:00Z`));
    expect(week).toEqual([
      '2024年6月16日(日)12時00分',
      '2024年6月17日(月)12時00分',
      '2024年6月18日(火)12時00分',
      '2024年6月19日(水)12時00分',
      '2024年6月20日(木)12時00分',
      '2024年6月21日(金)12時00分',
      '2024年6月22日(土)12時00分',
    ]);
  });

  it('accepts ISO strings with an offset', () => {
    expect(formatDateline('2024-06-19T20:38:00+09:00')).toBe('2024年6月19日(水)20時38分');
    expect(formatDateline('2024-06-19T11:38:00.000Z')).toBe('2024年6月19日(水)20時38分');
  });

  it('throws on invalid dates instead of printing NaN', () => {
    expect(() => formatDateline('not a date')).toThrow(RangeError);
    expect(() => formatDateline(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toJstIso('')).toThrow(RangeError);
  });
});

describe('zoneless strings', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('reads a zoneless date-time as UTC whatever the runtime zone is', () => {
    // A server in New York and a browser in Tokyo must print the same dateline.
    for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
      process.env.TZ = tz;
      expect(formatDateline('2024-06-19 11:38:00')).toBe('2024年6月19日(水)20時38分');
      expect(formatDateline('2024-06-19T11:38')).toBe('2024年6月19日(水)20時38分');
    }
  });

  it('keeps date-only strings on their calendar day', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatJstDate('2026-03-17')).toBe('2026年3月17日');
  });
});

describe('toJstIso', () => {
  it('writes ISO 8601 with the +09:00 offset', () => {
    expect(toJstIso(new Date('2024-06-19T11:38:00Z'))).toBe('2024-06-19T20:38:00+09:00');
  });

  it('moves the date across midnight and keeps seconds', () => {
    expect(toJstIso('2025-12-31T15:00:07.999Z')).toBe('2026-01-01T00:00:07+09:00');
  });

  it('round-trips to the same instant', () => {
    const instant = new Date('2024-02-29T23:01:02Z');
    expect(new Date(toJstIso(instant)).getTime()).toBe(instant.getTime());
  });
});

describe('dates and times', () => {
  it('formats the JST calendar date', () => {
    expect(formatJstDate(new Date('2026-03-16T15:00:00Z'))).toBe('2026年3月17日');
    expect(formatJstDate(new Date('2026-03-16T14:59:59Z'))).toBe('2026年3月16日');
  });

  it('formats month/day', () => {
    expect(formatShortDate('2026-03-10T00:00:00+09:00')).toBe('3/10');
    expect(formatShortDate('2026-12-31T15:00:00Z')).toBe('1/1');
  });

  it('formats an issue with its on-sale date', () => {
    expect(formatIssueDates('2026-03-17', '2026-03-10')).toBe('2026年3月17日号(3/10発売)');
  });

  it('formats zero-padded 24-hour clock time', () => {
    expect(formatJstTime(new Date('2024-06-19T11:38:00Z'))).toBe('20:38');
    expect(formatJstTime(new Date('2024-06-19T00:05:00Z'))).toBe('09:05');
    expect(formatJstTime(new Date('2024-06-19T15:00:00Z'))).toBe('00:00');
  });

  it('exposes the calendar fields', () => {
    expect(getJstDateParts('2024-06-19T15:00:00Z')).toEqual({
      year: 2024,
      month: 6,
      day: 20,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 4,
    });
  });
  it('agrees with the time-zone database for every hour across years, and before 1952 when Japan had summer time', () => {
    const tz = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    });
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const check = (ms: number) => {
      const f = Object.fromEntries(tz.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
      const expected = { year: +f.year!, month: +f.month!, day: +f.day!, hour: +f.hour!, minute: +f.minute!, second: +f.second!, weekday: days.indexOf(f.weekday!) };
      expect(getJstDateParts(new Date(ms)), new Date(ms).toISOString()).toEqual(expected);
    };
    // Every 7 h 13 min 17 s from 1949 to 2040: all hours, weekdays, month ends and leap days.
    for (let ms = Date.UTC(1949, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 26_000_000 + 1_000 * 397) check(ms);
    // Midnight and the year's turn in Japan.
    check(Date.UTC(2025, 11, 31, 15, 0, 0));
    check(Date.UTC(2025, 11, 31, 14, 59, 59));
  });
});

describe('getJstMonthRange', () => {
  it('gives the UTC instants of a Japan-time month', () => {
    expect(getJstMonthRange('2026-01')).toEqual({ start: '2025-12-31T15:00:00.000Z', end: '2026-01-31T15:00:00.000Z' });
    expect(getJstMonthRange('2026-12')?.end).toBe('2026-12-31T15:00:00.000Z');
  });
  it('rejects anything that is not a month', () => {
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-01-01', "2026-01' or 1=1"]) expect(getJstMonthRange(bad)).toBeNull();
  });
});

describe('Japan-time day and month of an instant', () => {
  it('turns over at midnight in Japan, not in UTC', () => {
    expect(toJstDay('2026-11-30T14:59:59.000Z')).toBe('2026-11-30');
    expect(toJstDay('2026-11-30T15:00:00.000Z')).toBe('2026-12-01');
    expect(toJstMonth('2026-11-30T14:59:59.000Z')).toBe('2026-11');
    expect(toJstMonth('2026-12-31T15:00:00.000Z')).toBe('2027-01');
  });
  it('agrees with getJstMonthRange at the edges', () => {
    const range = getJstMonthRange('2026-12')!;
    expect(toJstMonth(range.start)).toBe('2026-12');
    expect(toJstMonth(new Date(Date.parse(range.end) - 1))).toBe('2026-12');
    expect(toJstMonth(range.end)).toBe('2027-01');
  });
});

describe('JST datetime-local values', () => {
  it('reads the input as Japan time whatever the machine zone', () => {
    expect(fromJstInputValue('2026-11-20T09:05')).toBe('2026-11-20T00:05:00.000Z');
    expect(fromJstInputValue('2026-11-21T00:30')).toBe('2026-11-20T15:30:00.000Z');
  });
  it('writes an instant back as the same JST wall time', () => {
    expect(toJstInputValue('2026-11-20T15:30:00.000Z')).toBe('2026-11-21T00:30');
  });
  it('refuses what is not a datetime-local value', () => {
    expect(fromJstInputValue('')).toBeNull();
    expect(fromJstInputValue('2026-11-20 09:05')).toBeNull();
    expect(fromJstInputValue('2026-13-45T99:99')).toBeNull();
  });
});
