import type { Kysely } from 'kysely';

/**
 * The newsletter's signing secret joins the server's in `server_secrets`
 * (lib/signing): one store, one module. The value moves as it is, so every
 * unsubscribe link already mailed keeps working.
 */
export function oneSecretStoreMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      const rows = await db.selectFrom('newsletter_secrets').select(['name', 'value']).execute();
      const now = new Date().toISOString();
      for (const row of rows) {
        await db
          .insertInto('server_secrets')
          .values({ name: row.name, value: row.value, created_at: now })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
      }
      await db.schema.dropTable('newsletter_secrets').execute();
    },
  };
}
