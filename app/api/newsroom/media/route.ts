import { readBody } from '@/lib/http/body';
import {
  answeringServerFaults,
  BODY_LIMITS,
  guardMutation,
  jsonError,
  jsonOk,
  MAX_UPLOAD_BYTES,
  storeUpload,
  toBodyErrorResponse,
  toErrorResponse,
  UploadError,
} from '@/lib/newsroom';

/** Uploads a hero photo (multipart `file`); answers its /media path and size. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readBody(request, { limit: BODY_LIMITS.upload, accept: ['form'] });
  if (!body.ok) return toBodyErrorResponse(body, `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。`);
  const file = body.form.get('file');
  if (!(file instanceof File)) return jsonError(400, '画像ファイルを選んでください。');
  try {
    return jsonOk(await storeUpload(new Uint8Array(await file.arrayBuffer()), file.type), { status: 201 });
  } catch (error) {
    if (error instanceof UploadError) return jsonError(error.status, error.message);
    return toErrorResponse(error);
  }
});
