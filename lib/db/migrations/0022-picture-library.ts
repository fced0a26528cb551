import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The picture library, 写真ライブラリ (ADR 0046): one row for each
 * picture the newsroom has stored, with the caption, credit and alt text it
 * is offered with, who uploaded it and when. The bytes stay in `media`; `src`
 * is the picture's /media address, once each. Touches only its own table, so
 * it runs in any order with 0019–0021 of the parallel branches.
 *
 * Pictures already in articles (heroes, and `::figure` lines in bodies whose
 * src is a stored picture) are listed once, newest article first, with the
 * words that article used: a desk can reuse them at once.
 */
export function pictureLibraryMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('pictures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('src', 'text', (c) => c.notNull().unique())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('byte_size', 'integer')
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('uploaded_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      // The library lists newest first, page by page.
      await db.schema.createIndex('pictures_by_time').on('pictures').columns(['created_at', 'id']).execute();
      await backfill(db, dialect);
    },
  };
}

type Found = { src: string; caption: string; credit: string; alt: string; at: string };

/** `::figure[caption]{…}` on its own line; the attributes as the house writes them (docs/markdown-dialect.md). */
const FIGURE_LINE = /^::figure\[((?:\\.|[^\]\\])*)\]\{([^}\n]*)\}\s*$/gm;
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;

function decode(value: string): string {
  return value
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function backfill(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const found = new Map<string, Found>();
  const keep = (f: Found) => {
    const before = found.get(f.src);
    if (!before || before.at < f.at) found.set(f.src, f);
  };
  const heroes = (await db
    .selectFrom('articles')
    .select(['hero_src', 'hero_caption', 'hero_credit', 'hero_alt', 'updated_at', 'created_at'])
    .where('hero_src', 'like', '/media/%')
    .execute()) as { hero_src: string; hero_caption: string | null; hero_credit: string | null; hero_alt: string | null; updated_at: unknown; created_at: unknown }[];
  for (const h of heroes) {
    keep({ src: h.hero_src, caption: h.hero_caption ?? '', credit: h.hero_credit ?? '', alt: h.hero_alt ?? '', at: toIso(h.updated_at ?? h.created_at) });
  }
  const bodies = (await db.selectFrom('articles').select(['body', 'updated_at', 'created_at']).where('body', 'like', '%::figure%').execute()) as {
    body: string;
    updated_at: unknown;
    created_at: unknown;
  }[];
  for (const b of bodies) {
    for (const [, caption, attributes] of b.body.matchAll(FIGURE_LINE)) {
      const attrs = Object.fromEntries([...attributes!.matchAll(ATTRIBUTE)].map(([, k, v]) => [k!, decode(v!)]));
      if (!attrs.src?.startsWith('/media/')) continue;
      keep({ src: attrs.src, caption: decode(caption!), credit: attrs.credit ?? '', alt: attrs.alt ?? '', at: toIso(b.updated_at ?? b.created_at) });
    }
  }
  if (found.size === 0) return;
  // Only pictures whose bytes we hold: their size is the stored one, not what an article claimed.
  const size = dialect === 'postgres' ? sql<number>`octet_length(bytes)` : sql<number>`length(bytes)`;
  const paths = [...found.keys()].map((src) => src.slice('/media/'.length));
  for (let i = 0; i < paths.length; i += 500) {
    const stored = (await db
      .selectFrom('media')
      .select(['path', 'width', 'height', 'created_at', size.as('byte_size')])
      .where('path', 'in', paths.slice(i, i + 500))
      .execute()) as { path: string; width: number; height: number; created_at: unknown; byte_size: number }[];
    if (stored.length === 0) continue;
    await db
      .insertInto('pictures')
      .values(
        stored.map((m) => {
          const f = found.get(`/media/${m.path}`)!;
          return {
            id: randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x'),
            src: f.src,
            width: m.width,
            height: m.height,
            byte_size: Number(m.byte_size),
            caption: f.caption.slice(0, 300),
            credit: f.credit.slice(0, 100),
            alt: f.alt.slice(0, 200),
            uploaded_by: null,
            created_at: toIso(m.created_at),
          };
        }),
      )
      .onConflict((oc) => oc.column('src').doNothing())
      .execute();
  }
}

function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
