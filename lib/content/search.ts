import { sql, type Expression, type Kysely, type OperationNodeSource, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Connection } from '../db/connect';
import { PG_SEARCH_TEXT } from '../db/migrations/0004-search';
import { gramToken } from '../text/grams';
import type { Database, Dialect } from '../db/schema';
import { isPublic, selectSummaries } from './queries';
import { toArticleSummary } from './shape';
import type { ArticleSummary, Paged } from './types';

/**
 * Site search (`/search?q=`): parsing what a reader typed, finding public
 * articles that contain it on either engine, ranking them by relevance and
 * recency, and cutting snippets with the match marked.
 */

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut to this many characters (and the reader is told). */
export const SEARCH_MAX_QUERY_LENGTH = 100;
/** Words beyond this many are ignored (and the reader is told). */
export const SEARCH_MAX_TERMS = 5;
/** The last page a search will show: nobody reads page 51 of results, and deep offsets cost. */
export const SEARCH_MAX_PAGE = 50;
/**
 * Trigram indexes need three characters. Shorter words are looked up whole
 * in indexes of short pieces (lib/text/grams.ts): a two-character word
 * (「関税」「AI」) among the two-character pieces of the headline, standfirst
 * and body (migration 0013); a one-character word (「北」) among the pieces of
 * the headline and standfirst only (migration 0009), because one kanji is in
 * almost every body, where a match would say nothing. The reader is told
 * ({@link SearchQuery.titleOnlyTerms}).
 */
export const SEARCH_SHORT_TERM = 3;

/**
 * Matches that are ranked: the newest this many. Older ones lie past the
 * last page a reader can reach, and ranking every match of a common word
 * among 100,000 articles took over a second (docs/benchmarks-findability.md).
 */
export const SEARCH_CANDIDATES = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;

/**
 * On SQLite, a word found in more than this many articles is searched from
 * the newest article down instead of from its matches up (see
 * `searchArticles`): reading the row of every one of 25,000 matches to keep
 * the public ones and order them by date took 120 ms at 100,000 articles.
 */
export const SEARCH_INDEX_SCAN_ABOVE = 2_000;

// A title or standfirst match says more than one deep in the body. A word
// found in neither is in the body (that is how it matched), so the body is
// never scanned again to rank it.
const WEIGHT = { headline: 4, standfirst: 2, body: 1 } as const;
// Days over which a match's weight halves: this week's story outranks last year's equal match.
const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;
/** A word's length in characters (code points), as the indexes count them. */
const length = (term: string) => Array.from(term).length;

/** How results are ordered: `relevance` (関連度, the default) or `newest` (新しい順). */
export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * How far back results may go, in days before now (`all`: no limit). A
 * month is 30 days and a year 365: a reader asks for "the last month", not
 * for a calendar month.
 */
export const SEARCH_PERIOD_DAYS = { all: null, week: 7, month: 30, year: 365 } as const;
export type SearchPeriod = keyof typeof SEARCH_PERIOD_DAYS;
export const SEARCH_PERIODS = Object.keys(SEARCH_PERIOD_DAYS) as [SearchPeriod, ...SearchPeriod[]];

/** The reader's choice of order and period (`/search?sort=&period=`). */
export type SearchFilters = { sort: SearchSort; period: SearchPeriod };
export const DEFAULT_SEARCH_FILTERS: SearchFilters = { sort: 'relevance', period: 'all' };

export type SearchQuery = {
  /** The query as searched: normalised and cut to size. */
  text: string;
  /** Whitespace-separated words; an article must contain all of them. */
  terms: string[];
  /** True when the query was cut to {@link SEARCH_MAX_QUERY_LENGTH} or {@link SEARCH_MAX_TERMS}. */
  truncated: boolean;
  /**
   * The words of one character, looked for in headlines and standfirsts
   * only (see {@link SEARCH_SHORT_TERM}); the page tells the reader so.
   */
  titleOnlyTerms: string[];
};

/** A run of text, marked when it is a match to highlight. */
export type TextSegment = { text: string; match: boolean };

export type SearchHit = { article: ArticleSummary; headline: TextSegment[]; snippet: TextSegment[] };

/**
 * `totalItems` counts at most {@link SEARCH_CANDIDATES} matches (all a
 * reader can page through); `totalCapped` says there are more, and the page
 * says 「1,000件以上」.
 */
export type SearchResults = Paged<SearchHit> & { query: SearchQuery; filters: SearchFilters; totalCapped: boolean };

