import 'server-only';
import { getDb } from '../db';
import { isCropRatio, renderCrop, renderSocialImage, socialImageSource, SOCIAL_IMAGE } from '../seo/crops';
import { getMedia, type StoredMedia } from './media';

/**
 * A stored picture's crop, made on first request and kept in the media
 * table beside the original (`crops/{ratio}/{path}`), so every instance
 * serves the same bytes and each crop is computed once per site. Null when
 * the ratio or the original is unknown.
 */
export async function getMediaCrop(ratio: string, path: string): Promise<StoredMedia | null> {
  const social = ratio === SOCIAL_IMAGE.ratio;
  const cropRatio = isCropRatio(ratio) ? ratio : null;
  const originalPath = social ? socialImageSource(path) : cropRatio ? path : null;
  // Crops of crops would let a crawler grow the table without end.
  if (originalPath === null || originalPath.startsWith('crops/')) return null;
  const cropKey = `crops/${ratio}/${path}`;
  const stored = await getMedia(cropKey);
  if (stored) return stored;
  const original = await getMedia(originalPath);
  if (!original || !original.contentType.startsWith('image/')) return null;
  const crop = cropRatio ? await renderCrop(original.bytes, cropRatio) : await renderSocialImage(original.bytes);
  const contentType = social ? 'image/jpeg' : 'image/webp';
  const db = await getDb();
  // Two first requests may race: both render, the first insert wins, both answers are the same picture.
  await db
    .insertInto('media')
    .values({ path: cropKey, content_type: contentType, bytes: crop.bytes, width: crop.width, height: crop.height, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('path').doNothing())
    .execute();
  return { contentType, bytes: crop.bytes };
}
