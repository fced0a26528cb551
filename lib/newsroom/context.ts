import 'server-only';
import type { Kysely } from 'kysely';
import { readSettings } from '../config';
import { getDb } from '../db';
import type { Database } from '../db/schema';
import { loadSecret, SERVER_SECRET } from '../signing';
import { readNewsroomSettings, type NewsroomSettings } from './settings';

type Global = typeof globalThis & { __kijiSecret?: Promise<string> };

export type NewsroomContext = { db: Kysely<Database>; secret: string; settings: NewsroomSettings; siteUrl: string };

/** The database, the HMAC key and the settings every newsroom request needs. */
export async function getNewsroomContext(): Promise<NewsroomContext> {
  const db = await getDb();
  const settings = readNewsroomSettings();
  const g = globalThis as Global;
  g.__kijiSecret ??= loadSecret(db, SERVER_SECRET, settings.secret).catch((error: unknown) => {
    g.__kijiSecret = undefined;
    throw error;
  });
  return { db, secret: await g.__kijiSecret, settings, siteUrl: readSettings().siteUrl };
}
