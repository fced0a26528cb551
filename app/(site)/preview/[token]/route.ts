import { articlePreviewPath } from '@/lib/content';
import { openPreviewLink, previewLinkRefusal } from '@/lib/preview';
import { CACHE_CONTROL } from '@/lib/cache';

type Context = { params: Promise<{ token: string }> };

/**
 * A shared preview link: checks the signed token (and that it is neither
 * expired nor revoked), then opens its one article at its preview address
 * with a grant cookie for that address only. Read-only: the holder gets no
 * session, no draft mode, and can reach nothing else.
 */
export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  const check = await openPreviewLink(token);
  if (!check.ok) return previewLinkRefusal(check.reason);
  return new Response(null, { status: 303, headers: { Location: articlePreviewPath(check.articleId), 'Cache-Control': CACHE_CONTROL.personal, 'Referrer-Policy': 'no-referrer' } });
}
