import { createRequire } from 'node:module';
import { PostgresAdapter, SqliteAdapter } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import type { Database } from '../db/schema';
import { prepareDatabase } from '../db/prepare';
import { testDatabases } from '../../test/support/database';
import { demoArticles } from '../seed/demo/articles';
import { deriveArticleId } from './ids';
import {
  cutSnippet,
  DEFAULT_SEARCH_FILTERS,
  highlightTerms,
  parseSearchFilters,
  parseSearchQuery,
  searchArticles,
  searchPath,
  SEARCH_MAX_QUERY_LENGTH,
  SEARCH_MAX_TERMS,
  SEARCH_PAGE_SIZE,
  toSnippetText,
  type SearchFilters,
  type SearchQuery,
} from './search';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const DAY = 86_400_000;

describe('parseSearchQuery', () => {
  it('returns null for nothing searchable', () => {
    for (const raw of [undefined, null, '', '   ', '\u3000\u3000', '\u0000\u0007', [], ['']]) expect(parseSearchQuery(raw as never)).toBeNull();
  });

  it('normalises full-width letters, the ideographic space and repeated parameters', () => {
    expect(parseSearchQuery('ＡＩ\u3000半導体')).toEqual({ text: 'AI 半導体', terms: ['AI', '半導体'], truncated: false, titleOnlyTerms: [] });
    expect(parseSearchQuery(['北朝鮮', '無視']))?.toMatchObject({ terms: ['北朝鮮'] });
    expect(parseSearchQuery(' 外交  外交 ')?.terms).toEqual(['外交']);
  });

  it('cuts huge queries and too many words, and says so', () => {
    const long = parseSearchQuery('あ'.repeat(100_000));
    expect(Array.from(long!.text)).toHaveLength(SEARCH_MAX_QUERY_LENGTH);
    expect(long!.truncated).toBe(true);
    const many = parseSearchQuery('一 二 三 四 五 六 七');
    expect(many!.terms).toHaveLength(SEARCH_MAX_TERMS);
    expect(many!.truncated).toBe(true);
  });

  it('names the one-character words, which are looked for in headlines and standfirsts only', () => {
    expect(parseSearchQuery('北 関税 半導体 Ａ')?.titleOnlyTerms).toEqual(['北', 'A']);
    expect(parseSearchQuery('関税 半導体')?.titleOnlyTerms).toEqual([]);
    // One character, however many UTF-16 units it takes.
    expect(parseSearchQuery('𠮷')?.titleOnlyTerms).toEqual(['𠮷']);
  });
});

describe('parseSearchFilters', () => {
  it('reads the order and period a reader chose', () => {
    expect(parseSearchFilters({ sort: 'newest', period: 'week' })).toEqual({ sort: 'newest', period: 'week' });
    expect(parseSearchFilters({ sort: ['relevance', 'newest'], period: ['year'] })).toEqual({ sort: 'relevance', period: 'year' });
  });

  it('falls back to 関連度 and すべて for anything missing or unknown', () => {
    for (const raw of [{}, { sort: 'oldest', period: 'decade' }, { sort: '', period: [] }, { sort: 'NEWEST', period: ' week' }, { sort: '<script>', period: '%00' }]) {
      expect(parseSearchFilters(raw as never)).toEqual(DEFAULT_SEARCH_FILTERS);
    }
    expect(parseSearchFilters({ sort: 'newest', period: 'forever' })).toEqual({ sort: 'newest', period: 'all' });
  });
});

describe('searchPath', () => {
  it('names order, period and page only when they are not the defaults', () => {
    expect(searchPath('関税', DEFAULT_SEARCH_FILTERS)).toBe('/search?q=%E9%96%A2%E7%A8%8E');
    expect(searchPath('AI 半導体', { sort: 'newest', period: 'month' }, 3)).toBe('/search?q=AI+%E5%8D%8A%E5%B0%8E%E4%BD%93&sort=newest&period=month&page=3');
    expect(searchPath('a&b=c', { sort: 'relevance', period: 'week' })).toBe('/search?q=a%26b%3Dc&period=week');
    const back = new URL(searchPath('100% "引用"', { sort: 'newest', period: 'all' }, 2), 'https://kiji.example').searchParams;
    expect(parseSearchQuery(back.get('q'))?.text).toBe('100% "引用"');
    expect(parseSearchFilters({ sort: back.get('sort') ?? undefined, period: back.get('period') ?? undefined })).toEqual({ sort: 'newest', period: 'all' });
  });
});

