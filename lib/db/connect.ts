import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type DatabaseConnection, type Driver, type Migration } from 'kysely';
import pg from 'pg';
import { initialMigration } from './migrations/0001-initial';
import { rankingsMigration } from './migrations/0002-rankings';
import { newsletterMigration } from './migrations/0003-newsletter';
import { searchMigration } from './migrations/0004-search';
import { newsroomMigration } from './migrations/0005-newsroom';
import { articleMonthsMigration } from './migrations/0006-article-months';
import { articleLookupMigration } from './migrations/0007-article-lookup';
import { linkOrderMigration } from './migrations/0008-link-order';
import { titleGramsMigration } from './migrations/0009-title-grams';
import { rateLimitsMigration } from './migrations/0010-rate-limits';
import { oneSecretStoreMigration } from './migrations/0011-one-secret-store';
import { invalidationExpiryMigration } from './migrations/0012-invalidation-expiry';
import { bigramsMigration } from './migrations/0013-bigrams';
import { rolesMigration } from './migrations/0014-roles';
import { frontPageMigration } from './migrations/0015-front-page';
import { articleCorrectionsMigration } from './migrations/0016-article-corrections';
import { articleSeoMigration } from './migrations/0017-article-seo';
import { liveCoverageMigration } from './migrations/0018-live-coverage';
import { deletedDraftsMigration } from './migrations/0019-deleted-drafts';
import { twoFactorMigration } from './migrations/0020-two-factor';
import { newsletterEditionsMigration } from './migrations/0021-newsletter-editions';
import { pictureLibraryMigration } from './migrations/0022-picture-library';
import { articlePresenceMigration } from './migrations/0023-article-presence';
import { fixedPagesMigration } from './migrations/0024-fixed-pages';
import { magazineDeskMigration } from './migrations/0025-magazine-desk';
import { authorProfilesMigration } from './migrations/0026-author-profiles';
import type { Database, Dialect } from './schema';
import { articleBigramTokens, titleGramTokens } from '../text/grams';
import { logger } from '../log';

export type Connection = { db: Kysely<Database>; dialect: Dialect };

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Opens the database the settings name: PostgreSQL when `databaseUrl` is set,
 * otherwise the embedded SQLite file `kiji.sqlite` in `dataDir` (created,
 * with its folder, when missing).
 */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Connection {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // A request fails fast when PostgreSQL is down or unreachable (a 503,
      // lib/db/errors.ts) instead of waiting out a TCP timeout: each new
      // connection must open within the bound. On the client, not the pool:
      // pg-pool applies its own `connectionTimeoutMillis` to the wait for a
      // free client too, and under load (a flood through nginx) that turned
      // a busy pool into 500s.
      Client: TimedClient,
      // A server that vanished without closing the socket is noticed.
      keepAlive: true,
      types: {
        getTypeParser(oid: number, format?: 'text' | 'binary') {
          // Timestamps travel as ISO strings on both engines (see schema.ts).
          if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return (v: string) => new Date(v).toISOString();
          // COUNT(*) is int8; our counts fit a JS number.
          if (oid === INT8_OID) return (v: string) => Number(v);
          return pg.types.getTypeParser(oid, format as 'text');
        },
      } as pg.CustomTypesConfig,
    });
    watchPool(pool);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(options.dataDir, 'kiji.sqlite'));
  // WAL lets readers proceed while the newsroom or the seed writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The search triggers index short words through them (migrations 0009 and
  // 0013), so every connection that may write articles has them.
  sqlite.function('kiji_title_grams', { deterministic: true }, (headline: unknown, standfirst: unknown) =>
    titleGramTokens(String(headline ?? ''), typeof standfirst === 'string' ? standfirst : null),
  );
  sqlite.function('kiji_bigrams', { deterministic: true }, (headline: unknown, standfirst: unknown, body: unknown) =>
    articleBigramTokens(String(headline ?? ''), typeof standfirst === 'string' ? standfirst : null, String(body ?? '')),
  );
  return { db: new Kysely<Database>({ dialect: new EmbeddedSqliteDialect(sqlite) }), dialect: 'sqlite' };
}

/** Milliseconds to open a connection to PostgreSQL before a query fails (ADR 0026). */
export const POSTGRES_CONNECT_TIMEOUT_MS = 3_000;

/** A PostgreSQL client that gives up opening its connection after {@link POSTGRES_CONNECT_TIMEOUT_MS}. */
class TimedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS } : { ...config, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  }
}

/**
 * An idle client whose server went away (PostgreSQL stopped or restarted:
 * 57P01 "terminating connection due to administrator command") makes the
 * pool emit `error`; with no listener that is an uncaught exception, one per
 * idle client, on every outage. The pool drops such clients itself and opens
 * new ones when asked, so it reconnects without a restart: log the first
 * error of an outage, and its end when a connection opens again.
 */
