import type { Kysely } from 'kysely';
import { articlePath } from '../content/urls';
import type { Database } from '../db/schema';

/**
 * The article URLs that no longer render a page: 410 Gone for withdrawn
 * articles, 301 for paths an article was once public at and is not now (a
 * correction that removed a page break). App Router pages can only answer
 * 404, 307/308 or 200, so proxy.ts answers these from an in-memory snapshot,
 * kept fresh by the newsroom after each change and by the scheduler's tick
 * (for changes made on other instances).
 */

export type RoutingSnapshot = {
  /** Ids of withdrawn (`unpublished`) articles. */
  gone: ReadonlySet<string>;
  /** Old path → the article's canonical path. */
  moved: ReadonlyMap<string, string>;
};

export type RoutingDecision = { kind: 'gone' } | { kind: 'moved'; location: string } | null;

const ARTICLE_PATH = /^\/articles\/([2-9a-hjkmnp-z]{8})(?:\/[^/]*)?\/?$/;

/** What a reader's request for `pathname` gets instead of the page, if anything. */
export function decideArticleRouting(pathname: string, snapshot: RoutingSnapshot | undefined): RoutingDecision {
  if (!snapshot) return null;
  const id = ARTICLE_PATH.exec(pathname)?.[1];
  if (!id) return null;
  if (snapshot.gone.has(id)) return { kind: 'gone' };
  const location = snapshot.moved.get(pathname.replace(/\/$/, ''));
  return location ? { kind: 'moved', location } : null;
}

/** Reads the snapshot from the database: the withdrawn articles and the old paths of public ones. */
export async function loadRoutingSnapshot(db: Kysely<Database>): Promise<RoutingSnapshot> {
  const [gone, moved] = await Promise.all([
    db.selectFrom('articles').select('id').where('status', '=', 'unpublished').execute(),
    db
      .selectFrom('article_paths')
      .innerJoin('articles', 'articles.id', 'article_paths.article_id')
      .select(['article_paths.path', 'article_paths.article_id'])
      .where('article_paths.current', '=', 0)
      .where('articles.status', '=', 'published')
      .execute(),
  ]);
  return {
    gone: new Set(gone.map((r) => r.id)),
    moved: new Map(moved.map((r) => [r.path, articlePath(r.article_id)])),
  };
}

type Global = typeof globalThis & { __kijiRouting?: RoutingSnapshot };

/**
 * The process's snapshot. On globalThis because proxy.ts runs in the same
 * Node.js process as the route handlers but in a bundle of its own.
 */
export function getRoutingSnapshot(): RoutingSnapshot | undefined {
  return (globalThis as Global).__kijiRouting;
}

export function setRoutingSnapshot(snapshot: RoutingSnapshot): void {
  (globalThis as Global).__kijiRouting = snapshot;
}

/** Reloads the snapshot after a change. */
export async function refreshRouting(db: Kysely<Database>): Promise<void> {
  setRoutingSnapshot(await loadRoutingSnapshot(db));
}

/** The paths of an article with `pages` pages, page 1 first. */
export function listArticlePaths(id: string, pages: number): string[] {
  return Array.from({ length: Math.max(1, pages) }, (_, i) => articlePath(id, i + 1));
}

/**
 * Records where a just-published or corrected article is public now: its
 * current paths are marked current, any older ones not (they will answer
 * 301). `previousPages` is how many pages it had while public before this
 * change (articles published before the newsroom existed have no rows yet).
 */
export async function recordArticlePaths(
  db: Kysely<Database>,
  id: string,
  pages: number,
  now: Date,
  previousPages = 0,
): Promise<void> {
  const paths = listArticlePaths(id, pages);
  const created_at = now.toISOString();
  if (previousPages > 0) {
    await db
      .insertInto('article_paths')
      .values(listArticlePaths(id, previousPages).map((path) => ({ path, article_id: id, current: 1, created_at })))
      .onConflict((oc) => oc.column('path').doNothing())
      .execute();
  }
  await db
    .insertInto('article_paths')
    .values(paths.map((path) => ({ path, article_id: id, current: 1, created_at })))
    .onConflict((oc) => oc.column('path').doUpdateSet({ current: 1 }))
    .execute();
  await db.updateTable('article_paths').set({ current: 0 }).where('article_id', '=', id).where('path', 'not in', paths).execute();
}