describe('toSnippetText', () => {
  it('keeps the words of a body and drops its markup', () => {
    const body = '## 見出し\n\n本文の**強調**と[リンク](/topics/a)。\n\n::figure[写真]{src="/media/a.webp" alt="a"}\n\n> 引用\n\n- 項目\n\n::pagebreak\n\n2ページ目';
    expect(toSnippetText(body)).toBe('見出し\n\n本文の強調とリンク。\n\n\n引用\n\n項目\n\n\n2ページ目');
  });
});

describe('highlightTerms and cutSnippet', () => {
  it('marks every case-insensitive occurrence', () => {
    expect(highlightTerms('AIとai、北朝鮮', ['ai', '北朝鮮'])).toEqual([
      { text: 'AI', match: true },
      { text: 'と', match: false },
      { text: 'ai', match: true },
      { text: '、', match: false },
      { text: '北朝鮮', match: true },
    ]);
    expect(highlightTerms('a.b', ['.'])).toEqual([
      { text: 'a', match: false },
      { text: '.', match: true },
      { text: 'b', match: false },
    ]);
  });

  it('centres the snippet on the first match and marks cuts with …', () => {
    const text = `${'前'.repeat(200)}北朝鮮${'後'.repeat(200)}`;
    const snippet = cutSnippet(text, ['北朝鮮'], 60);
    const joined = snippet.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(snippet.find((s) => s.match)?.text).toBe('北朝鮮');
    expect(Array.from(joined)).toHaveLength(62);
  });

  it('never cuts a surrogate pair in half', () => {
    const joined = cutSnippet(`${'𠮷'.repeat(50)}野家`, ['野家'], 10)
      .map((s) => s.text)
      .join('');
    expect(joined).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });
});

// Fictional articles written for this test: where the word sits and how old it is decide the ranking.
const FIXTURES = [
  { key: 'search-headline', headline: '露朝関係と北朝鮮外交の行方', standfirst: '周辺国が注視する', body: '本文には関係のない話題が続く。', daysAgo: 2 },
  { key: 'search-body', headline: '東アジアの安全保障会議が閉幕', standfirst: null, body: '議題の一つに北朝鮮外交が挙がった。', daysAgo: 2 },
  { key: 'search-old-headline', headline: '北朝鮮外交を振り返る一年', standfirst: '年末の回顧。', body: '一年の動き。', daysAgo: 400 },
  { key: 'search-draft', headline: '北朝鮮外交の下書き記事', standfirst: null, body: '未公開。', daysAgo: 1, status: 'draft' as const },
  { key: 'search-unpublished', headline: '取り下げた北朝鮮外交の記事', standfirst: null, body: '取り下げ済み。', daysAgo: 1, status: 'unpublished' as const },
  { key: 'search-future', headline: '予約中の北朝鮮外交の記事', standfirst: null, body: '予約。', daysAgo: -1, status: 'published' as const },
  { key: 'search-hostile', headline: '100%_の"引用"と\\記号', standfirst: "' OR 1=1 -- と NEAR(a b) と *", body: '記号だけの記事。', daysAgo: 3 },
  // 関税 in the body only, as most stories that mention it have it (issue 16); and in articles readers must not see.
  { key: 'search-two-body', headline: '港の再開発計画まとまる', standfirst: '市が来年度に着手', body: '輸入品にかかる関税の扱いは来年決まる。', daysAgo: 5 },
  { key: 'search-two-draft', headline: '下書きのままの記事', standfirst: null, body: '関税の下書き。', daysAgo: 1, status: 'draft' as const },
  { key: 'search-two-unpublished', headline: '取り下げた記事', standfirst: null, body: '取り下げた関税の話。', daysAgo: 1, status: 'unpublished' as const },
  { key: 'search-two-future', headline: '予約中の記事', standfirst: null, body: '予約した関税の話。', daysAgo: -1, status: 'published' as const },
  // 潮目 (in no demo article) at four ages, for the order and the period.
  { key: 'search-tide-1', headline: '市場は静かな一日', standfirst: null, body: '相場の潮目はまだ見えない。', daysAgo: 1 },
  { key: 'search-tide-10', headline: '潮目が変わった為替相場', standfirst: null, body: '円が急伸した。', daysAgo: 10 },
  { key: 'search-tide-100', headline: '春の株主総会を前に', standfirst: null, body: '潮目を読む投資家。', daysAgo: 100 },
  { key: 'search-tide-500', headline: '二年前の相場回顧', standfirst: null, body: 'あの年の潮目。', daysAgo: 500 },
  // Rewritten by the correction test, and by nothing else.
  { key: 'search-corrected', headline: 'のちに訂正される記事', standfirst: null, body: '当初は円高と書いた。', daysAgo: 4 },
];

