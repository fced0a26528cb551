import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { prepareDatabase } from '../db/prepare';
import { insertTestArticles, testDatabases } from '../../test/support/database';
import { toJstMonth } from '../time/jst';
import { demoArticles } from '../seed/demo/articles';
import { buildNewsSitemap, buildSitemapIndex, buildUrlset } from '../seo/sitemap-xml';
import { checkImageEntries, checkNewsSitemap, checkWellFormed, parseIndex, parseUrlset, validateUrlsetXsd } from '../../test/support/validators';
import { FIXED_PAGES_ENACTED_AT } from '../site/fixed-page-defaults';
import { deriveArticleId } from './ids';
import {
  listArticleSitemapBatch,
  listArticleSitemapParts,
  listListingSitemapBatch,
  listListingSitemapParts,
  findNewestNewsChange,
  listNewsSitemapArticles,
  NEWS_MAX_ARTICLES,
  type SitemapEntry,
} from './sitemap';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const SITE = 'https://kiji.example';
const published = demoArticles.filter((a) => !a.status);
const hiddenIds = new Set(demoArticles.filter((a) => a.status).map((a) => deriveArticleId(a.key)));

const answers: Record<string, unknown> = {};

describe.each(testDatabases('sitemap'))('sitemaps on $engine', (database) => {
  let conn: Connection;

  async function readPart(read: (batch: number) => Promise<SitemapEntry[]>): Promise<SitemapEntry[]> {
    const all: SitemapEntry[] = [];
    for (let batch = 0; ; batch++) {
      const rows = await read(batch);
      if (rows.length === 0) return all;
      all.push(...rows);
    }
  }

  beforeAll(async () => {
    conn = await database.open();
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
  }, 120_000);

  afterAll(() => database.dispose(conn));

  it('lists every public article exactly once across month parts, and nothing else', async () => {
    const parts = await listArticleSitemapParts(conn.db, NOW);
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(published.length);
    const entries: SitemapEntry[] = [];
    for (const p of parts) entries.push(...(await readPart((batch) => listArticleSitemapBatch(conn.db, { ...p, batch }, NOW))));
    const ids = entries.map((e) => e.path.split('/')[2]!);
    expect(new Set(ids).size).toBe(published.length);
    expect(ids.filter((id) => hiddenIds.has(id))).toEqual([]);
    expect(entries.every((e) => e.images.length === 1 && e.lastmod)).toBe(true);
    answers[`${database.engine}:parts`] = parts;
  });

  it('splits a month into parts that never exceed the URL limit, read in small batches', async () => {
    const parts = await listArticleSitemapParts(conn.db, NOW, 7);
    expect(parts.every((p) => p.count <= 7)).toBe(true);
    expect(parts.some((p) => p.part > 1)).toBe(true);
    let total = 0;
    const seen = new Set<string>();
    for (const p of parts) {
      const entries = await readPart((batch) => listArticleSitemapBatch(conn.db, { ...p, batch }, NOW, 7, 3));
      expect(entries).toHaveLength(p.count);
      for (const e of entries) seen.add(e.path);
      total += entries.length;
    }
    expect(total).toBe(published.length);
    expect(seen.size).toBe(published.length);
  });

  it('writes article sitemaps that pass the sitemaps.org XSD, with image entries', async () => {
    const [part] = await listArticleSitemapParts(conn.db, NOW);
    const xml = buildUrlset(await readPart((batch) => listArticleSitemapBatch(conn.db, { ...part!, batch }, NOW)), SITE);
    const verdict = validateUrlsetXsd(xml);
    expect(verdict.output).toContain('validates');
    expect(verdict.ok).toBe(true);
    expect(checkImageEntries(xml)).toEqual([]);
    const parsed = await parseUrlset(xml);
    expect(parsed.every((u) => u.url.startsWith(SITE) && u.img.length === 1)).toBe(true);
  });

  it('lists sections, topics, tags, series, authors and magazine issues that have something to show', async () => {
    const parts = await listListingSitemapParts(conn.db, NOW);
    expect(parts.map((p) => p.kind)).toEqual(['pages', 'topics', 'tags', 'series', 'authors', 'issues']);
    const byKind: Record<string, SitemapEntry[]> = {};
    for (const p of parts) byKind[p.kind] = await readPart((batch) => listListingSitemapBatch(conn.db, { ...p, batch }, NOW));
    expect(byKind.pages?.map((e) => e.path)).toEqual(expect.arrayContaining(['/', '/sections/world', '/magazine', '/publications']));
    // The site's pages about itself, dated by their last save (the wording an install starts with), each once.
    expect(byKind.pages?.filter((e) => ['/about', '/privacy', '/terms', '/contact'].includes(e.path))).toEqual([
      { path: '/about', lastmod: FIXED_PAGES_ENACTED_AT, images: [] },
      { path: '/privacy', lastmod: FIXED_PAGES_ENACTED_AT, images: [] },
      { path: '/terms', lastmod: FIXED_PAGES_ENACTED_AT, images: [] },
      { path: '/contact', lastmod: FIXED_PAGES_ENACTED_AT, images: [] },
    ]);
    const publicTags = new Set(published.flatMap((a) => a.tags));
    expect(byKind.tags?.map((e) => e.path).sort()).toEqual([...publicTags].map((t) => `/tags/${t}`).sort());
    for (const [kind, entries] of Object.entries(byKind)) {
      const verdict = validateUrlsetXsd(buildUrlset(entries, SITE));
      expect(verdict.ok, `${kind}: ${verdict.output}`).toBe(true);
    }
    answers[`${database.engine}:listing`] = byKind;
  });

  it('puts only the last 48 hours of public articles in the news sitemap', async () => {
    const news = await listNewsSitemapArticles(conn.db, NOW);
    const expected = published.filter((a) => {
      const hours = 'hoursAgo' in a.published ? a.published.hoursAgo : a.published.daysAgo * 24;
      return hours <= 47;
    });
    expect(news.length).toBeGreaterThanOrEqual(expected.length);
    expect(news.length).toBeLessThanOrEqual(NEWS_MAX_ARTICLES);
    for (const a of news) expect(NOW.getTime() - Date.parse(a.publishedAt)).toBeLessThanOrEqual(48 * 3_600_000);
    expect(news.filter((a) => hiddenIds.has(a.path.split('/')[2]!))).toEqual([]);
    const xml = buildNewsSitemap(news, SITE, 'Kiji');
    expect(checkNewsSitemap(xml, NOW)).toEqual([]);
    expect(validateUrlsetXsd(xml).ok).toBe(true);
    const parsed = await parseUrlset(xml);
    expect(parsed.every((u) => u.news?.publication.language === 'ja' && u.news.title)).toBe(true);
    answers[`${database.engine}:news`] = news;
  });

  it('writes an index that lists each child sitemap once', async () => {
    const parts = await listArticleSitemapParts(conn.db, NOW);
    const xml = buildSitemapIndex(
      parts.map((p) => ({ path: `/sitemaps/articles-${p.month}-${p.part}.xml`, lastmod: p.lastmod })),
      SITE,
    );
    expect(checkWellFormed(xml).ok).toBe(true);
    const items = await parseIndex(xml);
    expect(items.map((i) => i.url)).toEqual(parts.map((p) => `${SITE}/sitemaps/articles-${p.month}-${p.part}.xml`));
  });

  // Last in this block: it writes articles (and puts back what it changed).
  it('keeps the month counts the index reads in step with every write to articles', async () => {
    const months = async () => new Map((await listArticleSitemapParts(conn.db, NOW)).map((p) => [p.month, p]));
    // What the triggers must agree with: the months of the public articles, counted from the rows.
    const recount = async () => {
      const rows = await conn.db.selectFrom('articles').where('status', '=', 'published').select('published_at').execute();
      const counts = new Map<string, number>();
      for (const { published_at } of rows) {
        const month = new Date(Date.parse(published_at!) + 9 * 3_600_000).toISOString().slice(0, 7);
        counts.set(month, (counts.get(month) ?? 0) + 1);
      }
      return counts;
    };
    const countsOf = (parts: Map<string, { count: number }>) => new Map([...parts].map(([m, p]) => [m, p.count]));
    expect(countsOf(await months())).toEqual(await recount());

    const article = await conn.db.selectFrom('articles').selectAll().where('status', '=', 'published').orderBy('published_at').executeTakeFirstOrThrow();
    const month = new Date(Date.parse(article.published_at!) + 9 * 3_600_000).toISOString().slice(0, 7);
    const before = (await months()).get(month)!;
    const setArticle = (values: Partial<typeof article>) => conn.db.updateTable('articles').set(values).where('id', '=', article.id).execute();

    // Unpublished: one fewer, and the month's sitemap changed now.
    const unpublishedAt = new Date().toISOString();
    await setArticle({ status: 'unpublished' });
    const after = (await months()).get(month);
    expect(after?.count ?? 0).toBe(before.count - 1);
    if (after) expect(after.lastmod! >= unpublishedAt.slice(0, 19)).toBe(true);
    expect(countsOf(await months())).toEqual(await recount());

    // Published again under a date in another month (JST: 1 Mar 00:30 is still 28 Feb in UTC).
    await setArticle({ status: 'published', published_at: '2025-02-28T15:30:00.000Z', updated_at: '2025-02-28T16:00:00.000Z' });
    expect((await months()).get('2025-03')).toMatchObject({ count: 1, lastmod: '2025-02-28T16:00:00.000Z' });
    expect(countsOf(await months())).toEqual(await recount());

    // Corrected in place: same count, the month's lastmod moves to the correction.
    await setArticle({ updated_at: '2025-03-02T01:00:00.000Z' });
    expect((await months()).get('2025-03')).toMatchObject({ count: 1, lastmod: '2025-03-02T01:00:00.000Z' });

    // A second article inserted, then deleted.
    const copy = { ...article, id: `${article.id}x`, status: 'published' as const, published_at: '2025-03-10T00:00:00.000Z', updated_at: null };
    await conn.db.insertInto('articles').values(copy).execute();
    expect((await months()).get('2025-03')?.count).toBe(2);
    await conn.db.deleteFrom('articles').where('id', '=', copy.id).execute();
    expect((await months()).get('2025-03')?.count).toBe(1);

    // A draft counts nowhere.
    await conn.db.insertInto('articles').values({ ...copy, status: 'draft' }).execute();
    await conn.db.deleteFrom('articles').where('id', '=', copy.id).execute();

    await setArticle({ status: article.status, published_at: article.published_at, updated_at: article.updated_at });
    expect(countsOf(await months())).toEqual(await recount());
    expect((await months()).has('2025-03')).toBe(false);
    expect((await months()).get(month)?.count).toBe(before.count);
  });

  // After the month counts: it adds a live page (and takes it away again).
  it('keeps a running live page in the news sitemap however old, dated by its newest post; the end takes it out (ADR 0039)', async () => {
    const id = 'livetyph';
    const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
    await insertTestArticles(conn, [{ id, headline: '台風ライブ(三日目)', publishedAt: new Date(hoursAgo(72)) }]);
    await conn.db.updateTable('articles').set({ kind: 'live', live_started_at: hoursAgo(72) }).where('id', '=', id).execute();
    const post = (n: number, values: { posted_at: string; edited_at?: string; deleted_at?: string }) =>
      conn.db.insertInto('live_posts').values({ id: `livepst${n}`, article_id: id, body: `第${n}報`, pinned: 0, ...values }).execute();
    await post(1, { posted_at: hoursAgo(3), edited_at: hoursAgo(0.25) });
    await post(2, { posted_at: hoursAgo(1) });
    // A deleted post is not a change readers can see.
    await post(3, { posted_at: hoursAgo(0.15), deleted_at: hoursAgo(0.1) });
    try {
      const news = await listNewsSitemapArticles(conn.db, NOW);
      // First, before a thousand newer stories could push it past the limit; its real publication time, its newest edit as lastmod.
      expect(news[0]).toEqual({ path: `/articles/${id}`, headline: '台風ライブ(三日目)', publishedAt: hoursAgo(72), lastmod: hoursAgo(0.25) });
      // Newer than the newest story's publication (20 minutes before NOW in the demo): the index's lastmod moves with the post.
      expect(findNewestNewsChange(news)).toBe(hoursAgo(0.25));
      const xml = buildNewsSitemap(news, SITE, 'Kiji');
      expect(validateUrlsetXsd(xml).ok).toBe(true);
      expect(checkNewsSitemap(xml, NOW)).toEqual([]);
      const month = toJstMonth(hoursAgo(72));
      const parts = (await listArticleSitemapParts(conn.db, NOW)).filter((p) => p.month === month);
      const entries: SitemapEntry[] = [];
      for (const p of parts) entries.push(...(await readPart((batch) => listArticleSitemapBatch(conn.db, { ...p, batch }, NOW))));
      expect(entries.find((e) => e.path === `/articles/${id}`)?.lastmod).toBe(hoursAgo(0.25));

      await conn.db.updateTable('articles').set({ live_ended_at: hoursAgo(0.05) }).where('id', '=', id).execute();
      expect((await listNewsSitemapArticles(conn.db, NOW)).map((a) => a.path)).not.toContain(`/articles/${id}`);
      const ended = await readPart((batch) => listArticleSitemapBatch(conn.db, { ...parts[0]!, batch }, NOW));
      // Ending changes the page (「このライブ配信は終了しました」): lastmod moves to it.
      expect(ended.find((e) => e.path === `/articles/${id}`)?.lastmod).toBe(hoursAgo(0.05));
    } finally {
      await conn.db.deleteFrom('live_posts').where('article_id', '=', id).execute();
      await conn.db.deleteFrom('articles').where('id', '=', id).execute();
    }
  });
});