export type SearchOptions = {
  /** The reader's order and period; {@link DEFAULT_SEARCH_FILTERS} when not given. */
  filters?: SearchFilters;
  /** How many of the newest matches are ranked and counted; tests lower it. */
  candidates?: number;
  /** SQLite: above this many matches, scan from the newest article down; tests move it to try both plans. */
  indexScanAbove?: number;
};

/**
 * What a reader typed, made safe to search: the first value when the
 * parameter repeats, NFKC-normalised (full-width Latin letters and digits,
 * half-width kana and the ideographic space become their usual forms),
 * control characters removed, whitespace collapsed, cut to size. Null when
 * nothing searchable is left.
 */
export function parseSearchQuery(raw: string | string[] | undefined | null): SearchQuery | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return null;
  const cleaned = value
    .slice(0, SEARCH_MAX_QUERY_LENGTH * 8) // bound the work on a huge input before normalising it
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') return null;
  const chars = Array.from(cleaned);
  let truncated = chars.length > SEARCH_MAX_QUERY_LENGTH || value.length > SEARCH_MAX_QUERY_LENGTH * 8;
  const text = chars.slice(0, SEARCH_MAX_QUERY_LENGTH).join('').trim();
  const unique = [...new Set(text.split(' ').filter((t) => t !== ''))];
  if (unique.length > SEARCH_MAX_TERMS) truncated = true;
  const terms = unique.slice(0, SEARCH_MAX_TERMS);
  return { text: terms.join(' '), terms, truncated, titleOnlyTerms: terms.filter((t) => length(t) === 1) };
}

/**
 * The address of a search: the words, then order, period and page only
 * where they differ from the defaults, so the plain address stays `?q=`.
 */
