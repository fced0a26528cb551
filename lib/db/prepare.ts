import { sql } from 'kysely';
import { seedDemoContent } from '../seed/seed-demo';
import { migrateToLatest, type Connection } from './connect';

// Any fixed number: it names the advisory lock that serialises first-start
// seeding between instances sharing one PostgreSQL database.
const SEED_LOCK_KEY = 4_242_017;

/**
 * Makes a database ready to serve: migrates it and, when it holds no content
 * yet and demo seeding is on, loads the demo content. Safe to run from
 * several instances at once.
 */
export async function prepareDatabase(conn: Connection, options: { seedDemo: boolean; now?: Date }): Promise<void> {
  await migrateToLatest(conn);
  if (options.seedDemo) {
    await conn.db.transaction().execute(async (trx) => {
      if (conn.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
      const existing = await trx.selectFrom('sections').select('slug').limit(1).executeTakeFirst();
      if (existing) return;
      await seedDemoContent(trx, { now: options.now ?? new Date() });
    });
  }
  await refreshPlannerStatistics(conn);
}

/**
 * Gives SQLite's query planner statistics (`PRAGMA optimize`, which analyses
 * the tables whose size has changed a lot since they were last analysed, as
 * SQLite recommends for long-lived connections). Without them it guesses, and
 * at 100,000 articles it read every public article to find the few flagged
 * 速報 (0.6 s instead of 2 ms, docs/benchmarks.md). PostgreSQL's autovacuum
 * keeps its own statistics.
 */
export async function refreshPlannerStatistics(conn: Connection): Promise<void> {
  if (conn.dialect === 'sqlite') await sql`pragma optimize=0x10002`.execute(conn.db);
}
