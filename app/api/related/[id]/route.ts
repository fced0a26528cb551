import { isArticleId } from '@/lib/content';
import { getRelatedCards, relatedQuerySchema } from '@/lib/related';

type Context = { params: Promise<{ id: string }> };

/** GET /api/related/{id}?slice=main|more&page=N: the next cards of an あわせて読みたい carousel. */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const query = relatedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!isArticleId(id) || !query.success) {
    return Response.json({ message: '指定が正しくありません。' }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  }
  const page = await getRelatedCards(id, query.data.slice, query.data.page);
  if (!page) return Response.json({ message: '記事が見つかりません。' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  // The same for every reader, and behind the `articles` cache tag on the server: CDNs may keep it briefly.
  return Response.json(page, { headers: { 'Cache-Control': 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600' } });
}
