import { z } from 'zod';
import { CACHE_TAGS } from '../cache/tags';
import { CONTROLS } from '../text/controls';
import { MEDIA_SRC_PATTERN, SLUG_PATTERN } from './draft';
import { SLUG_FIXED, TERM_LIMITS, type AuthorFields, type SeriesFields, type TermFields, type TermKind, type TopicFields } from './term-pages-labels';

export * from './term-pages-labels';

/**
 * The rules of 特集・連載・筆者 (docs/adr/0050-topic-series-and-author-pages.md)
 * the server enforces: the input schemas with their Japanese messages, and
 * which cached pages a change makes old. The words and limits the edit form
 * shares are ./term-pages-labels.ts (re-exported here).
 */

/**
 * The most bytes a save or create reads (lib/http/body.ts): a 1,000-character
 * profile with every character a JSON `\u` escape (6 bytes) and the rest,
 * several times over.
 */
export const TERM_PAGE_BODY_LIMIT = 32 * 1024;

/** `new` is the address of the create form (/newsroom/terms/<kind>/new). */
const RESERVED_SLUGS = new Set(['new']);

/**
 * A slug as typed: full-width letters and capitals made ASCII lower case,
 * then ASCII letters, digits and hyphens only, 2–64 characters, starting
 * and ending with a letter or digit.
 */
