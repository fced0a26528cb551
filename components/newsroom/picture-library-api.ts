import type { LibraryPicture, PictureFields, PicturePage } from '@/lib/newsroom/picture-fields';

/**
 * The browser's calls to the picture library's routes (ADR 0046), each
 * answering the result or a Japanese reason, never throwing: a dropped
 * connection is a message on screen, and what the editor typed stays.
 */

const OFFLINE = '通信に失敗しました。接続を確かめてもう一度お試しください。';

async function post<T>(url: string, csrfToken: string, body: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, error: OFFLINE };
  const json = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) return { ok: false, error: json.error ?? OFFLINE };
  return { ok: true, value: json };
}

/** A page of the library, narrowed by `query`. */
export function searchPictures(query: string, page: number, csrfToken: string) {
  return post<PicturePage>('/api/newsroom/pictures/search', csrfToken, { query, page });
}

/** Saves a library picture's caption, credit and alt text; the entry as stored. */
export function savePictureFields(id: string, fields: PictureFields, csrfToken: string) {
  return post<LibraryPicture>(`/api/newsroom/pictures/${encodeURIComponent(id)}`, csrfToken, fields);
}
