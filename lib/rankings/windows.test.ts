import { describe, expect, it } from 'vitest';
import { toJstDay } from '../time/jst';
import { getWindowBounds, hourKeyToDate, listWindowHours, PERIOD_HOURS, shiftHourKey, toHourKey } from './windows';

const at = (iso: string) => new Date(iso);

describe('JST hour buckets', () => {
  it('names the hour on a Japanese clock, not the UTC one', () => {
    // 14:59 UTC is 23:59 JST the same day; 15:00 UTC is 00:00 JST the next.
    expect(toHourKey(at('2026-11-30T14:59:59.999Z'))).toBe(2026113023);
    expect(toHourKey(at('2026-11-30T15:00:00.000Z'))).toBe(2026120100);
  });

  it('turns a key back into the instant its hour starts', () => {
    expect(hourKeyToDate(2026120100).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(hourKeyToDate(2027010100).toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('rejects numbers that are not an hour of a real JST day', () => {
    for (const bad of [2026023110, 2026022900, 2026113024, 2026130100, 2026113000.5]) {
      expect(() => hourKeyToDate(bad), String(bad)).toThrow(RangeError);
    }
    expect(hourKeyToDate(2028022900).toISOString()).toBe('2028-02-28T15:00:00.000Z'); // 2028 is a leap year
  });

  it('steps across midnight, month ends, leap days and the new year', () => {
    expect(shiftHourKey(2026120100, 1)).toBe(2026113023);
    expect(shiftHourKey(2026113023, -1)).toBe(2026120100);
    expect(shiftHourKey(2026030100, 1)).toBe(2026022823);
    expect(shiftHourKey(2028030100, 1)).toBe(2028022923);
    expect(shiftHourKey(2027010100, 1)).toBe(2026123123);
    expect(shiftHourKey(2027010105, 24)).toBe(2026123105);
  });

  it('gives the JST calendar day the visitor salt rotates on', () => {
    expect(toJstDay(at('2026-11-30T14:59:59Z'))).toBe('2026-11-30');
    expect(toJstDay(at('2026-11-30T15:00:00Z'))).toBe('2026-12-01');
  });
});

describe('ranking windows', () => {
  it('24時間 just after JST midnight reaches back into the previous day', () => {
    // 00:10 JST on 1 December 2026.
    const bounds = getWindowBounds('day', at('2026-11-30T15:10:00Z'));
    expect(bounds).toEqual({ fromHour: 2026113001, toHour: 2026120100, since: at('2026-11-29T16:00:00Z') });
  });

  it('24時間 just before JST midnight stays within one calendar day', () => {
    // 23:50 JST on 30 November: 00:00–23:59 of that day, 24 buckets.
    expect(getWindowBounds('day', at('2026-11-30T14:50:00Z'))).toMatchObject({ fromHour: 2026113000, toHour: 2026113023 });
  });

  it('週間 and 月間 cross month ends by hours, not calendar months', () => {
    // 09:30 JST on 2 March 2026 (not a leap year): 7 days back is 24 February 10:00.
    const now = at('2026-03-02T00:30:00Z');
    expect(getWindowBounds('week', now)).toMatchObject({ fromHour: 2026022310, toHour: 2026030209 });
    // 720 hours back from 2 March cross all of a 28-day February into January…
    expect(getWindowBounds('month', now)).toMatchObject({ fromHour: 2026013110, toHour: 2026030209 });
    // …but in a leap year the 29th of February is one of them, so it starts on 1 February.
    expect(getWindowBounds('month', at('2028-03-02T00:30:00Z'))).toMatchObject({ fromHour: 2028020110, toHour: 2028030209 });
  });

  it('月間 over the new year', () => {
    // 12:00 JST on 5 January 2027.
    expect(getWindowBounds('month', at('2027-01-05T03:00:00Z'))).toMatchObject({ fromHour: 2026120613, toHour: 2027010512 });
  });

  it('lists every bucket once, newest first, contiguous', () => {
    for (const period of ['day', 'week', 'month'] as const) {
      const now = at('2026-12-31T15:30:00Z'); // 00:30 JST, 1 January 2027
      const hours = listWindowHours(period, now);
      expect(hours).toHaveLength(PERIOD_HOURS[period]);
      expect(new Set(hours).size).toBe(hours.length);
      expect(hours[0]).toBe(2027010100);
      for (let i = 1; i < hours.length; i++) expect(shiftHourKey(hours[i - 1]!, 1)).toBe(hours[i]);
      const bounds = getWindowBounds(period, now);
      expect(hours.at(-1)).toBe(bounds.fromHour);
    }
  });
});
