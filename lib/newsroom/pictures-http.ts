import 'server-only';
import { z } from 'zod';
import { readBody } from '../http/body';
import { guardMutation } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES, toBodyErrorResponse, toErrorResponse } from './http';
import { answer, readMutation } from './mutation';
import { pictureFieldsSchema } from './picture-schema';
import { findPicture, listPictures, updatePicture } from './pictures';
import { MAX_UPLOAD_BYTES, UploadError } from './upload-rules';

/**
 * The HTTP side of the picture library (ADR 0046): every route behind the
 * same guard as every newsroom mutation (same origin, session, CSRF token),
 * open to every role, as uploading always was. The search is a POST so the
 * dialog's reads carry the token like the rest.
 */

const PICTURE_ID = /^[a-z0-9]{12}$/;
const NOT_FOUND = 'その写真はライブラリにありません。一覧を読み込み直してください。';

const searchSchema = z.object({
  query: z.string().max(400).optional().default(''),
  page: z.number().int().min(1).max(100_000).optional().default(1),
});

/** One page of the library for the editor's dialog (POST /api/newsroom/pictures/search, JSON `{ query, page }`). */
export async function handlePictureSearch(request: Request): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: searchSchema });
  if (!mutation.ok) return mutation.response;
  const { db } = await getNewsroomContext();
  return jsonOk(await listPictures(db, mutation.input));
}

/** Changes a library picture's caption, credit and alt text (POST /api/newsroom/pictures/[id], JSON). */
export async function handlePictureUpdate(request: Request, id: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: pictureFieldsSchema, invalid: toJapanese });
  if (!mutation.ok) return mutation.response;
  if (!PICTURE_ID.test(id)) return jsonError(404, NOT_FOUND);
  const { db } = await getNewsroomContext();
  return answer(async () => {
    const picture = await updatePicture(db, id, mutation.input);
    return picture ? jsonOk(picture) : jsonError(404, NOT_FOUND);
  });
}

/**
 * Stores an uploaded photo (multipart `file`, and optional `caption`,
 * `credit`, `alt` for the library); answers its library entry. Loads sharp
 * on first use (./media.ts), which no other newsroom route needs.
 */
export async function handlePictureUpload(request: Request): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readBody(request, { limit: BODY_LIMITS.upload, accept: ['form'] });
  if (!body.ok) return toBodyErrorResponse(body, `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。`);
  const file = body.form.get('file');
  if (!(file instanceof File)) return jsonError(400, '画像ファイルを選んでください。');
  const text = (name: string) => {
    const value = body.form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const fields = pictureFieldsSchema.safeParse({ caption: text('caption'), credit: text('credit'), alt: text('alt') });
  if (!fields.success) return jsonError(400, toJapanese(fields.error));
  const [{ db }, media] = await Promise.all([getNewsroomContext(), import('./media')]);
  try {
    const stored = await media.storeUpload(db, new Uint8Array(await file.arrayBuffer()), file.type, { uploadedBy: guard.editor.id, fields: fields.data });
    return jsonOk(await findPicture(db, stored.id), { status: 201 });
  } catch (error) {
    if (error instanceof UploadError) return jsonError(error.status, error.message);
    return toErrorResponse(error);
  }
}

function toJapanese(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = { caption: 'キャプション', credit: 'クレジット', alt: '代替テキスト' }[String(issue?.path[0])];
  return field && issue && /[ぁ-ん一-龯]/.test(issue.message) ? `${field}は${issue.message}` : MESSAGES.badInput;
}
