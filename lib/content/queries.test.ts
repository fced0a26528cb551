import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../db/prepare';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { demoArticles } from '../seed/demo/articles';
import { listFeedArticles } from './feeds';
import { deriveArticleId } from './ids';
import * as q from './queries';

/**
 * The data layer against both engines it runs on: the embedded SQLite file
 * and PostgreSQL (KIJI_TEST_DATABASE_URL, default the local `test` database,
 * in a schema of its own that the suite recreates).
 */

const NOW = new Date('2026-11-20T03:00:00.000Z'); // a Friday, 12:00 JST
const published = demoArticles.filter((a) => !a.status);
const hidden = demoArticles.filter((a) => a.status);
const byKey = (key: string) => {
  const found = demoArticles.find((a) => a.key === key);
  if (!found) throw new Error(`no demo article ${key}`);
  return found;
};

const results: Record<string, unknown> = {};

describe.each(['sqlite', 'postgres'] as const)('content queries on %s', (engine) => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'content');
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
  }, 120_000);

  afterAll(async () => {
    await conn?.close();
  });

  it('seeds once: preparing again neither fails nor duplicates', async () => {
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
    const { n } = await conn.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(demoArticles.length);
  });

  it('lists every published article newest first, and never a draft or scheduled piece', async () => {
    const latest = await q.listLatest(conn.db, NOW, 500);
    expect(latest).toHaveLength(published.length);
    const times = latest.map((a) => Date.parse(a.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const hiddenIds = new Set(hidden.map((a) => deriveArticleId(a.key)));
    expect(latest.filter((a) => hiddenIds.has(a.id))).toEqual([]);
    results[`${engine}:latest`] = latest;
  });

  it('returns no article page for drafts and scheduled articles', async () => {
    expect(hidden.length).toBeGreaterThanOrEqual(7);
    for (const a of hidden) expect(await q.findArticle(conn.db, deriveArticleId(a.key), NOW)).toBeNull();
    expect(await q.findArticle(conn.db, 'zzzzzzzz', NOW)).toBeNull();
  });

  it('shows a scheduled article once its time has come and it is published', async () => {
    const scheduled = hidden.find((a) => a.status === 'scheduled');
    if (!scheduled) throw new Error('the demo needs a scheduled article');
    const id = deriveArticleId(scheduled.key);
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    expect(await q.findArticle(conn.db, id, later)).toBeNull(); // still status=scheduled
    await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', id).execute();
    expect(await q.findArticle(conn.db, id, NOW)).toBeNull(); // published, but its time is in the future
    expect((await q.findArticle(conn.db, id, later))?.headline).toBe(scheduled.headline);
    await conn.db.updateTable('articles').set({ status: 'scheduled' }).where('id', '=', id).execute();
  });

  it('assembles a wire story with tags in order, attribution and its code', async () => {
    const wire = published.find((a) => a.wire && a.tags.length >= 2);
    if (!wire?.wire) throw new Error('the demo needs a wire story');
    const article = await q.findArticle(conn.db, deriveArticleId(wire.key), NOW);
    expect(article?.tags.map((t) => t.slug)).toEqual(wire.tags);
    expect(article?.attribution?.wireCode).toBe(wire.wire.code);
    expect(article?.attribution?.copyrightLine).not.toContain('{year}');
    expect(article?.section.slug).toBe(wire.section);
    results[`${engine}:wire`] = article;
  });

  it('splits a multi-page article at its page breaks', async () => {
    const multi = published.filter((a) => a.body.includes('\n::pagebreak\n'));
    expect(multi.length).toBeGreaterThanOrEqual(8);
    const first = multi[0]!;
    const article = await q.findArticle(conn.db, deriveArticleId(first.key), NOW);
    expect(article?.pages.length).toBe(first.body.split('\n::pagebreak\n').length);
  });

  it('paginates a section listing and reports the total', async () => {
    const inWorld = published.filter((a) => a.section === 'world').length;
    const page1 = await q.listSectionArticles(conn.db, 'world', 1, NOW);
    expect(page1.totalItems).toBe(inWorld);
    expect(page1.totalPages).toBe(Math.ceil(inWorld / q.LISTING_PAGE_SIZE));
    expect(page1.items.every((a) => a.section.slug === 'world')).toBe(true);
    const beyond = await q.listSectionArticles(conn.db, 'world', page1.totalPages + 1, NOW);
    expect(beyond.items).toEqual([]);
  });

  it('lists a tag, topic and series only with public articles carrying them', async () => {
    const tagged = published.filter((a) => a.tags.includes('lindholm'));
    const tag = await q.listTagArticles(conn.db, 'lindholm', 1, NOW);
    expect(tag.items.map((a) => a.id).sort()).toEqual(tagged.map((a) => deriveArticleId(a.key)).sort());
    const inTopic = published.filter((a) => a.topics?.includes('hokkai-union'));
    expect((await q.listTopicArticles(conn.db, 'hokkai-union', 1, NOW)).totalItems).toBe(inTopic.length);
    const sponsored = await q.listSeriesArticles(conn.db, 'future-mobility', 1, NOW);
    expect(sponsored.totalItems).toBeGreaterThan(0);
    expect(sponsored.items.every((a) => a.sponsored)).toBe(true);
  });

  it('shows the topic label of an article as its first topic', async () => {
    const withTopic = published.find((a) => (a.topics?.length ?? 0) >= 2)!;
    const latest = await q.listLatest(conn.db, NOW, 500);
    expect(latest.find((a) => a.id === deriveArticleId(withTopic.key))?.topic?.slug).toBe(withTopic.topics?.[0]);
  });

  it('keeps magazine issues weekly, on sale on Tuesdays, dated a week later', async () => {
    const issues = await q.listMagazineIssues(conn.db, '2026-11-20');
    expect(issues.length).toBeGreaterThanOrEqual(12);
    expect(issues[0]).toMatchObject({ onSaleDate: '2026-11-17', issueDate: '2026-11-24' });
    for (const issue of issues) expect(new Date(`${issue.onSaleDate}T00:00:00Z`).getUTCDay()).toBe(2);
  });

  it('gives a feed item the tags and authors its article page shows, in the same order', async () => {
    const items = await listFeedArticles(conn.db, NOW, { limit: 20 });
    expect(items.some((item) => item.tags.length >= 2)).toBe(true);
    for (const item of items) {
      const article = await q.findArticle(conn.db, item.id, NOW);
      expect(item.tags).toEqual(article!.tags.map((t) => t.name));
      expect(item.authors).toEqual(article!.authors.map((a) => a.name));
    }
  });

  it('serves publications with at least three on sale', async () => {
    const publications = await q.listPublications(conn.db, '2026-11-20');
    expect(publications.filter((p) => p.onSale).length).toBeGreaterThanOrEqual(3);
  });

  it('stores every referenced image with its real dimensions', async () => {
    const article = await q.findArticle(conn.db, deriveArticleId(byKey(published[0]!.key).key), NOW);
    const mediaPath = article!.hero!.src.replace(/^\/media\//, '');
    const media = await conn.db.selectFrom('media').selectAll().where('path', '=', mediaPath).executeTakeFirstOrThrow();
    expect([media.width, media.height]).toEqual([article!.hero!.width, article!.hero!.height]);
    expect(Buffer.from(media.bytes).subarray(8, 12).toString('ascii')).toBe('WEBP');
  });
});

describe('both engines', () => {
  it('give the same answers', () => {
    expect(results['postgres:latest']).toEqual(results['sqlite:latest']);
    expect(results['postgres:wire']).toEqual(results['sqlite:wire']);
  });
});
