import type { DeskArticle } from '../../lib/newsroom/desk-articles';

/** Tests only: an article as the desk's pickers list it (public, in ワールド), with `overrides`. */
export function deskStory(id: string, overrides: Partial<DeskArticle> = {}): DeskArticle {
  return { id, headline: `見出し${id}`, sectionName: 'ワールド', status: 'published', publishedAt: '2026-12-05T00:00:00.000Z', visible: true, ...overrides };
}
