import 'server-only';
import { getDb } from '../db';

export type StoredMedia = { contentType: string; bytes: Uint8Array };

/** Media paths are plain relative paths of safe characters; anything else is never looked up. */
const MEDIA_PATH = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** An image stored in the database, by its path under /media; null when unknown. */
export async function getMedia(path: string): Promise<StoredMedia | null> {
  if (!MEDIA_PATH.test(path) || path.includes('..')) return null;
  const db = await getDb();
  const row = await db.selectFrom('media').select(['content_type', 'bytes']).where('path', '=', path).executeTakeFirst();
  return row ? { contentType: row.content_type, bytes: row.bytes } : null;
}
