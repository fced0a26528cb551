import { describe, expect, it } from 'vitest';
import { formatFoundedDate } from './publisher';

describe('formatFoundedDate', () => {
  it('writes a month or a day as Japanese pages do, without leading zeros', () => {
    expect(formatFoundedDate('2019-04')).toBe('2019年4月');
    expect(formatFoundedDate('2019-04-01')).toBe('2019年4月1日');
    expect(formatFoundedDate('1998-11-30')).toBe('1998年11月30日');
  });

  it('leaves anything else as it is rather than guessing', () => {
    expect(formatFoundedDate('平成31年4月')).toBe('平成31年4月');
    expect(formatFoundedDate('2019-4')).toBe('2019-4');
  });
});
