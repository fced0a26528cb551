import { describe, expect, it } from 'vitest';
import { decideAdd, decideMove, decideRemove } from './article-order';

/**
 * The ordered pickers' changes (an edition's articles, an issue's 目次): the
 * order, the words announced to a screen reader, and where the keyboard goes,
 * so a desk working without a mouse never lands on a button that just went
 * off or on the page's top.
 */

const story = (id: string) => ({ id, headline: `見出し${id}` });
const [A, B, C] = ['a', 'b', 'c'].map(story) as [ReturnType<typeof story>, ReturnType<typeof story>, ReturnType<typeof story>];

describe('decideMove', () => {
  it('moves an article one place and keeps the keyboard on it, the same way first', () => {
    expect(decideMove([A, B, C], 2, -1)).toEqual({ articles: [A, C, B], article: C, announcement: '「見出しc」を2番目に移しました。', focus: ['up', 'down', 'remove'] });
    expect(decideMove([A, B, C], 0, 1)).toEqual({ articles: [B, A, C], article: A, announcement: '「見出しa」を2番目に移しました。', focus: ['down', 'up', 'remove'] });
  });

  it('goes nowhere past either end', () => {
    expect(decideMove([A, B], 0, -1)).toBeNull();
    expect(decideMove([A, B], 1, 1)).toBeNull();
    expect(decideMove([A, B], 5, -1)).toBeNull();
  });
});

describe('decideRemove', () => {
  it('takes an article out, in the list’s own words, and hands the keyboard to the one that took its place', () => {
    expect(decideRemove([A, B, C], 1, '目次')).toEqual({ articles: [A, C], announcement: '「見出しb」を目次から外しました。', focusOn: C });
    expect(decideRemove([A, B, C], 1, null)).toMatchObject({ announcement: '「見出しb」を外しました。' });
  });

  it('hands the keyboard to the one before when the last goes, and to nobody (the filter) when the list is empty', () => {
    expect(decideRemove([A, B, C], 2, null)?.focusOn).toBe(B);
    expect(decideRemove([A], 0, null)).toEqual({ articles: [], announcement: '「見出しa」を外しました。', focusOn: null });
    expect(decideRemove([A], 3, null)).toBeNull();
  });
});

describe('decideAdd', () => {
  it('puts the article last, says where, and gives it the keyboard in the list', () => {
    expect(decideAdd([A], B, 20, '目次')).toEqual({ articles: [A, B], announcement: '「見出しb」を目次の2番目に加えました。', focus: ['up', 'remove'] });
    expect(decideAdd([], A, 20, null)?.announcement).toBe('「見出しa」を1番目に加えました。');
  });

  it('adds nothing twice, nor past the limit', () => {
    expect(decideAdd([A, B], A, 20, null)).toBeNull();
    expect(decideAdd([A, B], C, 2, null)).toBeNull();
  });
});
