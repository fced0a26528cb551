import { describe, expect, it } from 'vitest';
import { fromJstInputValue, toJstInputValue } from './jst-input';

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
