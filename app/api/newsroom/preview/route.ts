import { draftMode } from 'next/headers';
import { isArticleId } from '@/lib/content/ids';
import { articlePath } from '@/lib/content/urls';
import { guardMutation } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { MESSAGES, jsonError, seeOther } from '@/lib/newsroom/http';

/**
 * The editor's プレビュー button: turns draft mode on and opens the real
 * article page. Returns early on every failed check (guard, id, existence),
 * and redirects only to the article's own path, never to a given URL.
 */
export async function POST(request: Request) {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const id = (await request.formData().catch(() => null))?.get('id');
  if (typeof id !== 'string' || !isArticleId(id)) return jsonError(400, MESSAGES.badInput);
  const { db } = await getNewsroomContext();
  const exists = await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) return jsonError(404, MESSAGES.notFound);
  (await draftMode()).enable();
  return seeOther(articlePath(exists.id));
}