describe('sitemap XML', () => {
  it('escapes markup characters and drops characters XML forbids', async () => {
    const xml = buildNewsSitemap([{ path: '/articles/abcdefgh', headline: '「A&B」<速報>\u0001 "引用" \'x\'', publishedAt: NOW.toISOString(), lastmod: NOW.toISOString() }], SITE, 'Kiji & Co');
    expect(checkWellFormed(xml).ok).toBe(true);
    const [item] = await parseUrlset(xml);
    expect(item?.news?.title).toBe('「A&B」<速報> "引用" \'x\'');
    expect(item?.news?.publication.name).toBe('Kiji & Co');
  });

  it('is checked by an XSD that rejects what sitemaps.org forbids', () => {
    const bad = buildUrlset([{ path: '/a', lastmod: null, images: [] }], SITE).replace('</loc>', '</loc><lastmod>昨日</lastmod>');
    expect(validateUrlsetXsd(bad).ok).toBe(false);
  });

  it('flags what Google rejects in a news sitemap', () => {
    const old = buildNewsSitemap([{ path: '/a', headline: 't', publishedAt: '2026-11-17T00:00:00Z', lastmod: '2026-11-17T00:00:00Z' }], SITE, 'Kiji');
    expect(checkNewsSitemap(old, NOW).join()).toContain('outside the last 48 hours');
    // Old and changed lately is a running live page only if its lastmod says so; a lastmod in the future is no excuse.
    const future = buildNewsSitemap([{ path: '/a', headline: 't', publishedAt: '2026-11-17T00:00:00Z', lastmod: '2026-11-21T00:00:00Z' }], SITE, 'Kiji');
    expect(checkNewsSitemap(future, NOW).join()).toContain('outside the last 48 hours');
  });
});

describe('both engines', () => {
  it('give the same sitemaps', () => {
    expect(answers['postgres:parts']).toEqual(answers['sqlite:parts']);
    expect(answers['postgres:listing']).toEqual(answers['sqlite:listing']);
    expect(answers['postgres:news']).toEqual(answers['sqlite:news']);
  });
});
