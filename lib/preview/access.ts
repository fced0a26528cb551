import 'server-only';
import { cookies, draftMode } from 'next/headers';
import { articlePath } from '../content/urls';
import { getSignedInEditor } from '../newsroom/auth';
import { getNewsroomContext } from '../newsroom/context';
import { checkPreviewToken } from './links';

/**
 * Who may see an unpublished article in draft mode. Draft mode's own cookie
 * only says "skip the caches" and is the same for every browser of a build,
 * so it is never enough: each preview page view also needs a signed-in
 * editor, or a preview-link grant for this very article.
 */

/** Holds a preview link's token; scoped to the one article's path, so it is sent nowhere else. */
export const PREVIEW_GRANT_COOKIE = 'kiji_preview';

/** Whether this request may preview `articleId` (called by the article route, in draft mode only). */
export async function canPreview(articleId: string): Promise<boolean> {
  if (await getSignedInEditor()) return true;
  const { db, secret } = await getNewsroomContext();
  const check = await checkPreviewToken(db, secret, (await cookies()).get(PREVIEW_GRANT_COOKIE)?.value);
  return check.ok && check.articleId === articleId;
}

/** Turns draft mode on for a preview-link holder, with the grant for its one article. */
export async function grantPreview(token: string, articleId: string, expiresAt: Date): Promise<void> {
  const { settings } = await getNewsroomContext();
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_GRANT_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secureCookies,
    path: articlePath(articleId),
    expires: expiresAt,
  });
}

/** Leaves preview: draft mode off, and the grant for `articleId` (if any) dropped. */
export async function endPreview(articleId: string | null): Promise<void> {
  const { settings } = await getNewsroomContext();
  (await draftMode()).disable();
  if (articleId) {
    (await cookies()).set(PREVIEW_GRANT_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: settings.secureCookies,
      path: articlePath(articleId),
      maxAge: 0,
    });
  }
}
