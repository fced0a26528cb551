import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isPublic, selectSummaries } from './queries';
import { toArticleSummary } from './shape';
import type { ArticleSummary } from './types';

type Db = Kysely<Database>;

/** Summaries of the public articles among `ids`, keyed by id; unknown and non-public ids are simply absent. */
export async function listPublicSummariesByIds(db: Db, ids: readonly string[], now: Date): Promise<Map<string, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await selectSummaries(db, now).where('articles.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toArticleSummary(r)]));
}

/** Whether `id` is an article readers may see at `now` (the view beacon counts only these). */
export async function isPublicArticleId(db: Db, id: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').where('id', '=', id).where(isPublic(now)).executeTakeFirst();
  return row !== undefined;
}
