import type { Kysely } from 'kysely';

/**
 * Each recorded invalidation says how it expires: `stale` (served once more
 * while the page renders again) or `now` (dropped: a withdrawal). Other
 * instances read the log to apply what they missed (lib/cache/invalidation-bus.ts)
 * and must apply it the same way.
 */
export function invalidationExpiryMigration() {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('cache_invalidations')
        .addColumn('expire', 'text', (c) => c.notNull().defaultTo('stale'))
        .execute();
    },
  };
}
