import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createTerm, decideTermSlug, newTermSchema, TermError } from './terms';

describe('term slugs', () => {
  it('uses a given slug, an ASCII name, or a random one for Japanese names', () => {
    expect(decideTermSlug('東京', 'tokyo', 'g')).toBe('tokyo');
    expect(decideTermSlug('World Cup 2026', undefined, 'g')).toBe('world-cup-2026');
    expect(decideTermSlug('半導体競争', undefined, 't')).toMatch(/^t-[0-9a-f]{12}$/);
    expect(() => decideTermSlug('x', 'Not A Slug', 'g')).toThrow(TermError);
  });
});

describe.each(TEST_ENGINES)('creating terms on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'terms', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());

  it('creates a tag and a topic, and refuses the same name twice', async () => {
    const tag = await createTerm(conn.db, newTermSchema.parse({ kind: 'tag', name: ' 佐藤市長 ', tagKind: 'person' }));
    expect(tag).toMatchObject({ name: '佐藤市長', kind: 'person' });
    expect(await createTerm(conn.db, newTermSchema.parse({ kind: 'topic', name: '港湾再開発', slug: 'harbor' }))).toEqual({ slug: 'harbor', name: '港湾再開発' });
    await expect(createTerm(conn.db, newTermSchema.parse({ kind: 'tag', name: '佐藤市長' }))).rejects.toThrow(/すでにあります/);
    await expect(createTerm(conn.db, newTermSchema.parse({ kind: 'topic', name: '別の名前', slug: 'harbor' }))).rejects.toThrow(/使われています/);
    expect(newTermSchema.safeParse({ kind: 'tag', name: '   ' }).success).toBe(false);
  });
});
