import { describe, expect, it } from 'vitest';
import type { FrontPageArticle } from '@/lib/newsroom/front-page';
import { addFeatured, findPlace, moveStory, placeLead, toPlacesKey, unpinStory, type Places } from './front-page-places';

/** Each change the desk makes on /newsroom/front-page before saving. */

const story = (id: string): FrontPageArticle => ({ id, headline: `見出し${id}`, sectionName: 'ワールド', status: 'published', publishedAt: '2026-12-05T00:00:00.000Z', visible: true });
const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map(story) as [FrontPageArticle, FrontPageArticle, FrontPageArticle, FrontPageArticle, FrontPageArticle];
const key = (places: Places | null) => (places ? toPlacesKey(places) : null);

describe('the front-page editor’s places', () => {
  it('moves a story up and down, through the lead', () => {
    const places: Places = { lead: A, featured: [B, C] };
    expect(key(moveStory(places, 2, -1))).toBe('a,c,b');
    expect(key(moveStory(places, 1, -1))).toBe('b,a,c');
    expect(key(moveStory(places, 0, 1))).toBe('b,a,c');
    expect(moveStory(places, 0, -1), 'nothing above the lead').toBeNull();
    expect(moveStory(places, 2, 1), 'nothing below the last').toBeNull();
  });

  it('makes the first featured story the lead when the lead is automatic, and leaves no gap when it moves back', () => {
    const places: Places = { lead: null, featured: [B, C] };
    const up = moveStory(places, 1, -1)!;
    expect(up).toEqual({ lead: B, featured: [C] });
    expect(key(moveStory(up, 0, 1))).toBe('c,b');
    expect(moveStory(places, 0, 1), 'an automatic lead is not a story to move').toBeNull();
  });

  it('unpins the lead back to the automatic order, and a featured story with the rest moving up', () => {
    const places: Places = { lead: A, featured: [B, C] };
    expect(unpinStory(places, 0)).toEqual({ lead: null, featured: [B, C] });
    expect(unpinStory(places, 1)).toEqual({ lead: A, featured: [C] });
  });

  it('puts a story in the lead, taking it from a featured place if it held one', () => {
    expect(placeLead({ lead: A, featured: [B, C] }, C)).toEqual({ lead: C, featured: [B] });
    expect(placeLead({ lead: null, featured: [] }, D)).toEqual({ lead: D, featured: [] });
  });

  it('adds featured stories up to the layout’s places, never one already placed', () => {
    const full: Places = { lead: null, featured: [A, B, C, D] };
    expect(addFeatured(full, E, 4), 'four places, all taken').toBeNull();
    expect(addFeatured({ lead: A, featured: [] }, A, 4), 'the lead again').toBeNull();
    expect(key(addFeatured({ lead: A, featured: [B] }, C, 4))).toBe('a,b,c');
  });

  it('finds where a story is placed', () => {
    const places: Places = { lead: null, featured: [B, C] };
    expect(findPlace(places, 'c')).toBe(2);
    expect(findPlace(places, 'a')).toBeUndefined();
  });
});
