import type { Kysely } from 'kysely';
import type { Database } from '../../lib/db/schema';
import { createArticle } from '../../lib/newsroom/articles';
import { emptyDraft, type ArticleDraft } from '../../lib/newsroom/draft';

/**
 * The smallest taxonomy the newsroom suites need, without the demo's
 * articles and generated images (which take seconds to draw).
 */
export async function seedNewsroomFixtures(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('sections')
    .values([
      { slug: 'world', name: 'ワールド', description: '国際', position: 0 },
      { slug: 'business', name: 'ビジネス', description: '経済', position: 1 },
    ])
    .execute();
  await db.insertInto('topics').values([{ slug: 'harbor', name: '港湾再開発', description: '港の話題' }]).execute();
  await db
    .insertInto('tags')
    .values([
      { slug: 'tokyo', name: '東京', kind: 'place', description: null },
      { slug: 'sato', name: '佐藤市長', kind: 'person', description: null },
    ])
    .execute();
  await db.insertInto('series').values([{ slug: 'chronicle', name: '港の記録', description: '連載', sponsored: 0, sponsor_name: null }]).execute();
  await db
    .insertInto('agencies')
    .values([{ slug: 'wire', name: '共同配信', syndication_credit: '配信協力', copyright_line: '© {year} Wire' }])
    .execute();
  await db
    .insertInto('authors')
    .values([
      { slug: 'tanaka', name: '田中一郎', role: '社会部' },
      { slug: 'suzuki', name: '鈴木花子', role: '経済部' },
    ])
    .execute();
}

/** A complete story in the fixtures' section, topic and tag: what the newsroom suites save and publish. */
export function storyDraft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    ...emptyDraft('world'),
    headline: '港の再開発、来春に着工へ',
    standfirst: '市は計画の見直しを終えた。',
    body: '本文の一段落目。\n\n## 経緯\n\n二段落目。',
    topics: ['harbor'],
    tags: ['tokyo'],
    ...overrides,
  };
}

/**
 * A draft as the editor's first save stores it (ADR 0041: nothing is stored
 * before something is typed): a headline only, in the first section, by
 * `editorId`. Its id; it has one revision (`create`).
 */
export async function createTestDraft(db: Kysely<Database>, editorId: string, now = new Date(), headline = '書きかけの見出し'): Promise<string> {
  const section = await db.selectFrom('sections').select('slug').orderBy('position').limit(1).executeTakeFirstOrThrow();
  const { article } = await createArticle(db, { editorId, draft: { ...emptyDraft(section.slug), headline }, now });
  return article.id;
}
