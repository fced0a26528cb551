import { guardMutation } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { jsonError, jsonOk } from '@/lib/newsroom/http';
import { storeUpload, UploadError } from '@/lib/newsroom/media';
import { MAX_UPLOAD_BYTES } from '@/lib/newsroom/upload-rules';

/** Uploads a hero photo (multipart `file`); answers its /media path and size. */
export async function POST(request: Request) {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  // Refuse an oversized body before reading it into memory.
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) return jsonError(413, `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。`);
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File)) return jsonError(400, '画像ファイルを選んでください。');
  const { db } = await getNewsroomContext();
  try {
    return jsonOk(await storeUpload(db, new Uint8Array(await file.arrayBuffer()), file.type), { status: 201 });
  } catch (error) {
    if (error instanceof UploadError) return jsonError(error.status, error.message);
    throw error;
  }
}
