import type { Kysely } from 'kysely';

/**
 * Newsroom roles and review (ADR 0032): every account gets a role
 * (`reporter` 記者, `desk` デスク, `admin` 管理者), and a revision can carry
 * a note (the desk's reason for sending a submitted piece back). The column's
 * default is the least privilege, so a row written without a role can do the
 * least; accounts that exist already become 管理者, so nothing a running
 * site's editors could do before is taken from them. The new article status
 * `submitted` (提出済み) needs no change: `status` is free text.
 */
export function rolesMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('editors')
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('reporter'))
        .execute();
      await db.updateTable('editors').set({ role: 'admin' }).execute();
      await db.schema.alterTable('article_revisions').addColumn('note', 'text').execute();
    },
  };
}
