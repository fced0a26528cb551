import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { PRESENCE_TTL_MS, type PresentEditor } from './presence-rules';

/**
 * Who has which article open in the editor (ADR 0047), kept in the database
 * so every instance sees the same editors: one row per editor's tab
 * (`article_presence`, migration 0023), refreshed by the tab's heartbeat and
 * counted for PRESENCE_TTL_MS. Rows belong to the session and leave with it
 * (sign-out deletes the session; the foreign key cascades).
 */

type Db = Kysely<Database>;

export type TabKey = { articleId: string; sessionId: string; tabId: string };

const cutoff = (now: Date) => new Date(now.getTime() - PRESENCE_TTL_MS).toISOString();

/**
 * Records that a tab has the article open now, and sweeps every expired row:
 * an indexed range on `seen_at` that finds a handful of rows, so no job is
 * needed to keep the table the size of the newsroom.
 */
export async function recordPresence(db: Db, tab: TabKey, now = new Date()): Promise<void> {
  await db
    .insertInto('article_presence')
    .values({ article_id: tab.articleId, session_id: tab.sessionId, tab_id: tab.tabId, seen_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['article_id', 'session_id', 'tab_id']).doUpdateSet({ seen_at: now.toISOString() }))
    .execute();
  await db.deleteFrom('article_presence').where('seen_at', '<', cutoff(now)).execute();
}

/** The tab closed or left the article: its mark goes at once rather than at expiry. */
export async function removePresence(db: Db, tab: TabKey): Promise<void> {
  await db
    .deleteFrom('article_presence')
    .where('article_id', '=', tab.articleId)
    .where('session_id', '=', tab.sessionId)
    .where('tab_id', '=', tab.tabId)
    .execute();
}

type PresenceRow = { article_id: string; session_id: string; tab_id: string; editor_id: string; name: string; role: PresentEditor['role'] };

/** Live rows of these articles, with their editors, oldest heartbeat first. */
function readPresence(db: Db, articleIds: readonly string[], now: Date): Promise<PresenceRow[]> {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_presence')
    .innerJoin('editor_sessions', 'editor_sessions.id', 'article_presence.session_id')
    .innerJoin('editors', 'editors.id', 'editor_sessions.editor_id')
    .select(['article_presence.article_id', 'article_presence.session_id', 'article_presence.tab_id', 'editors.id as editor_id', 'editors.name', 'editors.role'])
    .where('article_presence.article_id', 'in', articleIds)
    .where('article_presence.seen_at', '>=', cutoff(now))
    .orderBy('article_presence.seen_at')
    .orderBy('editors.name')
    .execute();
}

/** Each editor once (several tabs are one person), in the order they were last seen arriving. */
function toEditors(rows: PresenceRow[], viewerId: string): PresentEditor[] {
  const seen = new Map<string, PresentEditor>();
  for (const r of rows) if (!seen.has(r.editor_id)) seen.set(r.editor_id, { name: r.name, role: r.role, self: r.editor_id === viewerId });
  // The others first: they are who the mark is about.
  return [...seen.values()].sort((a, b) => Number(a.self) - Number(b.self));
}

/**
 * Who else has the article open, as `tab` (of editor `viewerId`) sees it:
 * every other editor, and the viewer themself when another of their tabs or
 * browsers has it open too. The asking tab is never in the list.
 */
export async function listOthersPresent(db: Db, tab: TabKey, viewerId: string, now = new Date()): Promise<PresentEditor[]> {
  const rows = await readPresence(db, [tab.articleId], now);
  return toEditors(
    rows.filter((r) => !(r.session_id === tab.sessionId && r.tab_id === tab.tabId)),
    viewerId,
  );
}

/** For the article list: who has each of these articles open now (articles nobody has open are absent). */
export async function listPresenceByArticle(db: Db, articleIds: readonly string[], viewerId: string, now = new Date()): Promise<Map<string, PresentEditor[]>> {
  const rows = await readPresence(db, articleIds, now);
  const byArticle = new Map<string, PresenceRow[]>();
  for (const r of rows) byArticle.set(r.article_id, [...(byArticle.get(r.article_id) ?? []), r]);
  return new Map([...byArticle].map(([id, list]) => [id, toEditors(list, viewerId)]));
}
