import { describe, expect, it } from 'vitest';
import { decidePageNumbers } from './pagination';

describe('decidePageNumbers', () => {
  it('lists every page when there are few', () => {
    expect(decidePageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps first, last and the neighbours of the current page, with gaps between', () => {
    expect(decidePageNumbers(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(decidePageNumbers(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
    expect(decidePageNumbers(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });
});
