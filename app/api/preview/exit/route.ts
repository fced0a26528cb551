import { isArticleId } from '@/lib/content/ids';
import { articlePath } from '@/lib/content/urls';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { checkRequestOrigin, listAllowedOrigins } from '@/lib/newsroom/csrf';
import { MESSAGES, jsonError, seeOther } from '@/lib/newsroom/http';
import { endPreview } from '@/lib/preview/access';

/**
 * The preview banner's 終了 button: draft mode off, back to the article's
 * public address. Same-origin only; no CSRF token, because a preview-link
 * holder has no session to bind one to and the worst a forged request can do
 * is end someone's preview.
 */
export async function POST(request: Request) {
  const { siteUrl } = await getNewsroomContext();
  if (!checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers)).ok) return jsonError(403, MESSAGES.crossSite);
  const id = (await request.formData().catch(() => null))?.get('id');
  const articleId = typeof id === 'string' && isArticleId(id) ? id : null;
  await endPreview(articleId);
  return seeOther(articleId ? articlePath(articleId) : '/');
}
