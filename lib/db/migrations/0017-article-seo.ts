import type { Kysely } from 'kysely';

/**
 * An article's own search and share wording (ADR 0035): a title and a
 * description for <title>, the meta description and link previews, and a
 * picture for link previews, when the desk wants them to differ from the
 * headline, standfirst and hero. Null = use those, as before. Nullable
 * columns in both engines; the picture is a stored upload like the hero.
 */
export function articleSeoMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('articles').addColumn('seo_title', 'text').execute();
      await db.schema.alterTable('articles').addColumn('seo_description', 'text').execute();
      await db.schema.alterTable('articles').addColumn('social_src', 'text').execute();
      await db.schema.alterTable('articles').addColumn('social_width', 'integer').execute();
      await db.schema.alterTable('articles').addColumn('social_height', 'integer').execute();
    },
  };
}
