import 'server-only';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { reportBackgroundError } from '../db/errors';
import { logger } from '../log';

/**
 * Cache invalidations reach every instance (docs/adr/0024-invalidation-across-instances.md).
 *
 * Next.js keeps tag invalidations in the memory of the process that made
 * them. Every invalidation is already recorded in `cache_invalidations`
 * (lib/newsroom/invalidate.ts); here each process also
 * - announces its own on a Redis channel (REDIS_URL): the fast path, the
 *   others apply it within milliseconds;
 * - reads the table every POLL_MS for rows it has not applied: the safety
 *   net, so an instance converges within a few seconds while Redis is down,
 *   a message was lost, or it was restarting.
 * Applying means what a local invalidation does: Next.js's tags manifest
 * (cache-handler.cjs `revalidateTagsHere`) and whatever else the caller
 * passes (the rails snapshot). Each tag's latest applied time is kept, so
 * an invalidation is applied once however it arrives, and never the
 * process's own.
 */

export type Expiry = 'stale' | 'now';

/** One invalidation as announced and as read back from the table. */
export type Invalidation = { tags: string[]; at: string; expire: Expiry };

/** How often the table is read for invalidations Redis did not bring (ms). */
export const POLL_MS = 2_000;

/**
 * How far back each read of the table looks past the previous one (ms): rows
 * are stamped with the writer's clock, which may run behind this one's.
 */
const CLOCK_SLACK_MS = 60_000;

const CHANNEL = 'invalidations';

type BusState = {
  instance: string;
  /** `<KIJI_REDIS_PREFIX>invalidations`, set when the listener starts. */
  channel: string;
  /** The latest invalidation time applied (or made) here, per tag. */
  applied: Map<string, string>;
  publisher: Redis | null;
  stop: (() => Promise<void>) | null;
};

// On globalThis: the routes that invalidate and instrumentation.ts, which
// listens, are separate server bundles, each with its own copy of this module.
const SLOT = Symbol.for('kiji.invalidation-bus');

function state(): BusState {
  const g = globalThis as typeof globalThis & { [SLOT]?: BusState };
  return (g[SLOT] ??= { instance: randomBytes(8).toString('hex'), channel: `kiji:${CHANNEL}`, applied: new Map(), publisher: null, stop: null });
}

/** Whether `at` is newer than what was applied for `tag`; records it if so. */
function claim(applied: Map<string, string>, tag: string, at: string): boolean {
  const previous = applied.get(tag);
  if (previous !== undefined && previous >= at) return false;
  applied.set(tag, at);
  return true;
}

/** Records that this process has applied `tag`'s invalidation of `at` (the restart replay), so neither path applies it again. */
export function recordAppliedInvalidation(tag: string, at: string): void {
  claim(state().applied, tag, at);
}

/** Records an invalidation this process made (so the table's copy is not applied again) and announces it to the others. */
export function announceInvalidation(invalidation: Invalidation): void {
  const bus = state();
  for (const tag of invalidation.tags) claim(bus.applied, tag, invalidation.at);
  // Fire and forget: while Redis is down the others read it from the table.
  bus.publisher?.publish(bus.channel, encodeAnnouncement(bus.instance, invalidation)).catch(() => undefined);
}

/** An announcement on the channel, as instance `from` sends it. */
export function encodeAnnouncement(from: string, invalidation: Invalidation): string {
  return JSON.stringify({ from, tags: invalidation.tags, at: invalidation.at, expire: invalidation.expire });
}

export type ListenerOptions = {
  db: Kysely<Database>;
  /** REDIS_URL, or none: then the table alone, every POLL_MS. */
  redisUrl: string | undefined;
  /** KIJI_REDIS_PREFIX: the channel is `<prefix>invalidations`. */
  redisPrefix: string;
  /** Applies an invalidation another instance made to this process. */
  apply: (tags: string[], expire: Expiry) => Promise<void> | void;
  pollMs?: number;
  now?: () => Date;
};

/**
 * Starts listening for other instances' invalidations (once per process;
 * a second call returns the first's stop). Resolves once the table has
 * been read and, with Redis, the subscription has been tried.
 */
