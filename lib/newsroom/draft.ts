import { z } from 'zod';
import { CONTROLS } from '../text/controls';
import { MAX_AUTHORS, stripCreditPrefix } from './fields';

export { isDraftStarted } from './fields';

/**
 * What an editor edits: every field of an article the editor form shows,
 * validated and cleaned here, once, for saves, autosaves, publishing and
 * revisions alike. Slugs are checked against the database by the commands.
 */

/** One line of text up to `max` characters: control characters gone, line breaks made spaces, trimmed (also the picture library's words). */
export const line = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) =>
      s
        .replace(CONTROLS, '')
        .replace(/[\t\r\n]+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max, `${max}文字以内で入力してください。`));

const optionalLine = (max: number) =>
  z
    .union([line(max), z.null()])
    .optional()
    .transform((s) => (s ? s : null));

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const slug = z.string().regex(SLUG_PATTERN, '不正な識別子です。');

/** Media we store and serve ourselves (uploads and demo illustrations); no outside URLs for heroes. */
export const MEDIA_SRC_PATTERN = /^\/media\/[a-z0-9][a-z0-9/_.-]{0,200}$/;

const pictureSrc = z.string().regex(MEDIA_SRC_PATTERN, '写真をアップロードし直してください。').refine((s) => !s.includes('..'));

const heroSchema = z.object({
  src: z.string().regex(MEDIA_SRC_PATTERN, '写真をアップロードし直してください。').refine((s) => !s.includes('..')),
  width: z.number().int().min(1).max(20_000),
  height: z.number().int().min(1).max(20_000),
  alt: line(200),
  caption: line(300),
  credit: line(100).transform(stripCreditPrefix),
});


export const articleDraftSchema = z.object({
  headline: line(120),
  standfirst: line(400),
  body: z
    .string()
    .max(200_000, '本文が長すぎます。')
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(CONTROLS, '')),
  section: slug,
  topics: z.array(slug).max(10, 'トピックは10個までです。'),
  tags: z.array(slug).max(30, 'タグは30個までです。'),
  hero: heroSchema.nullable(),
  agency: z.union([slug, z.null()]),
  wireCode: optionalLine(64),
  /** ISO instant the 速報 flag expires; null = not breaking. */
  breakingUntil: z.union([z.iso.datetime({ offset: true }), z.null()]),
  sponsored: z.boolean(),
  series: z.union([slug, z.null()]),
  // The three below came with ADR 0035: revisions saved before it lack
  // them, and must still restore, so each defaults to "none".
  /** The byline: authors' slugs in the order readers see them. */
  authors: z.array(slug).max(MAX_AUTHORS, `署名は${MAX_AUTHORS}人までです。`).default([]),
  /** <title> and share title when it should differ from the headline; null = the headline. */
  seoTitle: optionalLine(120),
  /** Meta description and share text when it should differ from the standfirst; null = the standfirst. */
  seoDescription: optionalLine(400),
  /** The picture link previews show when it should not be the hero; null = the hero. */
  socialImage: z
    .union([z.object({ src: pictureSrc, width: z.number().int().min(1).max(20_000), height: z.number().int().min(1).max(20_000) }), z.null()])
    .default(null),
});

export type ArticleDraft = z.output<typeof articleDraftSchema>;

/** A new article's starting point, in `section`. */
export const emptyDraft = (section: string): ArticleDraft => ({
  headline: '',
  standfirst: '',
  body: '',
  section,
  topics: [],
  tags: [],
  hero: null,
  agency: null,
  wireCode: null,
  breakingUntil: null,
  sponsored: false,
  series: null,
  authors: [],
  seoTitle: null,
  seoDescription: null,
  socialImage: null,
});

/** Parses untrusted input into a draft, or the first problem in Japanese. */
export function parseDraft(input: unknown): { ok: true; draft: ArticleDraft } | { ok: false; error: string } {
  const parsed = articleDraftSchema.safeParse(input);
  if (parsed.success) return {
      ok: true,
      draft: { ...parsed.data, topics: unique(parsed.data.topics), tags: unique(parsed.data.tags), authors: unique(parsed.data.authors) },
    };
  const issue = parsed.error.issues[0];
  const field = issue ? (FIELD_NAMES as Record<string, string | undefined>)[String(issue.path[0])] : undefined;
  const message = issue?.message && /[ぁ-んァ-ン一-龯]/.test(issue.message) ? issue.message : '入力内容を確認してください。';
  return { ok: false, error: field ? `${field}: ${message}` : message };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Each field's name as the editor form labels it (errors, the revision comparison). */
export const FIELD_NAMES: Record<keyof ArticleDraft, string> = {
  headline: '見出し',
  standfirst: 'リード',
  body: '本文',
  section: 'セクション',
  topics: 'トピック',
  tags: 'タグ',
  hero: '写真',
  agency: '配信元',
  wireCode: '配信記事番号',
  breakingUntil: '速報の終了時刻',
  sponsored: 'PR表記',
  series: '連載',
  authors: '署名',
  seoTitle: '検索・共有用タイトル',
  seoDescription: '検索・共有用の説明',
  socialImage: '共有用の画像',
};

/** What must be filled in before an article can go public, in Japanese; empty when it can. */
export function listPublishProblems(draft: ArticleDraft): string[] {
  const problems: string[] = [];
  if (draft.headline === '') problems.push('見出しを入力してください。');
  if (draft.body.trim() === '') problems.push('本文を入力してください。');
  if (draft.hero && draft.hero.alt === '') problems.push('写真の代替テキストを入力してください。');
  if (draft.wireCode && !draft.agency) problems.push('配信記事番号には配信元が必要です。');
  return problems;
}
