import type { Kysely } from 'kysely';

/**
 * An author's page as a news site's (ADR 0050): a short profile
 * (プロフィール, plain text, empty until the desk writes one) and an optional
 * portrait from the picture library, kept as the picture's /media address
 * and size like a hero, so the page reserves its room. Adds columns to
 * `authors` only, so it runs in any order with the parallel branches'
 * 0023–0025; the empty default fills every existing row in both engines.
 */
export function authorProfilesMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('authors').addColumn('profile', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('authors').addColumn('portrait_src', 'text').execute();
      await db.schema.alterTable('authors').addColumn('portrait_width', 'integer').execute();
      await db.schema.alterTable('authors').addColumn('portrait_height', 'integer').execute();
    },
  };
}
