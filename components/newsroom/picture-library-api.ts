import type { LibraryPicture, PictureFields, PicturePage } from '@/lib/newsroom/picture-fields';
import { NETWORK_FAILURE, sendJson } from './send-json';

/**
 * The browser's calls to the picture library's routes (ADR 0046), each
 * answering the result or a Japanese reason, never throwing: a dropped
 * connection is a message on screen, and what the editor typed stays.
 */

async function post<T>(url: string, csrfToken: string, body: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const answer = await sendJson(url, csrfToken, body, { refused: () => NETWORK_FAILURE });
  return answer.ok ? { ok: true, value: answer.body as T } : { ok: false, error: answer.error };
}

/** A page of the library, narrowed by `query`. */
export function searchPictures(query: string, page: number, csrfToken: string) {
  return post<PicturePage>('/api/newsroom/pictures/search', csrfToken, { query, page });
}

/** Saves a library picture's caption, credit and alt text; the entry as stored. */
export function savePictureFields(id: string, fields: PictureFields, csrfToken: string) {
  return post<LibraryPicture>(`/api/newsroom/pictures/${encodeURIComponent(id)}`, csrfToken, fields);
}
