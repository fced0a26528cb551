import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { PICTURES_PER_PAGE, type LibraryPicture, type PicturePage, type PictureFields } from './picture-fields';

/**
 * The picture library's reads and writes (ADR 0046). Search is a substring
 * match on caption, credit and alt text, every word of the query somewhere
 * in them: Japanese has no spaces to index by, and a newsroom's library is
 * thousands of pictures, not millions, so a scan of one narrow table is
 * quick enough (the article search's bigram index is for the public site).
 */

/** Longest search the library takes; a longer one is cut, not refused. */
const MAX_QUERY = 100;
/** The deepest page a search pages to: past it, a narrower search finds more. */
export const MAX_PAGE = 1000;

export type NewPicture = { src: string; width: number; height: number; byteSize: number; uploadedBy: string | null } & Partial<PictureFields>;

/** Adds a stored picture to the library; its id. */
export async function addPicture(db: Kysely<Database>, picture: NewPicture, now = new Date()): Promise<string> {
  const id = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
  await db
    .insertInto('pictures')
    .values({
      id,
      src: picture.src,
      width: picture.width,
      height: picture.height,
      byte_size: picture.byteSize,
      caption: picture.caption ?? '',
      credit: picture.credit ?? '',
      alt: picture.alt ?? '',
      uploaded_by: picture.uploadedBy,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}

/** The words of a search: split on any space (full-width too), each one matched as typed. */
export function toSearchWords(query: string): string[] {
  return query
    .slice(0, MAX_QUERY)
    .split(/[\s\u3000]+/u)
    .filter((w) => w !== '')
    .slice(0, 5);
}

/** `word` as a LIKE pattern that matches it literally anywhere (`\` escapes). */
function toContains(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A library picture's row with its uploader's name: what every read of the library selects. */
function selectPictures(db: Kysely<Database>) {
  return db
    .selectFrom('pictures')
    .leftJoin('editors', 'editors.id', 'pictures.uploaded_by')
    .select([
      'pictures.id',
      'pictures.src',
      'pictures.width',
      'pictures.height',
      'pictures.byte_size',
      'pictures.caption',
      'pictures.credit',
      'pictures.alt',
      'pictures.created_at',
      'editors.name as uploader',
    ]);
}

/** A page of the library, newest first, narrowed to pictures whose caption, credit or alt text hold every word of `query`. */
export async function listPictures(db: Kysely<Database>, { query = '', page = 1 }: { query?: string; page?: number }): Promise<PicturePage> {
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), MAX_PAGE);
  let select = selectPictures(db);
  for (const word of toSearchWords(query)) {
    const pattern = toContains(word);
    // lower() because PostgreSQL's LIKE minds case and SQLite's does not; SQLite has no escape character unless named.
    select = select.where((eb) =>
      eb.or((['caption', 'credit', 'alt'] as const).map((column) => sql<boolean>`lower(${sql.ref(`pictures.${column}`)}) like ${pattern} escape '\\'`)),
    );
  }
  const rows = await select
    .orderBy('pictures.created_at', 'desc')
    .orderBy('pictures.id', 'desc')
    .limit(PICTURES_PER_PAGE + 1)
    .offset((current - 1) * PICTURES_PER_PAGE)
    .execute();
  return { pictures: rows.slice(0, PICTURES_PER_PAGE).map(toLibraryPicture), page: current, hasNext: rows.length > PICTURES_PER_PAGE };
}

/** One picture of the library, or null for an id it does not hold. */
export async function findPicture(db: Kysely<Database>, id: string): Promise<LibraryPicture | null> {
  const row = await selectPictures(db)
    .where('pictures.id', '=', id)
    .executeTakeFirst();
  return row ? toLibraryPicture(row) : null;
}

/** Changes a picture's caption, credit and alt text (articles already using it keep their own words); null for an unknown id. */
export async function updatePicture(db: Kysely<Database>, id: string, fields: PictureFields): Promise<LibraryPicture | null> {
  const result = await db.updateTable('pictures').set(fields).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return findPicture(db, id);
}

type PictureRow = {
  id: string;
  src: string;
  width: number;
  height: number;
  byte_size: number | null;
  caption: string;
  credit: string;
  alt: string;
  created_at: string;
  uploader: string | null;
};

function toLibraryPicture(row: PictureRow): LibraryPicture {
  return {
    id: row.id,
    src: row.src,
    width: Number(row.width),
    height: Number(row.height),
    byteSize: row.byte_size === null ? null : Number(row.byte_size),
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    uploadedBy: row.uploader,
    createdAt: row.created_at,
  };
}
