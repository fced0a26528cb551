import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Two-factor sign-in (ADR 0043): an account's TOTP secret once
 * confirmed (`totp_secret`, `totp_enabled_at`), the secret being enrolled
 * until a code confirms it (`totp_pending_secret`), and the last 30-second
 * step a code was accepted for (`totp_last_step`), so a code is never
 * accepted twice. Recovery codes are kept as SHA-256 hashes, one row each.
 * `newsroom_settings` holds what a 管理者 sets on the accounts page (the
 * first: whether roles that publish must use two-factor sign-in).
 */
export function twoFactorMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('editors').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('editors').addColumn('totp_pending_secret', 'text').execute();
      await db.schema.alterTable('editors').addColumn('totp_enabled_at', sql.raw(timestamp)).execute();
      await db.schema.alterTable('editors').addColumn('totp_last_step', 'integer').execute();
      await db.schema
        .createTable('editor_recovery_codes')
        .addColumn('editor_id', 'text', (c) => c.notNull().references('editors.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('used_at', sql.raw(timestamp))
        .addPrimaryKeyConstraint('editor_recovery_codes_pk', ['editor_id', 'code_hash'])
        .execute();
      await db.schema
        .createTable('newsroom_settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .execute();
    },
  };
}