export async function startInvalidationListener({ db, redisUrl, redisPrefix, apply, pollMs = POLL_MS, now = () => new Date() }: ListenerOptions): Promise<() => Promise<void>> {
  const bus = state();
  if (bus.stop) return bus.stop;
  // In the shared state, not this module: the routes that announce run another copy of it.
  bus.channel = `${redisPrefix}${CHANNEL}`;

  const applyOnce = async (invalidation: Invalidation, via: 'redis' | 'database') => {
    const fresh = invalidation.tags.filter((tag) => claim(bus.applied, tag, invalidation.at));
    if (fresh.length === 0) return;
    await apply(fresh, invalidation.expire);
    logger('invalidation').info({ tags: fresh, expire: invalidation.expire, via, at: invalidation.at }, 'applied an invalidation from another instance');
  };

  // The safety net: everything since start (what came before is the scheduler's replay, lib/newsroom/invalidate.ts).
  let readFrom = now().getTime();
  let polling: Promise<void> | null = null;
  const poll = async () => {
    const startedAt = now().getTime();
    const rows = await db
      .selectFrom('cache_invalidations')
      .select(['tag', 'at', 'expire'])
      .where('at', '>', new Date(readFrom - CLOCK_SLACK_MS).toISOString())
      .execute();
    readFrom = startedAt;
    for (const row of rows) await applyOnce({ tags: [row.tag], at: row.at, expire: row.expire }, 'database');
  };
  const timer = setInterval(() => {
    polling ??= poll()
      .catch((error: unknown) => reportBackgroundError('invalidation', 'could not read cache invalidations', error))
      .finally(() => (polling = null));
  }, pollMs);
  timer.unref();

  let subscriber: Redis | null = null;
  if (redisUrl) {
    const options = { connectTimeout: 1000, retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, 2000), lazyConnect: true } as const;
    // A subscribing connection can do nothing else: one to listen, one to announce.
    subscriber = new Redis(redisUrl, { ...options, maxRetriesPerRequest: null });
    bus.publisher = new Redis(redisUrl, { ...options, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    // Outages are the rankings' to report (lib/rankings/redis-store.ts); here the table covers them.
    subscriber.on('error', () => undefined);
    bus.publisher.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => {
      const invalidation = parseAnnouncement(message, bus.instance);
      if (invalidation) void Promise.resolve(applyOnce(invalidation, 'redis')).catch((error: unknown) => logger('invalidation').error({ err: error, tags: invalidation.tags }, 'could not apply an invalidation'));
    });
    await Promise.all([subscriber.connect().then(() => subscriber!.subscribe(bus.channel)), bus.publisher.connect()]).catch(() => undefined);
  }

  bus.stop = async () => {
    clearInterval(timer);
    await polling;
    subscriber?.disconnect();
    bus.publisher?.disconnect();
    bus.publisher = null;
    bus.stop = null;
  };
  return bus.stop;
}

/** An announcement from another instance, or null (this one's own, or not one of ours). */
function parseAnnouncement(message: string, self: string): Invalidation | null {
  try {
    const parsed = JSON.parse(message) as Partial<Invalidation & { from: string }>;
    if (parsed.from === self || !Array.isArray(parsed.tags) || typeof parsed.at !== 'string') return null;
    const tags = parsed.tags.filter((tag): tag is string => typeof tag === 'string');
    return { tags, at: parsed.at, expire: parsed.expire === 'now' ? 'now' : 'stale' };
  } catch {
    return null;
  }
}

type CacheHandlerClass = {
  revalidateTagsHere(tags: readonly string[], expire: Expiry): Promise<void>;
  replayTagsHere(invalidations: readonly { tag: string; at: string }[]): void;
};

/**
 * The page cache's side of applying an invalidation: cache-handler.cjs as
 * Node loaded it for Next.js (the same module instance, so the same tags
 * manifest), found where next.config.ts names it.
 */
export async function revalidateTagsInPageCache(tags: readonly string[], expire: Expiry): Promise<void> {
  await loadCacheHandler().revalidateTagsHere(tags, expire);
}

/**
 * Invalidations made while this process was down, applied at the time each
 * was made: a page cached before it is rendered afresh on its next request,
 * never served again (cache-handler.cjs `replayTagsHere`).
 */
export function replayTagsInPageCache(invalidations: readonly { tag: string; at: string }[]): void {
  loadCacheHandler().replayTagsHere(invalidations);
}

let cacheHandler: CacheHandlerClass | null = null;
function loadCacheHandler(): CacheHandlerClass {
  cacheHandler ??= createRequire(path.join(process.cwd(), 'package.json'))(path.join(process.cwd(), 'lib/cache/cache-handler.cjs')) as CacheHandlerClass;
  return cacheHandler;
}