export function searchPath(text: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams({ q: text });
  if (filters.sort !== DEFAULT_SEARCH_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.period !== DEFAULT_SEARCH_FILTERS.period) params.set('period', filters.period);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchFiltersSchema = z.object({
  sort: z.preprocess(firstValue, z.enum(SEARCH_SORTS)).catch(DEFAULT_SEARCH_FILTERS.sort),
  period: z.preprocess(firstValue, z.enum(SEARCH_PERIODS)).catch(DEFAULT_SEARCH_FILTERS.period),
});

/**
 * The `sort` and `period` parameters as given (the first value when one
 * repeats). Anything missing or unknown falls back to the default, so an
 * old or hand-edited address still searches.
 */
export function parseSearchFilters(raw: { sort?: string | string[]; period?: string | string[] }): SearchFilters {
  return searchFiltersSchema.parse({ sort: raw.sort, period: raw.period });
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// An FTS5 string is a phrase: quotes doubled, so `"`, `*`, `AND`, `NEAR(`
// in a query are words to find, never query syntax.
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * The keys (`k`) of articles containing every term, whatever their status:
 * callers join them to `articles` and keep what readers may see. Driving
 * the query from the matches, not from the articles, keeps a rare word
 * cheap among 100,000 articles.
 */
function matchingKeys(dialect: Dialect, terms: string[]): RawBuilder<unknown> {
  const one = terms.filter((t) => length(t) === 1).map((t) => t.toLowerCase());
  const two = terms.filter((t) => length(t) === 2).map((t) => t.toLowerCase());
  const long = terms.filter((t) => length(t) >= SEARCH_SHORT_TERM);
  if (dialect === 'sqlite') {
    const sets: RawBuilder<unknown>[] = [];
    if (long.length > 0) sets.push(sql`select rowid as k from articles_fts where articles_fts match ${long.map(ftsPhrase).join(' AND ')}`);
    // Short words are looked up whole among the pieces: two-character ones
    // in the whole text (migration 0013), one-character ones in the headline
    // and standfirst (migration 0009).
    if (two.length > 0) sets.push(sql`select rowid as k from articles_bigrams where articles_bigrams match ${two.map(gramToken).join(' AND ')}`);
    if (one.length > 0) sets.push(sql`select rowid as k from articles_title_grams where articles_title_grams match ${one.map(gramToken).join(' AND ')}`);
    return sql.join(sets, sql` intersect `);
  }
  const conditions = [
    // The indexed expressions of 0013-bigrams.ts and 0009-title-grams.ts: the article's pieces contain every short word.
    ...(two.length > 0 ? [sql`kiji_bigrams(headline, standfirst, body) @> ${two}::text[]`] : []),
    ...(one.length > 0 ? [sql`kiji_title_grams(headline, standfirst) @> ${one}::text[]`] : []),
    // The indexed expression of 0004-search.ts, so the trigram index serves it.
    ...long.map((t) => sql`${sql.raw(PG_SEARCH_TEXT)} ilike ${likePattern(t)} escape '\\'`),
  ];
  // OFFSET 0 keeps PostgreSQL from merging this into the outer query: given a
  // narrow period it walked the date index and computed each article's
  // pieces to test it (2 ms an article) instead of reading the GIN indexes.
  return sql`select id as k from articles where ${sql.join(conditions, sql` and `)} offset 0`;
}

function rankExpression(dialect: Dialect, terms: string[], now: Date): RawBuilder<number> {
  const contains = (column: Expression<unknown> | RawBuilder<unknown>, term: string) =>
    dialect === 'postgres' ? sql`strpos(lower(${column}), lower(${term})) > 0` : sql`instr(lower(${column}), lower(${term})) > 0`;
  const score = sql.join(
    terms.map((t) => {
      const inHead = sql`(case when ${contains(sql.ref('articles.headline'), t)} then ${sql.lit(WEIGHT.headline)} else 0 end
        + case when ${contains(sql`coalesce(articles.standfirst, '')`, t)} then ${sql.lit(WEIGHT.standfirst)} else 0 end)`;
      return sql`(case when ${inHead} > 0 then ${inHead} else ${sql.lit(WEIGHT.body)} end)`;
    }),
    sql` + `,
  );
  const ageDays =
    dialect === 'postgres'
      ? sql`greatest(extract(epoch from (${now.toISOString()}::timestamptz - articles.published_at)) / 86400.0, 0)`
      : sql`max(julianday(${now.toISOString()}) - julianday(articles.published_at), 0)`;
  const halfLife = sql.lit(RECENCY_HALF_LIFE_DAYS);
  return sql<number>`((${score}) * ${halfLife} * 1.0 / (${halfLife} + ${ageDays}))`;
}

/**
 * Public articles containing every term, best first: a weighted count of
 * where the terms occur (headline, standfirst, body) that halves every
 * {@link RECENCY_HALF_LIFE_DAYS} days of age, then newest first; or newest
 * first only, when the reader sorts by 新しい順. Only articles of the
 * reader's period, and of those only the newest {@link SEARCH_CANDIDATES}
 * matches, are ranked and counted. `page` is 1-based; past the last page it
 * returns no items.
 *
 * Two plans on SQLite. A word in a few articles is read from its matches
 * up: each match's row is checked (public?) and the few are sorted by date.
 * A word in thousands (more than {@link SEARCH_INDEX_SCAN_ABOVE}) is read
 * from the newest public article down, along the (status, published_at)
 * index, keeping the ones in the match set, until there are enough: only the
 * candidates' rows are read. At 100,000 articles, for a word in 25,000 of
 * them: 17 ms and 9 ms for the candidates and the count, against 70 and 51.
 *
 * The SQL differs per engine (ADR 0007), so it takes the connection's
 * dialect as opened from the settings, never one guessed from the Kysely
 * instance: `instanceof PostgresAdapter` was false in the production build,
 * where Kysely is bundled into more than one server chunk, and PostgreSQL got
 * SQLite's full-text query (a 500 on every search).
 */
export async function searchArticles(
  { db, dialect }: Connection,
  query: SearchQuery,
  page: number,
  now: Date,
  {
    filters = DEFAULT_SEARCH_FILTERS,
    candidates: candidateLimit = SEARCH_CANDIDATES,
    indexScanAbove = SEARCH_INDEX_SCAN_ABOVE,
  }: SearchOptions = {},
): Promise<SearchResults> {
  const keys = matchingKeys(dialect, query.terms);
  const fromNewest = dialect === 'sqlite' && (await countUpTo(db, keys, indexScanAbove + 1)) > indexScanAbove;
  const key = dialect === 'sqlite' ? sql`articles.rowid` : sql`articles.id`;
  const days = SEARCH_PERIOD_DAYS[filters.period];
  const since = days === null ? null : new Date(now.getTime() - days * DAY_MS).toISOString();
  const unfiltered = fromNewest
    ? // The unary + keeps SQLite from answering `rowid IN` by looking up each match,
      // so it walks the (status, published_at) index from the newest down.
      db.selectFrom('articles').where(isPublic(now)).where(sql<SqlBool>`+articles.rowid in (select k from (${keys}))`)
    : // CROSS JOIN keeps SQLite from reordering: without statistics its planner
      // walks every public article and runs the full-text match once per row
      // (seconds at 100,000 articles). PostgreSQL plans it as an ordinary join.
      db
        .selectFrom(sql`(${keys})`.as('m'))
        .crossJoin('articles')
        .where(sql<SqlBool>`${key} = m.k`)
        .where(isPublic(now));
  // The same (status, published_at) index bounds the walk from the newest down.
  const matches = since === null ? unfiltered : unfiltered.where('articles.published_at', '>=', since);
  const counted = await countUpTo(db, matches.select(sql.lit(1).as('one')), candidateLimit + 1);
  const totalCapped = counted > candidateLimit;
  const totalItems = Math.min(counted, candidateLimit);
  const totalPages = Math.max(1, Math.min(SEARCH_MAX_PAGE, Math.ceil(totalItems / SEARCH_PAGE_SIZE)));
  const empty = { items: [], page, totalPages, totalItems, totalCapped, query, filters };
  if (totalItems === 0 || page > totalPages) return empty;
  // Rank the newest candidates (新しい順: all rank the same, so date decides),
  // take one page of ids, then read those articles whole.
  const rank = filters.sort === 'relevance' ? rankExpression(dialect, query.terms, now) : sql<number>`0`;
  const candidates = matches
    .select(['articles.id', 'articles.published_at', rank.as('rank')])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(candidateLimit);
  const ranked = await db
    .selectFrom(candidates.as('c'))
    .select('c.id')
    .orderBy('c.rank', 'desc')
    .orderBy('c.published_at', 'desc')
    .orderBy('c.id')
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .execute();
  const ids = ranked.map((r) => r.id);
  if (ids.length === 0) return empty;
  // One primary-key read per hit: an `IN` list of ids lets SQLite's planner
  // prefer the status index and scan every public article instead.
  const rows = await Promise.all(
    ids.map((id) => selectSummaries(db, now).select(['articles.body']).where('articles.id', '=', id).executeTakeFirst()),
  );
  const byId = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const article = toArticleSummary(row);
    const text = [row.standfirst, toSnippetText(row.body)].filter(Boolean).join('\n');
    return [{ article, headline: highlightTerms(article.headline, query.terms), snippet: cutSnippet(text, query.terms) }];
  });
  return { items, page, totalPages, totalItems, totalCapped, query, filters };
}

