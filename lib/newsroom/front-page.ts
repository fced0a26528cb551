import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CACHE_TAGS } from '../cache/tags';
import { FRONT_PAGE_FEATURED_SLOTS, FRONT_PAGE_LEAD_SLOT } from '../content/front-page';
import { isArticleId } from '../content/ids';
import { getHomePage } from '../content/queries';
import type { ArticleStatus, Database } from '../db/schema';
import { listDeskCandidates, selectDeskArticles, toDeskArticle, type CandidateRules, type DeskArticle } from './desk-articles';
import type { Editor } from './editors';

/**
 * The desk's front page (docs/adr/0033-front-page.md): what the
 * newsroom page shows of it and the one command that changes it. The
 * home page reads the pins through lib/content (listFrontPagePins).
 */

type Db = Kysely<Database>;

/**
 * Who may pin and unpin stories on the home page: デスク and 管理者 (ADR
 * 0032); the page and the route handler both ask only this.
 */
export function canCurateFrontPage(editor: Pick<Editor, 'role'>): boolean {
  return editor.role === 'desk' || editor.role === 'admin';
}

/** What the route handler answers when {@link canCurateFrontPage} says no. */
export const NOT_A_DESK_MESSAGE = 'トップページを編集できるのはデスクと管理者です。';

/** How many recent public articles the page offers to pick from (the picker filters them by headline). */
export const FRONT_PAGE_CANDIDATES = 200;

/** An article as the front-page desk lists it; a pin that is not `visible` drops out of the home page. */
export type FrontPageArticle = DeskArticle;

/** The desk's choice: the lead (null: the newest story) and the featured stories in order. */
export type FrontPageChoice = { lead: string | null; featured: string[] };

/** The newsroom page's data: the pins as saved, the home page as readers get it now, and what can be pinned. */
export type FrontPageDesk = {
  lead: FrontPageArticle | null;
  featured: FrontPageArticle[];
  /** The home page's top block as readers get it now (lead first), each marked pinned or automatic. */
  home: { article: FrontPageArticle; pinned: boolean }[];
  candidates: FrontPageArticle[];
  featuredSlots: number;
  /** Who saved the pins there are, and when (a save stamps every pin); null with nothing pinned. */
  savedBy: { name: string | null; at: string } | null;
};

/** A refused front page, with the reason in Japanese; nothing was saved. */
export class FrontPageError extends Error {
  readonly status = 400;
}

/** The body the route handler accepts; anything else is 入力内容を確認してください。 */
export const frontPageChoiceSchema = z.object({
  lead: z.string().max(64).nullable(),
  // Bounded before the count check so an absurd body is refused without a query.
  featured: z.array(z.string().max(64)).max(100),
});

/** The front page offers only what readers see now: a pin must be public to show. */
const CANDIDATE_RULES: CandidateRules = { offer: 'public', limit: FRONT_PAGE_CANDIDATES };

/** The pins as saved, whatever their articles' status now, by slot. */
async function listPins(db: Db, now: Date): Promise<{ slot: number; article: FrontPageArticle; pinnedAt: string; pinnedBy: string | null }[]> {
  const rows = await selectDeskArticles(db)
    .innerJoin('front_page_slots', 'front_page_slots.article_id', 'articles.id')
    .leftJoin('editors', 'editors.id', 'front_page_slots.pinned_by')
    .select(['front_page_slots.slot', 'front_page_slots.pinned_at', 'editors.name as pinned_by_name'])
    .orderBy('front_page_slots.slot')
    .execute();
  return rows.map((r) => ({ slot: Number(r.slot), article: toDeskArticle(r, now), pinnedAt: r.pinned_at, pinnedBy: r.pinned_by_name }));
}

/** Everything the newsroom's front-page page shows, read fresh (never cached). */
export async function getFrontPageDesk(db: Db, now = new Date()): Promise<FrontPageDesk> {
  const [pins, home, candidates] = await Promise.all([
    listPins(db, now),
    getHomePage(db, now),
    listDeskCandidates(db, CANDIDATE_RULES, now),
  ]);
  const pinnedIds = new Set(pins.filter((p) => p.article.visible).map((p) => p.article.id));
  const shown = [home.lead, ...home.featured, ...home.latest].flatMap((a) => (a ? [a] : []));
  return {
    lead: pins.find((p) => p.slot === FRONT_PAGE_LEAD_SLOT)?.article ?? null,
    featured: pins.filter((p) => p.slot > FRONT_PAGE_LEAD_SLOT).map((p) => p.article),
    home: shown.map((a) => ({
      article: { id: a.id, headline: a.headline, sectionName: a.section.name, status: 'published', publishedAt: a.publishedAt, visible: true },
      pinned: pinnedIds.has(a.id),
    })),
    candidates: candidates.map((r) => toDeskArticle(r, now)),
    featuredSlots: FRONT_PAGE_FEATURED_SLOTS,
    savedBy: pins[0] ? { name: pins[0].pinnedBy, at: pins[0].pinnedAt } : null,
  };
}

/** Why an article cannot be placed, by status; `published` is one whose time has not come. */
const NOT_PUBLIC: Record<ArticleStatus, string> = { draft: '下書き', submitted: '提出済み', scheduled: '公開予約中', unpublished: '非公開', published: '公開前' };

function quote(headline: string): string {
  return `「${headline.trim() || '(見出しなし)'}」`;
}

/**
 * Replaces the pins with `choice`, all or nothing: every id must be a
 * public article, none twice, at most FRONT_PAGE_FEATURED_SLOTS featured.
 * Throws FrontPageError (400) otherwise, before anything is written.
 * Returns the tags to invalidate: the home page's, as a publish does.
 */
export async function saveFrontPage(db: Db, input: FrontPageChoice & { editorId: string }, now = new Date()): Promise<{ invalidate: string[] }> {
  const { lead, featured, editorId } = input;
  if (featured.length > FRONT_PAGE_FEATURED_SLOTS) throw new FrontPageError(`注目記事は${FRONT_PAGE_FEATURED_SLOTS}本までです。`);
  const slots = [lead, ...featured].map((id, slot) => ({ id, slot })).filter((s): s is { id: string; slot: number } => s.id !== null);
  if (slots.some((s) => !isArticleId(s.id))) throw new FrontPageError('記事が見つかりません。ページを再読み込みしてから選び直してください。');
  await db.transaction().execute(async (trx) => {
    const ids = slots.map((s) => s.id);
    const rows = ids.length === 0 ? [] : await selectDeskArticles(trx).where('articles.id', 'in', ids).execute();
    const found = new Map(rows.map((r) => [r.id, toDeskArticle(r, now)]));
    const seen = new Set<string>();
    for (const { id } of slots) {
      const article = found.get(id);
      if (!article) throw new FrontPageError('記事が見つかりません。ページを再読み込みしてから選び直してください。');
      if (seen.has(id)) throw new FrontPageError(`${quote(article.headline)}が二つの枠に入っています。一つの記事は一つの枠にだけ置けます。`);
      seen.add(id);
      if (!article.visible) {
        throw new FrontPageError(`${quote(article.headline)}は${NOT_PUBLIC[article.status]}のため、トップページに置けません。公開中の記事だけを置けます。`);
      }
    }
    await trx.deleteFrom('front_page_slots').execute();
    if (slots.length > 0) {
      const at = now.toISOString();
      await trx
        .insertInto('front_page_slots')
        .values(slots.map(({ id, slot }) => ({ slot, article_id: id, pinned_by: editorId, pinned_at: at })))
        .execute();
    }
  });
  return { invalidate: [CACHE_TAGS.frontPage] };
}
