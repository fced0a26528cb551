import type { Kysely } from 'kysely';

/**
 * One table of fixed-window counters for every limit (lib/http/rate-limit.ts):
 * the newsletter's table, renamed, now also counts sign-in attempts, whose
 * read-then-write failure log could let concurrent guesses past the limit.
 */
export function rateLimitsMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('newsletter_rate_limits').renameTo('rate_limits').execute();
      await db.schema.dropTable('sign_in_failures').execute();
    },
  };
}
