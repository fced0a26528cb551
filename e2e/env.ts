import { TEST_PG_URL } from '../test/support/database';

/**
 * The servers the e2e suite runs and the settings they start with
 * (playwright.config.ts starts them, scripts/e2e-server.ts prepares their
 * data), for the specs that also need to know them. Test code only.
 */

/** KIJI_REVALIDATE_SECRET of the e2e servers: specs publish and unpublish through POST /api/revalidate. */
export const E2E_REVALIDATE_SECRET = 'e2e-revalidate-secret-kiji';

/** The SQLite server's port; the restart and load specs start servers of their own beside it (+100, +200). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The PostgreSQL + Redis server's port. */
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT || E2E_PORT + 1);
/** The SMTP server e2e/newsletter.spec.ts runs in the test process; the SQLite server's outbox worker sends there. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2527);

export type E2eServer = {
  /** What the server keeps its data in. */
  engine: 'sqlite' | 'postgres';
  port: number;
  /** Its origin, the baseURL of the projects that drive it. */
  base: string;
  /** The settings `npm start` gets (lib/config.ts), on top of the test runner's environment. */
  env: Record<string, string>;
};

const origin = (port: number) => `http://127.0.0.1:${port}`;

/** What every e2e server starts with besides its own database. */
const COMMON_ENV = {
  KIJI_REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
  // /baseline, the empty page the JS and Lighthouse budgets compare with (off in production).
  KIJI_BENCH_PAGES: '1',
  // The test process stands where nginx would: each newsletter spec's browser is a
  // reader of its own, named in X-Forwarded-For (Next.js appends the real peer, ADR 0020).
  KIJI_TRUSTED_PROXY_HOPS: '1',
};

/** README's quick start: the embedded SQLite database, in a fresh data folder `.e2e-data-<port>`. */
export const SQLITE_SERVER: E2eServer = {
  engine: 'sqlite',
  port: E2E_PORT,
  base: origin(E2E_PORT),
  env: {
    PORT: String(E2E_PORT),
    KIJI_DATA_DIR: `.e2e-data-${E2E_PORT}`,
    SITE_URL: origin(E2E_PORT),
    ...COMMON_ENV,
    // Empty is unset (lib/config.ts): a developer's own database or Redis in the environment stays out of it.
    DATABASE_URL: '',
    REDIS_URL: '',
    // The newsletter specs receive mail on a real SMTP server in the test process.
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  },
};

/**
 * The same build on PostgreSQL and Redis, as a site with several instances
 * runs: a database `kiji_e2e_<port>` of its own on the server of
 * KIJI_TEST_DATABASE_URL, and keys under `kiji-e2e-<port>:` in the Redis
 * database E2E_REDIS_URL names (DB 1 unless set), both emptied at start.
 */
function postgresServer(port: number): E2eServer {
  const database = new URL(TEST_PG_URL);
  database.pathname = `/kiji_e2e_${port}`;
  return {
    engine: 'postgres',
    port,
    base: origin(port),
    env: {
      PORT: String(port),
      DATABASE_URL: database.toString(),
      REDIS_URL: process.env.E2E_REDIS_URL || 'redis://127.0.0.1:6379/1',
      KIJI_REDIS_PREFIX: `kiji-e2e-${port}:`,
      // Nothing is stored there on PostgreSQL; named so nothing lands in ./data either.
      KIJI_DATA_DIR: `.e2e-data-${port}`,
      SITE_URL: origin(port),
      ...COMMON_ENV,
      // No specs read its mail: it stays in the outbox.
      SMTP_URL: '',
    },
  };
}

export const POSTGRES_SERVER: E2eServer = postgresServer(E2E_PG_PORT);

export const E2E_SERVERS = [SQLITE_SERVER, POSTGRES_SERVER] as const;

/**
 * The projects that check server output (feeds, sitemaps, cache states,
 * flags that change every page): one per server, at desktop width, so those
 * checks run once on each engine and never race a second project on the same server.
 */
export const SERVER_CHECK_PROJECTS = ['desktop', 'postgres-desktop'] as const;
