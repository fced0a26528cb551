import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../db/schema';
import type { PictureFields } from './picture-fields';
import { addPicture } from './pictures';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, UploadError } from './upload-rules';

/**
 * Photo uploads: checked by what the bytes are (not what the browser says),
 * re-encoded (which drops EXIF, including a camera's GPS position, and
 * applies its rotation), measured, and stored in the `media` table like
 * every other image (ADR 0004), at a new path that never changes its bytes.
 */

export { UploadError };

const FORMATS = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const satisfies Record<(typeof UPLOAD_TYPES)[number], string>;
const EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp' } as const;
/** Decompression-bomb guard: a 10 MB file may claim billions of pixels. 40 MP covers any news camera. */
const MAX_PIXELS = 40_000_000;
/** A hero fills the column at 760 px; smaller looks blurred on every phone. */
export const MIN_HERO_WIDTH = 400;
const MAX_SIDE = 12_000;

/** A stored photo: its address and size, and its entry in the picture library (./pictures.ts). */
export type StoredUpload = { id: string; src: string; width: number; height: number; contentType: string };

export type UploadOptions = { now?: Date; uploadedBy?: string | null; fields?: Partial<PictureFields> };

/**
 * Checks, cleans and stores an uploaded photo, and lists it in the picture
 * library with the words it came with; throws UploadError with a 4xx for
 * anything unacceptable.
 */
export async function storeUpload(db: Kysely<Database>, bytes: Uint8Array, declaredType: string, options: UploadOptions = {}): Promise<StoredUpload> {
  const now = options.now ?? new Date();
  if (bytes.byteLength === 0) throw new UploadError(400, 'ファイルが空です。');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UploadError(413, `画像は${MAX_UPLOAD_BYTES / 1024 / 1024}MB以下にしてください。`);
  if (!(declaredType in FORMATS)) throw new UploadError(415, 'JPEG・PNG・WebPの画像を選んでください。');
  const format = FORMATS[declaredType as keyof typeof FORMATS];
  const metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !metadata.width || !metadata.height) throw new UploadError(415, '画像として読み込めないファイルです。');
  if (metadata.format !== format) throw new UploadError(415, 'ファイルの種類と中身が一致しません。画像を書き出し直してください。');
  if (metadata.width * metadata.height > MAX_PIXELS || metadata.width > MAX_SIDE || metadata.height > MAX_SIDE) {
    throw new UploadError(422, '画像が大きすぎます(4000万画素まで)。');
  }
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .toFormat(format, { quality: 88 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new UploadError(415, '画像として読み込めないファイルです。');
    });
  if (info.width < MIN_HERO_WIDTH) throw new UploadError(422, `幅${MIN_HERO_WIDTH}px以上の画像を選んでください。`);
  const month = now.toISOString().slice(0, 7).replace('-', '/');
  const path = `uploads/${month}/${randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x')}.${EXTENSIONS[format]}`;
  const src = `/media/${path}`;
  const id = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('media')
      .values({ path, content_type: declaredType, bytes: data, width: info.width, height: info.height, created_at: now.toISOString() })
      .execute();
    return addPicture(trx, { src, width: info.width, height: info.height, byteSize: data.byteLength, uploadedBy: options.uploadedBy ?? null, ...options.fields }, now);
  });
  return { id, src, width: info.width, height: info.height, contentType: declaredType };
}