/** How many rows a query (a select or raw SQL) returns, counting no further than `limit`. */
async function countUpTo(db: Kysely<Database>, rows: OperationNodeSource, limit: number): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from (select 1 as one from (${rows}) as r limit ${limit}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The words of a Markdown body, roughly, for snippets: directive lines
 * (figures, page breaks) dropped, block and inline markup removed, link
 * text kept. Parsing each body properly (lib/text/markdown) costs ~6 ms an
 * article, a tenth of a second for a page of results; a snippet only needs
 * readable words, and React escapes whatever is left.
 */
export function toSnippetText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('::'))
    .map((line) => line.replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, ''))
    .join('\n')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/:[a-z]+\[([^\]]*)\](\{[^}]*\})?/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/(\*{1,3}|_{2,3})([^*_]+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

function termPattern(terms: string[]): RegExp | null {
  const usable = terms.filter((t) => t !== '').sort((a, b) => b.length - a.length);
  if (usable.length === 0) return null;
  return new RegExp(usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/** `text` split into runs, with every case-insensitive occurrence of a term marked. */
export function highlightTerms(text: string, terms: string[]): TextSegment[] {
  const pattern = termPattern(terms);
  if (!pattern) return text === '' ? [] : [{ text, match: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/**
 * About `width` characters of `text` around the first match, cut with `…`
 * where the text goes on, matches marked. Without a match in the text (the
 * words were in the headline), the opening of the text.
 */
export function cutSnippet(text: string, terms: string[], width = 120): TextSegment[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  const first = termPattern(terms)?.exec(flat);
  // Code-point offset of the match, so surrogate pairs are never cut in half.
  const at = first ? Array.from(flat.slice(0, first.index)).length : 0;
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), chars.length - width));
  const end = Math.min(chars.length, start + width);
  const body = chars.slice(start, end).join('');
  return highlightTerms(`${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`, terms);
}
