import type { LibraryPicture, PictureFields } from '@/lib/newsroom/picture-fields';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '@/lib/newsroom/upload-rules';

export type UploadedPicture = { src: string; width: number; height: number };

type Answer<T> = { ok: true; picture: T } | { ok: false; error: string };

/**
 * Sends a picture the editor chose to POST /api/newsroom/media (type and
 * size checked here first, and again on the server), with the words the
 * picture library lists it with; its library entry, or what went wrong in
 * Japanese. Every upload lands in the library (ADR 0046).
 */
export async function uploadToLibrary(file: File, fields: Partial<PictureFields>, csrfToken: string): Promise<Answer<LibraryPicture>> {
  if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) return { ok: false, error: 'JPEG・PNG・WebPの画像を選んでください。' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。` };
  const form = new FormData();
  form.set('file', file);
  for (const [key, value] of Object.entries(fields)) if (value) form.set(key, value);
  const response = await fetch('/api/newsroom/media', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken }, body: form }).catch(() => null);
  const body = (await response?.json().catch(() => ({}))) as Partial<LibraryPicture> & { error?: string };
  if (!response?.ok || !body.id || !body.src || !body.width || !body.height) return { ok: false, error: body?.error ?? 'アップロードに失敗しました。' };
  return { ok: true, picture: body as LibraryPicture };
}

/** Uploads a picture with no words yet (the hero and the share picture, whose fields are the article's). */
export async function uploadPicture(file: File, csrfToken: string): Promise<Answer<UploadedPicture>> {
  const answer = await uploadToLibrary(file, {}, csrfToken);
  return answer.ok ? { ok: true, picture: { src: answer.picture.src, width: answer.picture.width, height: answer.picture.height } } : answer;
}
