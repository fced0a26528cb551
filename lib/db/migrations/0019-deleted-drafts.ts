import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Deleted drafts (ADR 0041): deleting a draft that was never
 * published only marks it (`deleted_at`), so its revisions stay for the
 * 管理者, who can bring it back. Every newsroom read skips marked rows;
 * readers never saw a draft, so nothing public changes.
 */
export function deletedDraftsMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('articles').addColumn('deleted_at', sql.raw(timestamp)).execute();
    },
  };
}
