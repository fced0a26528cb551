import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { deriveArticleId } from '../content/ids';
import { isPublicArticleId } from '../content/lookup';
import { isPublic } from '../content/queries';
import { readSettings } from '../config';
import { getDatabase } from '../db/global';
import type { Database } from '../db/schema';
import { buildDemoViewHistory } from '../seed/demo-views';
import { demoArticles } from '../seed/demo/articles';
import { ViewBuffer } from './buffer';
import type { ViewCounter } from './ingest';
import { runRankingJob } from './job';
import { PublicArticleCache } from './known-articles';
import { LastKnownRankings } from './read';
import { connectRedis, RedisViewStore } from './redis-store';
import { SqlViewStore } from './sql-store';
import { reportStoreError, type ViewStore } from './store';
import { MemoryDeduper, MemorySalt } from './visitor';
import { readTrustedProxyHops } from '../http/client-address';
import { onShutdown } from '../ops/shutdown';
import { logger } from '../log';

/**
 * The process's view counter and ranking job, wired from the settings:
 * Redis when REDIS_URL is set, otherwise the site's own database. Kept on
 * globalThis like the database (lib/db/global.ts) because Next.js loads
 * instrumentation, pages and route handlers as separate bundles of one
 * process, and they must share one buffer, one dedupe memory, one job.
 */

export type ViewRuntime = ViewCounter & {
  store: ViewStore;
  /** What pages read the rankings through: the store, or the lists last read from it while it cannot be reached. */
  rankings: LastKnownRankings;
  /** The Redis client behind the store (REDIS_URL), for the health check and shutdown; none on the site's database. */
  redis?: Redis;
};

type Global = typeof globalThis & { __kijiViews?: Promise<ViewRuntime>; __kijiRankingTimer?: ReturnType<typeof setInterval> };

/** How often each process asks for the job's lease; the lease (60 s) is what limits recomputes. */
const JOB_TICK_MS = 15_000;

export type ViewRuntimeOptions = {
  /** The site's database: which articles are public, and the store when there is no Redis. */
  db: Kysely<Database>;
  /** A client from connectRedis (REDIS_URL), or none for the site's database. */
  redis?: Redis;
  /** KIJI_REDIS_PREFIX. */
  redisPrefix: string;
  trustedProxyHops: number;
};

/** Wires a view counter and its store: Redis when given a client, otherwise the site's database. */
export function createViewRuntime({ db, redis, redisPrefix, trustedProxyHops }: ViewRuntimeOptions): ViewRuntime {
  const known = new PublicArticleCache((id, now) => isPublicArticleId(db, id, now));
  const isPublicArticle = (id: string, now: Date) => known.isPublic(id, now);
  if (redis) {
    const store = new RedisViewStore(redis, redisPrefix);
    return { store, rankings: new LastKnownRankings(store), deduper: store, salt: store, buffer: new ViewBuffer(store), isPublicArticle, trustedProxyHops, redis };
  }
  // The embedded database serves one process, so dedupe and salt live in
  // its memory. Several instances on one PostgreSQL without Redis would
  // each keep their own: a reader bounced between them could count twice
  // (README: use REDIS_URL when running more than one instance).
  const store = new SqlViewStore(db);
  return { store, rankings: new LastKnownRankings(store), deduper: new MemoryDeduper(), salt: new MemorySalt(), buffer: new ViewBuffer(store), isPublicArticle, trustedProxyHops };
}

/** The view counter for this process, created on first use. */
export function getViewRuntime(): Promise<ViewRuntime> {
  const g = globalThis as Global;
  g.__kijiViews ??= (async (): Promise<ViewRuntime> => {
    const settings = readSettings();
    const runtime = createViewRuntime({
      db: await getDatabase(),
      // Waits for the first connection at most connectTimeout: a Redis that is down at start fails fast like one that goes down later.
      redis: settings.redisUrl ? await connectRedis(settings.redisUrl) : undefined,
      redisPrefix: settings.redisPrefix,
      trustedProxyHops: readTrustedProxyHops(),
    });
    // After the last request: the views still buffered are written, then the client closes.
    onShutdown('connections', 'page views and Redis', async () => {
      await runtime.buffer.flush();
      if (runtime.redis) await closeRedis(runtime.redis);
    });
    return runtime;
  })().catch((error: unknown) => {
    g.__kijiViews = undefined;
    throw error;
  });
  return g.__kijiViews;
}

/**
 * Loads the demo's 30-day view history into an empty store, once, when the
 * demo content is what the database holds (its first article is there), so
 * a real site's store is never filled with invented views.
 */
export async function seedDemoViews(store: ViewStore, db: Kysely<Database>, now: Date): Promise<boolean> {
  if ((await store.getLatestViewAt()) !== null) return false;
  const first = demoArticles.find((a) => !a.status);
  if (!first || !(await db.selectFrom('articles').select('id').where('id', '=', deriveArticleId(first.key)).executeTakeFirst())) return false;
  // Several instances starting together on one store: only the first loads it.
  if (!(await store.markOnce('demo-views', now))) return false;
  // The demo's own articles only: on a database that also holds many others
  // (the 100,000 generated for the scale benchmark), a history for every one
  // took minutes and 1.5 GB before the server answered.
  const demoIds = demoArticles.filter((a) => !a.status).map((a) => deriveArticleId(a.key));
  const rows = await db.selectFrom('articles').select(['id', 'published_at']).where(isPublic(now)).where('id', 'in', demoIds).execute();
  const history = buildDemoViewHistory(
    rows.flatMap((r) => (r.published_at ? [{ id: r.id, publishedAt: r.published_at }] : [])),
    now,
  );
  await store.addViews(history, now);
  return true;
}

/**
 * One tick of this process's job: writes the buffered views, then recomputes
 * the rankings if it gets the lease. Never throws; a failure is logged,
 * except an outage of the store, which its connection logged when it began.
 */
export async function tickRankingJob(runtime: Pick<ViewRuntime, 'buffer' | 'store'>, now = new Date()): Promise<void> {
  try {
    await runtime.buffer.flush();
    await runRankingJob(runtime.store, now);
  } catch (error) {
    reportStoreError('ranking job failed', error);
  }
}

/**
 * Starts the ranking job in this process (instrumentation.ts, at server
 * start): seeds the demo history when the store is empty and demo content
 * is on, computes the rankings once so the first page has them, then asks
 * for the job's lease every JOB_TICK_MS. Safe to call more than once.
 */
export async function startRankingJob(): Promise<void> {
  const g = globalThis as Global;
  if (g.__kijiRankingTimer) return;
  const runtime = await getViewRuntime();
  const settings = readSettings();
  const tick = () => tickRankingJob(runtime);
  g.__kijiRankingTimer = setInterval(() => void tick(), JOB_TICK_MS);
  g.__kijiRankingTimer.unref?.();
  onShutdown('work', 'ranking job', () => clearInterval(g.__kijiRankingTimer));
  if (settings.seedDemo) {
    try {
      if (await seedDemoViews(runtime.store, await getDatabase(), new Date())) logger('rankings').info('demo view history loaded');
    } catch (error) {
      logger('rankings').error({ err: error }, 'demo view history failed');
    }
  }
  await tick();
}

/** QUIT when connected (Redis answers, then closes), otherwise just drop the socket and stop reconnecting. */
async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await redis.quit().then(
    () => undefined,
    () => redis.disconnect(),
  );
}
