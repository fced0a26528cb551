import { describe, expect, it } from 'vitest';
import { parseLiveAfter } from './after';

describe('parseLiveAfter', () => {
  it('takes a post id or an ISO time, normalised to UTC', () => {
    expect(parseLiveAfter('abcdefgh')).toEqual({ postId: 'abcdefgh' });
    expect(parseLiveAfter('2026-12-05T14:32:00+09:00')).toEqual({ time: '2026-12-05T05:32:00.000Z' });
    expect(parseLiveAfter('2026-12-05T05:32:00.123Z')).toEqual({ time: '2026-12-05T05:32:00.123Z' });
  });
  it('refuses anything else, before any query', () => {
    for (const hostile of [null, '', 'ABCDEFGH', '../../etc', '2026-12-05', '2026-13-45T99:99:00Z', "1' or '1'='1", 'x'.repeat(41), '2026-12-05T05:32:00Z\n']) {
      expect(parseLiveAfter(hostile), String(hostile)).toBeNull();
    }
  });
});