/** The articles readers may see at NOW, with all their text: the demo's and the fixtures'. */
const PUBLIC_TEXTS = [
  ...demoArticles.filter((a) => !a.status).map((a) => ({ id: deriveArticleId(a.key), text: `${a.headline}\n${a.standfirst ?? ''}\n${a.body}` })),
  ...FIXTURES.filter((f) => (f.status ?? 'published') === 'published' && f.daysAgo >= 0 && f.key !== 'search-corrected').map((f) => ({
    id: deriveArticleId(f.key),
    text: `${f.headline}\n${f.standfirst ?? ''}\n${f.body}`,
  })),
];

const q = (raw: string): SearchQuery => {
  const parsed = parseSearchQuery(raw);
  if (!parsed) throw new Error(`unsearchable: ${raw}`);
  return parsed;
};

const answers: Record<string, unknown> = {};

/**
 * `conn`'s database as another copy of Kysely sees it (the CommonJS build,
 * beside the ES module build this file imports), on the same connections:
 * what a production server has, whose chunks each bundle their own Kysely.
 */
function throughAnotherKysely(conn: Connection): Connection {
  const copy = createRequire(import.meta.url)('kysely') as typeof import('kysely');
  const [compiler, adapter] =
    conn.dialect === 'postgres' ? [new copy.PostgresQueryCompiler(), new copy.PostgresAdapter()] : [new copy.SqliteQueryCompiler(), new copy.SqliteAdapter()];
  const executor = new copy.DefaultQueryExecutor(compiler, adapter, conn.db.getExecutor(), []);
  // Kysely's own constructor for an instance built from parts (what its transactions use).
  const props = { config: {}, executor, dialect: {}, driver: {} } as unknown as ConstructorParameters<typeof copy.Kysely<Database>>[0];
  return { db: new copy.Kysely<Database>(props), dialect: conn.dialect };
}