export const termSlugSchema = z
  .string()
  .max(200)
  .transform((s) => s.normalize('NFKC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'URL(英字の名前)を入力してください。例:energy-transition')
      .regex(SLUG_PATTERN, 'URL(英字の名前)は半角の英小文字・数字・ハイフンで入力してください。')
      .refine((s) => s.length >= 2 && !s.endsWith('-'), 'URL(英字の名前)は2文字以上で、ハイフンで終わらないようにしてください。')
      .refine((s) => !RESERVED_SLUGS.has(s), '「new」はURLに使えません。別の名前にしてください。'),
  );

/** One line of at most `max` characters: controls gone, line breaks made spaces, trimmed; a longer one refused saying how long it may be. */
const line = (max: number) =>
  z
    .string()
    .max(max * 4, `${max}文字以内で入力してください。`)
    .transform((s) =>
      s
        .replace(CONTROLS, '')
        .replace(/[\t\r\n]+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max, `${max}文字以内で入力してください。`));

const name = line(TERM_LIMITS.name).pipe(z.string().min(1, '名前を入力してください。'));

/** Text of several lines (a profile): controls gone, line breaks kept as \n, at most two in a row, trimmed. */
const lines = (max: number) =>
  z
    .string()
    .max(max * 4, `${max}文字以内で入力してください。`)
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .replace(CONTROLS, '')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(z.string().max(max, `${max}文字以内で入力してください。`));

const topicShape = { name, description: line(TERM_LIMITS.description) };
const seriesShape = { name, description: line(TERM_LIMITS.description), sponsored: z.boolean(), sponsorName: line(TERM_LIMITS.sponsorName) };
const authorShape = {
  name,
  role: line(TERM_LIMITS.role).pipe(z.string().min(1, '肩書きを入力してください(例:経済部記者)。')),
  profile: lines(TERM_LIMITS.profile),
  /** A picture of the library, by its /media address; null = no portrait. Its size is the library's, never the client's. */
  portraitSrc: z.union([z.string().regex(MEDIA_SRC_PATTERN, '写真をライブラリから選び直してください。').refine((s) => !s.includes('..')), z.null()]),
};

/** A sponsored series must say who pays; one that is not keeps no sponsor to show by mistake. */
function withSponsorRule<T extends { sponsored: boolean; sponsorName: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((f) => !f.sponsored || f.sponsorName !== '', { path: ['sponsorName'], message: '提供の連載には、提供元(スポンサー名)が必要です。' })
    .transform((f) => ({ ...f, sponsorName: f.sponsored ? f.sponsorName : '' }));
}

export const topicFieldsSchema = z.strictObject(topicShape) satisfies z.ZodType<TopicFields>;
export const seriesFieldsSchema = withSponsorRule(z.strictObject(seriesShape)) satisfies z.ZodType<SeriesFields>;
export const authorFieldsSchema = z.strictObject(authorShape) satisfies z.ZodType<AuthorFields>;

/** What a save sends for each kind: the fields, never the slug. */
export const TERM_FIELD_SCHEMAS = { topics: topicFieldsSchema, series: seriesFieldsSchema, authors: authorFieldsSchema } as const;

/** What a create sends for each kind: the slug and the fields. */
export const TERM_CREATE_SCHEMAS = {
  topics: z.strictObject({ slug: termSlugSchema, ...topicShape }),
  series: withSponsorRule(z.strictObject({ slug: termSlugSchema, ...seriesShape })),
  authors: z.strictObject({ slug: termSlugSchema, ...authorShape }),
} as const;

/** Field names as the form labels them, for messages. */
const FIELD_LABELS: Record<string, string> = {
  name: '名前',
  slug: 'URL',
  description: '説明',
  sponsored: '提供',
  sponsorName: '提供元',
  role: '肩書き',
  profile: 'プロフィール',
  portraitSrc: '写真',
};

const JAPANESE = /[ぁ-んァ-ン一-龯]/;

/** A refused input's first problem in Japanese, naming the field; the generic message for what no form sends (wrong types, unknown keys). */
export function toTermInputMessage(error: z.ZodError, generic: string): string {
  const issue = error.issues[0];
  // A save that sends a slug: the one key a form might send that no save takes.
  if (issue?.code === 'unrecognized_keys' && issue.keys.includes('slug')) return SLUG_FIXED;
  if (!issue || !JAPANESE.test(issue.message)) return generic;
  const field = FIELD_LABELS[String(issue.path[0])];
  // Messages that name their field already read well alone.
  return field && !issue.message.includes(field) && !/^(URL|提供)/.test(issue.message) ? `${field}:${issue.message}` : issue.message;
}

/**
 * The cache tags whose pages a change shows on (lib/cache/tags.ts, ADR
 * 0050), given what the term was (`before`, null for a new one) and is
 * (`after`, null once deleted):
 * - a topic's page alone for its description; a rename also every page with
 *   a card or chip of its articles (`taxonomy`, and `articles` for the home
 *   page's cards), since a card's label is its first topic;
 * - a series' page and `taxonomy`: its name, PR label and sponsor are in the
 *   series box of its articles and in the sidebar's 連載 box of the home
 *   page and every article page, which carry `taxonomy`;
 * - an author's page; when the name or 肩書き changes also the article
 *   pages whose byline names them (`byline:`); nothing else prints them.
 * Nothing when nothing a reader sees changed.
 */
export function decideTermInvalidation<K extends TermKind>(kind: K, slug: string, before: TermFields[K] | null, after: TermFields[K] | null): string[] {
  if (before && after && sameFields(before, after)) return [];
  if (kind === 'topics') {
    const renamed = before !== null && after !== null && (before as TopicFields).name !== (after as TopicFields).name;
    return renamed ? [CACHE_TAGS.topic(slug), CACHE_TAGS.taxonomy, CACHE_TAGS.articles] : [CACHE_TAGS.topic(slug)];
  }
  if (kind === 'series') return [CACHE_TAGS.series(slug), CACHE_TAGS.taxonomy];
  const a = before as AuthorFields | null;
  const b = after as AuthorFields | null;
  // The profile and portrait are on the author's page alone; a byline prints the name and 肩書き.
  const bylineChanged = a !== null && b !== null && (a.name !== b.name || a.role !== b.role);
  return bylineChanged ? [CACHE_TAGS.author(slug), CACHE_TAGS.byline(slug)] : [CACHE_TAGS.author(slug)];
}

function sameFields(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
