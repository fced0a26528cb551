import { articlePreviewPath } from '@/lib/content';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { grantPreview } from '@/lib/preview/access';
import { checkPreviewToken } from '@/lib/preview/links';
import { previewLinkRefusal } from '@/lib/preview/refusal-page';
import { CACHE_CONTROL } from '@/lib/cache/control';

type Context = { params: Promise<{ token: string }> };

/**
 * A shared preview link: checks the signed token (and that it is neither
 * expired nor revoked), then opens its one article at its preview address
 * with a grant cookie for that address only. Read-only: the holder gets no
 * session, no draft mode, and can reach nothing else.
 */
export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  const { db, secret } = await getNewsroomContext();
  const check = await checkPreviewToken(db, secret, token);
  if (!check.ok) return previewLinkRefusal(check.reason);
  await grantPreview(token, check.articleId, check.expiresAt);
  return new Response(null, { status: 303, headers: { Location: articlePreviewPath(check.articleId), 'Cache-Control': CACHE_CONTROL.personal, 'Referrer-Policy': 'no-referrer' } });
}
