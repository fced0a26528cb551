import 'server-only';
import { redirect } from 'next/navigation';
import { requireEditor, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import * as magazine from './magazine';
import { canEditMagazine } from './magazine-rules';

/**
 * What the newsroom's magazine pages read (docs/adr/0049-magazine-desk.md),
 * each finding the database itself: routes reach them through ./index.ts.
 */

/** Where a 記者 who opens an editing page is sent, with the reason shown there. */
export const MAGAZINE_DENIED_PATH = '/newsroom/magazine?denied=1';

/**
 * For the editing pages: a signed-in デスク or 管理者; a 記者 is sent back to
 * the list (which they may read) with the reason, as the server would
 * refuse their save anyway.
 */
export async function requireMagazineDesk(returnTo: string): Promise<SignedIn> {
  const signedIn = await requireEditor(returnTo);
  if (!canEditMagazine(signedIn.editor.role)) redirect(MAGAZINE_DENIED_PATH);
  return signedIn;
}

/** Every issue and publication, newest first, as the list shows them. */
export async function getMagazineDesk() {
  const { db } = await getNewsroomContext();
  return magazine.getMagazineDesk(db);
}

/**
 * An issue's editor: the issue (null for a new one, with the dates a week
 * after the newest; undefined when the slug names none) and the articles
 * to pick its contents from.
 */
export async function getIssueEditor(slug: string | null) {
  const { db } = await getNewsroomContext();
  const [issue, candidates, next] = await Promise.all([
    slug === null ? null : magazine.findDeskIssue(db, slug).then((found) => found ?? undefined),
    magazine.listContentsCandidates(db),
    magazine.suggestNextIssue(db),
  ]);
  return { issue, candidates, next };
}

/** A publication's editor: the publication, or null for a new one; undefined when the slug names none. */
export async function getPublicationEditor(slug: string | null) {
  if (slug === null) return { publication: null };
  const { db } = await getNewsroomContext();
  return { publication: (await magazine.findDeskPublication(db, slug)) ?? undefined };
}
