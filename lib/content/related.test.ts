import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../db/prepare';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { decideRelatedTier } from '../related/rank';
import { demoArticles } from '../seed/demo/articles';
import type { DemoArticle } from '../seed/demo/types';
import { deriveArticleId } from './ids';
import { listRelatedArticles, RELATED_LIMIT } from './related';

/** あわせて読みたい from the demo database, on both engines. */

const NOW = new Date('2026-11-20T03:00:00.000Z');
const published = demoArticles.filter((a) => !a.status);
const hiddenIds = new Set(demoArticles.filter((a) => a.status).map((a) => deriveArticleId(a.key)));
const byId = new Map(demoArticles.map((a) => [deriveArticleId(a.key), a]));
const features = (a: DemoArticle) => ({
  id: deriveArticleId(a.key),
  sectionSlug: a.section,
  seriesSlug: a.series ?? null,
  topicSlugs: a.topics ?? [],
  tagSlugs: a.tags,
  publishedAt: '',
});

// A story in a series that also has a topic and tags: every tier is exercised.
const subject = published.find((a) => a.series && a.topics?.length && a.tags.length)!;
const answers: Record<string, unknown> = {};

describe.each(['sqlite', 'postgres'] as const)('related articles on %s', (engine) => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'related');
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
  }, 120_000);
  afterAll(async () => conn?.close());

  it('fills the row with public articles only, never the article itself, each once', async () => {
    const related = (await listRelatedArticles(conn.db, deriveArticleId(subject.key), NOW))!;
    expect(related).toHaveLength(Math.min(RELATED_LIMIT, published.length - 1));
    const ids = related.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(deriveArticleId(subject.key));
    expect(ids.filter((id) => hiddenIds.has(id))).toEqual([]);
    expect(related.every((a) => Date.parse(a.publishedAt) <= NOW.getTime())).toBe(true);
    answers[engine] = related;
  });

  it('orders series and topic first, then shared tags, then the section, then the rest', async () => {
    const related = (await listRelatedArticles(conn.db, deriveArticleId(subject.key), NOW))!;
    const tiers = related.map((a) => decideRelatedTier(features(subject), features(byId.get(a.id)!)));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers[0]).toBe(0);
    // Everything in the same series or sharing a topic is in the list.
    const close = published.filter(
      (a) => a.key !== subject.key && (a.series === subject.series || a.topics?.some((t) => subject.topics?.includes(t))),
    );
    expect(close.length).toBeGreaterThan(0);
    expect(related.slice(0, close.length).map((a) => a.id).sort()).toEqual(close.map((a) => deriveArticleId(a.key)).sort());
  });

  it('says nothing about drafts and scheduled articles', async () => {
    for (const id of hiddenIds) expect(await listRelatedArticles(conn.db, id, NOW)).toBeNull();
    expect(await listRelatedArticles(conn.db, 'zzzzzzzz', NOW)).toBeNull();
  });

  it('stops at the limit it is given', async () => {
    expect(await listRelatedArticles(conn.db, deriveArticleId(subject.key), NOW, 5)).toHaveLength(5);
  });

  // Last in this block: it writes articles (and puts back what it changed).
  it('keeps each tag and topic link’s copy of its article’s status and time in step (migration 0008)', async () => {
    // Link rows whose copy differs from their article (IS DISTINCT FROM: NULLs compare too).
    const mismatches = async () => {
      const found: unknown[] = [];
      for (const table of ['article_tags', 'article_topics']) {
        const { rows } = await sql`select l.article_id from ${sql.table(table)} l join articles a on a.id = l.article_id
          where l.status is distinct from a.status or l.published_at is distinct from a.published_at`.execute(conn.db);
        found.push(...rows);
      }
      return found;
    };
    expect(await mismatches()).toEqual([]);
    const id = deriveArticleId(subject.key);
    const before = await conn.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    // Unpublished: its links say so, and the related lists of others no longer offer it.
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', id).execute();
    expect(await mismatches()).toEqual([]);
    const other = published.find((a) => a !== subject && a.tags.some((t) => subject.tags.includes(t)))!;
    expect((await listRelatedArticles(conn.db, deriveArticleId(other.key), NOW))!.map((a) => a.id)).not.toContain(id);
    // Published again at another time; a tag added afterwards copies it too.
    await conn.db.updateTable('articles').set({ status: 'published', published_at: '2026-11-19T00:00:00.000Z' }).where('id', '=', id).execute();
    const extraTag = (await conn.db.selectFrom('tags').select('slug').where('slug', 'not in', subject.tags).executeTakeFirstOrThrow()).slug;
    await conn.db.insertInto('article_tags').values({ article_id: id, tag_slug: extraTag, position: 99 }).execute();
    expect(await mismatches()).toEqual([]);
    await conn.db.deleteFrom('article_tags').where('article_id', '=', id).where('tag_slug', '=', extraTag).execute();
    await conn.db.updateTable('articles').set(before).where('id', '=', id).execute();
    expect(await mismatches()).toEqual([]);
  });
});

describe('both engines', () => {
  it('rank the same articles in the same order', () => {
    expect(answers.postgres).toEqual(answers.sqlite);
  });
});