describe.each(testDatabases('search'))('searchArticles on $engine', (database) => {
  let conn: Connection;
  const ids = (results: Awaited<ReturnType<typeof searchArticles>>) => results.items.map((h) => h.article.id);
  const id = (key: string) => deriveArticleId(key);

  beforeAll(async () => {
    conn = await database.open();
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
    for (const f of FIXTURES) {
      const at = new Date(NOW.getTime() - f.daysAgo * DAY).toISOString();
      await conn.db
        .insertInto('articles')
        .values({
          id: id(f.key),
          status: f.status ?? 'published',
          headline: f.headline,
          standfirst: f.standfirst,
          body: f.body,
          section_slug: 'world',
          sponsored: 0,
          published_at: at,
          updated_at: at,
          created_at: at,
        })
        .execute();
    }
  }, 120_000);

  afterAll(() => database.dispose(conn));

  it('finds a word inside a longer run of Japanese text, best match first', async () => {
    const results = await searchArticles(conn, q('北朝鮮外交'), 1, NOW);
    expect(ids(results)).toEqual([id('search-headline'), id('search-body'), id('search-old-headline')]);
    const top = results.items[0]!;
    expect(top.headline.filter((s) => s.match).map((s) => s.text)).toEqual(['北朝鮮外交']);
    answers[`${database.engine}:ranked`] = results;
  });

  it('finds 北朝鮮 inside 露朝関係と北朝鮮外交', async () => {
    expect(ids(await searchArticles(conn, q('北朝鮮'), 1, NOW))).toContain(id('search-headline'));
  });

  it('never returns drafts, unpublished or scheduled articles', async () => {
    const found = new Set(ids(await searchArticles(conn, q('北朝鮮外交'), 1, NOW)));
    for (const key of ['search-draft', 'search-unpublished', 'search-future']) expect(found.has(id(key))).toBe(false);
    const hidden = demoArticles.filter((a) => a.status);
    for (const a of hidden) {
      const words = Array.from(a.headline).slice(0, 6).join('');
      expect(ids(await searchArticles(conn, q(words), 1, NOW))).not.toContain(deriveArticleId(a.key));
    }
  });

  it('requires every word', async () => {
    expect(ids(await searchArticles(conn, q('北朝鮮外交 回顧'), 1, NOW))).toEqual([id('search-old-headline')]);
  });

  it('matches one- and two-character words in headlines and standfirsts', async () => {
    const two = ids(await searchArticles(conn, q('露朝'), 1, NOW));
    expect(two).toContain(id('search-headline'));
    expect(ids(await searchArticles(conn, q('注視'), 1, NOW))).toContain(id('search-headline'));
    const one = await searchArticles(conn, q('露'), 1, NOW);
    expect(ids(one)).toContain(id('search-headline'));
  });

  it('finds a two-character word in every public article that has it, wherever it is, and in no other', async () => {
    // Issue 16: 関税 was found only in the three demo articles with it in the headline or standfirst, of five.
    const withBodyOnly = demoArticles.filter((a) => !a.status && a.body.includes('関税') && !`${a.headline}${a.standfirst ?? ''}`.includes('関税'));
    expect(withBodyOnly.length).toBeGreaterThanOrEqual(2);
    for (const word of ['関税', '外交', '熊本', '潮目', '港湾']) {
      const expected = PUBLIC_TEXTS.filter((a) => a.text.includes(word)).map((a) => a.id);
      expect(expected.length, word).toBeGreaterThan(0);
      expect(expected.length, word).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
      const results = await searchArticles(conn, q(word), 1, NOW);
      expect(ids(results).sort(), word).toEqual(expected.sort());
      expect(results.totalItems, word).toBe(expected.length);
    }
    const found = ids(await searchArticles(conn, q('関税'), 1, NOW));
    for (const key of ['search-two-body']) expect(found).toContain(id(key));
    for (const key of ['search-two-draft', 'search-two-unpublished', 'search-two-future']) expect(found).not.toContain(id(key));
    for (const a of demoArticles.filter((d) => d.status)) expect(found).not.toContain(deriveArticleId(a.key));
  });

  it('finds two-character words in the body with the other words of the query', async () => {
    // 関税 from the new index, 輸入品 from the trigram one, 港 from the headline pieces.
    expect(ids(await searchArticles(conn, q('関税 輸入品'), 1, NOW))).toEqual([id('search-two-body')]);
    expect(ids(await searchArticles(conn, q('港 関税'), 1, NOW))).toEqual([id('search-two-body')]);
    expect(ids(await searchArticles(conn, q('関税 潮目'), 1, NOW))).toEqual([]);
    const hit = (await searchArticles(conn, q('関税'), 1, NOW)).items.find((h) => h.article.id === id('search-two-body'))!;
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['関税']);
  });

  it('looks for one-character words in headlines and standfirsts only', async () => {
    // 潮 is in the body of search-tide-1 and the headline of search-tide-10.
    const found = ids(await searchArticles(conn, q('潮'), 1, NOW));
    expect(found).toContain(id('search-tide-10'));
    expect(found).not.toContain(id('search-tide-1'));
    expect((await searchArticles(conn, q('潮'), 1, NOW)).query.titleOnlyTerms).toEqual(['潮']);
  });

  it('follows corrections, unpublishing and deletion', async () => {
    const corrected = id('search-corrected');
    const finds = async (word: string) => ids(await searchArticles(conn, q(word), 1, NOW)).includes(corrected);
    expect(await finds('円高')).toBe(true);
    await conn.db.updateTable('articles').set({ body: '正しくは円安だった。', headline: '訂正した記事' }).where('id', '=', corrected).execute();
    expect(await finds('円高')).toBe(false);
    expect(await finds('円安')).toBe(true);
    expect(await finds('訂正')).toBe(true);
    // A save that writes the same text back (as the newsroom does) keeps the article findable.
    await conn.db.updateTable('articles').set({ body: '正しくは円安だった。', status: 'published' }).where('id', '=', corrected).execute();
    expect(await finds('円安')).toBe(true);
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', corrected).execute();
    expect(await finds('円安')).toBe(false);
    await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', corrected).execute();
    expect(await finds('円安')).toBe(true);
    await conn.db.deleteFrom('articles').where('id', '=', corrected).execute();
    expect(await finds('円安')).toBe(false);
  });

  it('sorts by relevance or by date', async () => {
    const tide = (key: number) => id(`search-tide-${key}`);
    const byRelevance = await searchArticles(conn, q('潮目'), 1, NOW);
    // In the headline ten days ago outranks in the body yesterday.
    expect(ids(byRelevance)).toEqual([tide(10), tide(1), tide(100), tide(500)]);
    expect(byRelevance.filters).toEqual(DEFAULT_SEARCH_FILTERS);
    const newest = await searchArticles(conn, q('潮目'), 1, NOW, { filters: { sort: 'newest', period: 'all' } });
    expect(ids(newest)).toEqual([tide(1), tide(10), tide(100), tide(500)]);
    expect(newest.filters).toEqual({ sort: 'newest', period: 'all' });
    const dates = (await searchArticles(conn, q('の'), 1, NOW, { filters: { sort: 'newest', period: 'all' } })).items.map((h) => h.article.publishedAt);
    expect(dates.length).toBeGreaterThan(5);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps to the period a reader chose', async () => {
    const tide = (key: number) => id(`search-tide-${key}`);
    const within = async (filters: SearchFilters) => ids(await searchArticles(conn, q('潮目'), 1, NOW, { filters }));
    expect(await within({ sort: 'newest', period: 'week' })).toEqual([tide(1)]);
    expect(await within({ sort: 'newest', period: 'month' })).toEqual([tide(1), tide(10)]);
    expect(await within({ sort: 'newest', period: 'year' })).toEqual([tide(1), tide(10), tide(100)]);
    expect(await within({ sort: 'relevance', period: 'month' })).toEqual([tide(10), tide(1)]);
    const week = await searchArticles(conn, q('の'), 1, NOW, { filters: { sort: 'relevance', period: 'week' } });
    expect(week.totalItems).toBeGreaterThan(0);
    for (const hit of week.items) expect(Date.parse(hit.article.publishedAt)).toBeGreaterThanOrEqual(NOW.getTime() - 7 * DAY);
    expect(week.totalItems).toBeLessThan((await searchArticles(conn, q('の'), 1, NOW)).totalItems);
  });

  it('treats query syntax and SQL as words to find', async () => {
    for (const raw of ['%', '_', '"', '\\', "' OR 1=1 --", 'NEAR(a b)', '*', '100%_', '"引用"', 'a" OR "b', ')(', 'AND', '-北朝鮮']) {
      await expect(searchArticles(conn, q(raw), 1, NOW)).resolves.toBeDefined();
    }
    expect(ids(await searchArticles(conn, q('100%_'), 1, NOW))).toEqual([id('search-hostile')]);
    expect(ids(await searchArticles(conn, q('"引用"'), 1, NOW))).toEqual([id('search-hostile')]);
    expect(ids(await searchArticles(conn, q("' OR 1=1 --"), 1, NOW))).toEqual([id('search-hostile')]);
    // `%` is a character to find, not a wildcard: only texts that contain one.
    const percent = await searchArticles(conn, q('%'), 1, NOW);
    expect(ids(percent)).toContain(id('search-hostile'));
    for (const hit of percent.items) expect(`${hit.article.headline}${hit.article.standfirst ?? ''}`).toContain('%');
  });

  it('returns nothing, not an error, for words nobody wrote or a page past the end', async () => {
    const none = await searchArticles(conn, q('存在しない語句の組み合わせ'), 1, NOW);
    expect(none.totalItems).toBe(0);
    expect(none.items).toEqual([]);
    const past = await searchArticles(conn, q('北朝鮮外交'), 9, NOW);
    expect(past.items).toEqual([]);
  });

  it('pages through many results', async () => {
    const first = await searchArticles(conn, q('の'), 1, NOW);
    // The demo has far more than a page of stories with 「の」: if it ever does not, this must fail, not pass unchecked.
    expect(first.totalPages).toBeGreaterThan(1);
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await searchArticles(conn, q('の'), 2, NOW);
    expect(second.items.length).toBeGreaterThan(0);
    expect(ids(second).filter((x) => ids(first).includes(x))).toEqual([]);
    answers[`${database.engine}:paged`] = first;
    answers[`${database.engine}:two`] = await searchArticles(conn, q('関税'), 1, NOW);
    answers[`${database.engine}:newest`] = await searchArticles(conn, q('の'), 1, NOW, { filters: { sort: 'newest', period: 'year' } });
  });

  it('counts no more matches than a reader can page through, and says there are more', async () => {
    const few = await searchArticles(conn, q('北朝鮮外交'), 1, NOW);
    expect(few).toMatchObject({ totalItems: 3, totalCapped: false });
    const all = await searchArticles(conn, q('の'), 1, NOW);
    expect(all.totalItems).toBeGreaterThan(5);
    const capped = await searchArticles(conn, q('の'), 1, NOW, { candidates: 5 });
    expect(capped).toMatchObject({ totalItems: 5, totalCapped: true, totalPages: 1 });
    expect(capped.items).toHaveLength(5);
  });

  it('gives the same answers walking from the newest article down as from the matches up', async () => {
    const filterings: SearchFilters[] = [DEFAULT_SEARCH_FILTERS, { sort: 'newest', period: 'month' }];
    for (const raw of ['北朝鮮外交', 'の', '露朝', '関税', '潮目', '北朝鮮外交 回顧', '%', '存在しない語句の組み合わせ']) {
      for (const candidates of [5, undefined]) {
        for (const filters of filterings) {
          const fromMatches = await searchArticles(conn, q(raw), 1, NOW, { filters, candidates, indexScanAbove: 1_000_000_000 });
          const fromNewest = await searchArticles(conn, q(raw), 1, NOW, { filters, candidates, indexScanAbove: 0 });
          expect(fromNewest, `${raw}, ${candidates ?? 'all'} candidates, ${filters.sort} ${filters.period}`).toEqual(fromMatches);
        }
      }
    }
  });

  it('searches with its engine\'s SQL when Kysely is another copy than this module\'s, as in a bundled server', async () => {
    const other = throughAnotherKysely(conn);
    expect(other.db.getExecutor().adapter).not.toBeInstanceOf(database.engine === 'postgres' ? PostgresAdapter : SqliteAdapter);
    const results = await searchArticles(other, q('北朝鮮外交'), 1, NOW);
    expect(ids(results)).toEqual([id('search-headline'), id('search-body'), id('search-old-headline')]);
  });

  it('shows a snippet with the match marked', async () => {
    const results = await searchArticles(conn, q('北朝鮮外交'), 1, NOW);
    const body = results.items.find((h) => h.article.id === id('search-body'))!;
    expect(body.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['北朝鮮外交']);
  });
});

describe('both engines', () => {
  it('give the same answers', () => {
    // Each engine's answers are there (undefined on both sides would compare equal and prove nothing).
    const kinds = ['ranked', 'paged', 'two', 'newest'];
    expect(Object.keys(answers).sort()).toEqual(['postgres', 'sqlite'].flatMap((engine) => kinds.map((k) => `${engine}:${k}`)).sort());
    expect(answers['postgres:ranked']).toEqual(answers['sqlite:ranked']);
    expect(answers['postgres:paged']).toEqual(answers['sqlite:paged']);
    expect(answers['postgres:two']).toEqual(answers['sqlite:two']);
    expect(answers['postgres:newest']).toEqual(answers['sqlite:newest']);
  });
});
