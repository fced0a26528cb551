import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '@/lib/newsroom/upload-rules';

export type UploadedPicture = { src: string; width: number; height: number };

/**
 * Sends a picture the editor chose to POST /api/newsroom/media (type and
 * size checked here first, and again on the server); the stored picture, or
 * what went wrong in Japanese. Shared by the hero and the share picture.
 */
export async function uploadPicture(file: File, csrfToken: string): Promise<{ ok: true; picture: UploadedPicture } | { ok: false; error: string }> {
  if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) return { ok: false, error: 'JPEG・PNG・WebPの画像を選んでください。' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。` };
  const form = new FormData();
  form.set('file', file);
  const response = await fetch('/api/newsroom/media', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken }, body: form }).catch(() => null);
  const body = (await response?.json().catch(() => ({}))) as { src?: string; width?: number; height?: number; error?: string };
  if (!response?.ok || !body.src || !body.width || !body.height) return { ok: false, error: body?.error ?? 'アップロードに失敗しました。' };
  return { ok: true, picture: { src: body.src, width: body.width, height: body.height } };
}
