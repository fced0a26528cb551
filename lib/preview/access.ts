import 'server-only';
import { cookies } from 'next/headers';
import { articlePreviewPath } from '../content/urls';
import { getArticle, getArticleStatus, parsePageSegment } from '../content';
import { getSignedInEditor } from '../newsroom/auth';
import { getNewsroomContext } from '../newsroom/context';
import { checkPreviewToken, type LinkCheck } from './links';

/**
 * Who may see an article at its preview address (/preview/articles/…), in
 * whatever state it is. There is no draft mode: the public address of an
 * article is the same for everyone (a withdrawn one is 410 for all), and no
 * cookie anyone is given makes a public page skip the cache (ADR 0019).
 */

/** Holds a preview link's token; scoped to the one article's preview path, so it is sent nowhere else. */
export const PREVIEW_GRANT_COOKIE = 'kiji_preview';

/** Who is looking: a signed-in editor (any article) or a preview-link holder (its one article). */
export type PreviewViewer = 'editor' | 'link';

async function decidePreviewViewer(articleId: string): Promise<PreviewViewer | null> {
  if (await getSignedInEditor()) return 'editor';
  const { db, secret } = await getNewsroomContext();
  const check = await checkPreviewToken(db, secret, (await cookies()).get(PREVIEW_GRANT_COOKIE)?.value);
  return check.ok && check.articleId === articleId ? 'link' : null;
}

/**
 * One page of an article for its preview address, or null (a 404) when the
 * request may not see it or the page does not exist. The grant is checked at
 * every view, so revoking a link or its expiry takes effect at the next load.
 */
export async function getArticlePreview(id: string, segments: string[] | undefined) {
  const page = parsePageSegment(segments);
  if (page === null) return null;
  const viewer = await decidePreviewViewer(id);
  if (!viewer) return null;
  const [article, status] = await Promise.all([getArticle(id, { preview: true }), getArticleStatus(id)]);
  if (!article || !status || page > article.pages.length) return null;
  return { article, page, viewer, status };
}

/** Gives a preview-link holder the grant for its one article; the link then sends them to its preview address. */
export async function grantPreview(token: string, articleId: string, expiresAt: Date): Promise<void> {
  const { settings } = await getNewsroomContext();
  (await cookies()).set(PREVIEW_GRANT_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secureCookies,
    path: articlePreviewPath(articleId),
    expires: expiresAt,
  });
}

/**
 * A shared preview link being opened: whether its token opens a preview now
 * (neither malformed, expired nor revoked), and if so the holder's grant for
 * that one article's preview address.
 */
export async function openPreviewLink(token: string): Promise<LinkCheck> {
  const { db, secret } = await getNewsroomContext();
  const check = await checkPreviewToken(db, secret, token);
  if (check.ok) await grantPreview(token, check.articleId, check.expiresAt);
  return check;
}
