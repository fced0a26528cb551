import type { Kysely } from 'kysely';
import { CACHE_TAGS } from '../cache/tags';
import type { Database } from '../db/schema';
import { FIXED_PAGE_SLUGS, isFixedPageSlug, type FixedPageSlug } from '../site/pages';
import { checkFixedPageBody } from '../text/fixed-page-body';
import { countCharacters } from './counts';

/**
 * The newsroom's side of the fixed pages (会社概要, プライバシーポリシー,
 * 利用規約, お問い合わせ; docs/adr/0048-fixed-pages.md): what the list and the editor show, the checks of a save and the save
 * itself, which returns the cache tags to invalidate as a publish does.
 * Readers get the pages through lib/content (getFixedPage).
 */

type Db = Kysely<Database>;

export const FIXED_PAGE_NOT_FOUND = 'そのページはありません。固定ページは会社概要、プライバシーポリシー、利用規約、お問い合わせの4つです。';

/** A fixed page as the newsroom edits it: its wording, which save it is, and who made it when. */
export type EditableFixedPage = {
  slug: FixedPageSlug;
  title: string;
  description: string;
  body: string;
  /** Counts saves; a save names the one it started from. */
  version: number;
  updatedAt: string;
  /** Who saved it last; null for the wording the install started with (or an account since removed). */
  updatedBy: string | null;
};

/**
 * Hard limits of a save, in 字 (graphemes, lines not counted; the body's
 * Markdown marks count too, as they are what is parsed): the
 * title is also the `<title>`, so short; the description is a search
 * snippet; 50,000 字 is ten times today's longest page (the privacy policy,
 * about 4,700), and the route reads no more than it needs for that
 * (./http.ts BODY_LIMITS.fixedPage).
 */
export const FIXED_PAGE_LIMITS = { title: 40, description: 200, body: 50_000 } as const;

/** A refused save, with its status and the reason in Japanese; nothing was written. */
export class FixedPageError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    /** On a conflict: the page as the other editor saved it, so this editor can compare before saving again. */
    readonly current?: EditableFixedPage,
  ) {
    super(message);
  }
}

function selectPages(db: Db) {
  return db
    .selectFrom('fixed_pages')
    .leftJoin('editors', 'editors.id', 'fixed_pages.updated_by')
    .select(['fixed_pages.slug', 'fixed_pages.title', 'fixed_pages.description', 'fixed_pages.body', 'fixed_pages.version', 'fixed_pages.updated_at', 'editors.name as editor_name']);
}

type Row = { title: string; description: string; body: string; version: number; updated_at: string; editor_name: string | null };

function toEditable(slug: FixedPageSlug, row: Row): EditableFixedPage {
  return { slug, title: row.title, description: row.description, body: row.body, version: Number(row.version), updatedAt: row.updated_at, updatedBy: row.editor_name };
}

/** A fixed page as the editor opens it; null for anything but the four slugs. */
export async function findEditableFixedPage(db: Db, slug: string): Promise<EditableFixedPage | null> {
  if (!isFixedPageSlug(slug)) return null;
  const row = await selectPages(db).where('fixed_pages.slug', '=', slug).executeTakeFirst();
  return row ? toEditable(slug, row) : null;
}

/** Every fixed page, in the footer's order, for the newsroom's list. */
export async function listEditableFixedPages(db: Db): Promise<EditableFixedPage[]> {
  const rows = await selectPages(db).execute();
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return FIXED_PAGE_SLUGS.flatMap((slug) => {
    const row = bySlug.get(slug);
    return row ? [toEditable(slug, row)] : [];
  });
}

export type FixedPageInput = { title: string; description: string; body: string };

/**
 * What is wrong with a page as typed, in Japanese, one line each; empty
 * when it can be saved. Spaces around the title and description are not
 * counted (the save trims them).
 */
export function checkFixedPageInput(input: FixedPageInput): string[] {
  const problems: string[] = [];
  const title = countCharacters(input.title.trim());
  const description = countCharacters(input.description.trim());
  const body = countCharacters(input.body);
  if (title === 0) problems.push('タイトルを入力してください。');
  if (title > FIXED_PAGE_LIMITS.title) problems.push(`タイトルは${FIXED_PAGE_LIMITS.title}字以内にしてください(いま${title}字)。`);
  if (description > FIXED_PAGE_LIMITS.description) problems.push(`説明は${FIXED_PAGE_LIMITS.description}字以内にしてください(いま${description}字)。`);
  if (input.body.trim() === '') problems.push('本文を入力してください。');
  else if (body > FIXED_PAGE_LIMITS.body) {
    problems.push(`本文は記号を含めて${FIXED_PAGE_LIMITS.body.toLocaleString('ja-JP')}字以内にしてください(いま${body.toLocaleString('ja-JP')}字)。`);
  }
  // A body over the limit is not parsed: the limit is what keeps the parse cheap.
  else problems.push(...checkFixedPageBody(input.body));
  return problems;
}

/**
 * Saves a fixed page over the version its editor loaded, all or nothing.
 * Refuses (FixedPageError) an unknown slug (404), input that
 * {@link checkFixedPageInput} finds wrong (400, its lines joined), and a
 * version someone else has saved over since (409, with their page). The
 * version check is part of the update, so of two saves at one moment only
 * one passes. Returns the page as saved and the cache tags whose pages
 * changed: the page's own and the sitemap's.
 */
export async function saveFixedPage(
  db: Db,
  input: FixedPageInput & { slug: string; baseVersion: number; editorId: string },
  now = new Date(),
): Promise<{ page: EditableFixedPage; invalidate: string[] }> {
  const { slug } = input;
  if (!isFixedPageSlug(slug)) throw new FixedPageError(404, FIXED_PAGE_NOT_FOUND);
  const problems = checkFixedPageInput(input);
  if (problems.length > 0) throw new FixedPageError(400, problems.join('\n'));
  const updated = await db
    .updateTable('fixed_pages')
    .set({
      title: input.title.trim(),
      description: input.description.trim(),
      // A browser's form sends \r\n; the house's text is \n.
      body: input.body.replace(/\r\n?/g, '\n'),
      version: input.baseVersion + 1,
      updated_at: now.toISOString(),
      updated_by: input.editorId,
    })
    .where('slug', '=', slug)
    .where('version', '=', input.baseVersion)
    .executeTakeFirst();
  const page = await findEditableFixedPage(db, slug);
  if (!page) throw new FixedPageError(404, FIXED_PAGE_NOT_FOUND);
  if (Number(updated.numUpdatedRows) === 0) {
    const who = page.updatedBy ? `${page.updatedBy}さん` : 'ほかの編集者';
    throw new FixedPageError(
      409,
      `${who}がこのページを先に保存しました(第${page.version}版)。入力した内容はこの画面に残っています。保存されている内容と見比べてから、もう一度保存してください。`,
      page,
    );
  }
  return { page, invalidate: [CACHE_TAGS.fixedPage(slug), CACHE_TAGS.fixedPages] };
}
