import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadNewsroomArticle, type NewsroomArticle } from './articles';
import type { ArticleDraft } from './draft';
import { compareRevisions, type RevisionComparison } from './revision-diff';
import type { Role } from './roles';

/**
 * What an editor whose save was refused because someone else saved first is
 * shown (ADR 0047): the article as it is stored now, who saved it since the
 * revision the form was based on, what they changed (the revision
 * comparison of ADR 0041, from that revision to now), and which of the
 * fields they changed the editor changed too. The editor keeps its own text
 * in the form, and with this can take the other version or save over it on
 * purpose.
 */

type Db = Kysely<Database>;

export type SaveConflict = {
  /** The article as stored now: the other editor's version, at the revision a save over it must name. */
  article: Pick<NewsroomArticle, 'id' | 'status' | 'draft' | 'publishedAt' | 'updatedAt' | 'revision'>;
  /** Who saved since the form's revision, most recent first; `self` when it was the asker in another tab or browser. */
  savedBy: { name: string; role: Role; self: boolean }[];
  /** When the newest of those revisions was made. */
  savedAt: string | null;
  /** The form's revision against the article now: what the others changed. */
  comparison: RevisionComparison;
  /** The fields (as the form labels them) that both the others and the asker's form changed: where to look before choosing. */
  bothChanged: string[];
};

/** The labels of the fields a comparison found changed. */
function changedFields({ fields, otherChanges }: RevisionComparison): string[] {
  return [...fields.filter((f) => f.changed).map((f) => f.label), ...otherChanges];
}

/**
 * The conflict a command naming `baseRevision` ran into, as `viewerId` sees
 * it; `draft` is the form they sent (none for commands that send no form).
 * Null when the article is gone (deleted meanwhile: the editor's 404 says so).
 */
export async function describeSaveConflict(
  db: Db,
  input: { id: string; baseRevision: number; viewerId: string; draft?: ArticleDraft },
): Promise<SaveConflict | null> {
  const [article, base, since] = await Promise.all([
    loadNewsroomArticle(db, input.id),
    db.selectFrom('article_revisions').select('snapshot').where('article_id', '=', input.id).where('number', '=', input.baseRevision).executeTakeFirst(),
    db
      .selectFrom('article_revisions')
      .leftJoin('editors', 'editors.id', 'article_revisions.editor_id')
      .select(['article_revisions.created_at', 'article_revisions.editor_id', 'editors.name', 'editors.role'])
      .where('article_revisions.article_id', '=', input.id)
      .where('article_revisions.number', '>', input.baseRevision)
      .orderBy('article_revisions.number', 'desc')
      .limit(50)
      .execute(),
  ]);
  if (!article) return null;
  let before: unknown = null;
  try {
    before = base ? JSON.parse(base.snapshot) : null;
  } catch {
    // A damaged snapshot compares as empty: everything shows as theirs, nothing is lost.
  }
  const savedBy = new Map<string, SaveConflict['savedBy'][number]>();
  for (const r of since) {
    // The scheduler's publishing has no editor; a deleted account has no name.
    if (r.editor_id === null || r.name === null || r.role === null || savedBy.has(r.editor_id)) continue;
    savedBy.set(r.editor_id, { name: r.name, role: r.role, self: r.editor_id === input.viewerId });
  }
  const { id, status, draft, publishedAt, updatedAt, revision } = article;
  const comparison = compareRevisions(before, draft);
  const mine = input.draft ? changedFields(compareRevisions(before, input.draft)) : [];
  return {
    article: { id, status, draft, publishedAt, updatedAt, revision },
    savedBy: [...savedBy.values()],
    savedAt: since[0]?.created_at ?? null,
    comparison,
    bothChanged: changedFields(comparison).filter((label) => mine.includes(label)),
  };
}