function watchPool(pool: pg.Pool): void {
  let down = false;
  pool.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger('db').error({ reason: error.message }, 'lost a PostgreSQL connection; reconnecting on the next query');
  });
  pool.on('connect', () => {
    if (!down) return;
    down = false;
    logger('db').info('PostgreSQL connection open again');
  });
}

/**
 * Kysely's SQLite dialect, with two changes to its transactions:
 *
 * - they begin IMMEDIATE, taking the write lock at BEGIN. Kysely's plain
 *   BEGIN is deferred: a transaction that reads and then writes asks for the
 *   lock at its first write, and if another connection (a CLI, a second
 *   process, a test writing to the server's file) committed in between,
 *   SQLite answers SQLITE_BUSY at once, without waiting `busy_timeout`: a
 *   newsroom save failed with a 500 so (CI, 2026-12-05). IMMEDIATE waits
 *   for the lock like any write instead;
 * - a rollback SQLite already did is not attempted again. SQLite ends the
 *   transaction itself on some errors (a full disk, SQLITE_FULL, among
 *   them); Kysely's ROLLBACK then threw "no transaction is active" and that
 *   error replaced the real one, so a full disk looked like any other
 *   failure (lib/db/errors.ts, lib/newsletter/storage-full.test.ts).
 */
class EmbeddedSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: withStatementCache(sqlite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const sqlite = this.sqlite;
    return new Proxy(driver, {
      get(target, property) {
        if (property === 'beginTransaction') {
          return async (connection: DatabaseConnection) => {
            await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          };
        }
        if (property === 'rollbackTransaction') {
          return (connection: DatabaseConnection) => (sqlite.inTransaction ? target.rollbackTransaction(connection) : Promise.resolve());
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

/** How many prepared statements a SQLite connection keeps; a page render runs about 27 distinct ones. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, except that `prepare`
 * returns the statement prepared earlier for the same text (least recently
 * used dropped past {@link STATEMENT_CACHE_SIZE}). Kysely prepares every
 * query it runs; a first article render spent about a fifth of its SQLite
 * time preparing (bench/profile-crawl.ts with BENCH_PROFILE_SQL=1). Sharing a
 * statement is safe: Kysely's driver holds the one connection for a whole
 * query (a stream included), so no two uses of a statement overlap, and
 * SQLite re-prepares a statement by itself after a schema change.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

/** Every migration, in order. Imported statically so the server bundle carries them. */
function listMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-rankings': rankingsMigration(dialect),
    '0003-newsletter': newsletterMigration(dialect),
    '0004-search': searchMigration(dialect),
    '0005-newsroom': newsroomMigration(dialect),
    '0006-article-months': articleMonthsMigration(dialect),
    '0007-article-lookup': articleLookupMigration(),
    '0008-link-order': linkOrderMigration(dialect),
    '0009-title-grams': titleGramsMigration(dialect),
    '0010-rate-limits': rateLimitsMigration(),
    '0011-one-secret-store': oneSecretStoreMigration(),
    '0012-invalidation-expiry': invalidationExpiryMigration(),
    '0013-bigrams': bigramsMigration(dialect),
    '0014-roles': rolesMigration(),
    '0015-front-page': frontPageMigration(dialect),
    '0016-article-corrections': articleCorrectionsMigration(dialect),
    '0017-article-seo': articleSeoMigration(),
    '0018-live-coverage': liveCoverageMigration(dialect),
    '0019-deleted-drafts': deletedDraftsMigration(dialect),
    '0020-two-factor': twoFactorMigration(dialect),
    '0021-newsletter-editions': newsletterEditionsMigration(dialect),
    '0022-picture-library': pictureLibraryMigration(dialect),
    '0023-article-presence': articlePresenceMigration(dialect),
    '0024-fixed-pages': fixedPagesMigration(dialect),
    '0025-magazine-desk': magazineDeskMigration(dialect),
    '0026-author-profiles': authorProfilesMigration(),
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest({ db, dialect }: Connection): Promise<void> {
  // On PostgreSQL, name the schema the migration tables live in: Kysely
  // otherwise takes a same-named table in *any* schema of the database as
  // its own (several Kiji databases or test runs can share one server).
  const migrationTableSchema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => listMigrations(dialect) },
    migrationTableSchema,
    // Work merged from parallel branches numbers its migrations in the order it
    // was begun, not landed: a database that already ran 0015 still runs a 0014
    // that arrived after it. Each migration touches only its own tables and columns.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
