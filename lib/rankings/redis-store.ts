import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { toDedupeKey, type Deduper, type SaltSource, type ViewClaim, type ViewLimits } from './visitor';
import { compareEntries, StoreUnavailableError, type RankingEntry, type RankingSnapshot, type ViewCounts, type ViewStore } from './store';
import { isRankingPeriod, listWindowHours, PERIOD_HOURS, type RankingPeriod } from './windows';
import { logger } from '../log';

/** Hourly sets outlive the month window by a day, then Redis drops them itself. */
const BUCKET_TTL_SECONDS = (PERIOD_HOURS.month + 24) * 3600;

// Moves the newest-view time forward only: flushes from several instances
// can land in any order.
const SET_IF_LATER = `local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if cur < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

// The job's lease, judged by the caller's clock like the SQL store's: taken
// when the last holder took it `lease` ms ago or more. The key outlives the
// lease so a crashed holder still counts until then.
const CLAIM_LEASE = `local cur = tonumber(redis.call('GET', KEYS[1]) or '-1')
local now = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
if cur >= 0 and now - cur < lease then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', lease * 2)
return 1`;

// A view claim in one round trip (lib/rankings/visitor.ts): the (visitor,
// article) mark, then the visitor's tally, whose window opens with its first
// view. 0 duplicate, 1 counted, 2 capped.
const CLAIM_VIEW = `if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
local n = redis.call('INCR', KEYS[2])
if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
if n > tonumber(ARGV[3]) then return 2 end
return 1`;

const CLAIMS: readonly ViewClaim[] = ['duplicate', 'counted', 'capped'];

/** The longest one Redis command may hold a beacon, a page or the job, in ms; the job's month union takes about 40. */
const COMMAND_TIMEOUT_MS = 500;
/** A connection with a command outstanding and nothing heard for this long is dropped, so later commands fail at once while it reconnects (a hung server, a dead link). */
const SOCKET_TIMEOUT_MS = 2000;
/** Reconnects back off from 100 ms to this, in ms: a dead server costs one refused connection per 2 s, and counting resumes within 2 s of its return. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * Opens a Redis client for the view counter, resolving once its first
 * connection is ready or has failed (it then keeps reconnecting in the
 * background). Commands issued together share a round trip. Built for an
 * outage (docs/adr/0023-rankings-through-a-redis-outage.md: beacons answered 503 only after 0.4–20 s, pages waited
 * on queued reads, and every reconnect logged "Unhandled error event"):
 *
 * - no offline queue and no retry of a command: while Redis is not
 *   connected a command fails at once instead of waiting for it;
 * - a command that gets no answer fails after COMMAND_TIMEOUT_MS, and a
 *   silent connection is dropped after SOCKET_TIMEOUT_MS;
 * - reconnects back off to MAX_RECONNECT_DELAY_MS;
 * - an outage is logged once, when it starts, and once more when Redis is
 *   back; the failing calls in between stay quiet (StoreUnavailableError).
 */
export async function connectRedis(url: string, { commandTimeoutMs = COMMAND_TIMEOUT_MS }: { commandTimeoutMs?: number } = {}): Promise<Redis> {
  const redis = new Redis(url, {
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: commandTimeoutMs,
    socketTimeout: SOCKET_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, MAX_RECONNECT_DELAY_MS),
  });
  const where = `${redis.options.host}:${redis.options.port}`;
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger('rankings').error({ redis: where, reason: error.message }, 'Redis is unreachable; views are not counted and pages show the rankings they last read until it is back');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger('rankings').info({ redis: where }, 'Redis is back; counting views again');
  });
  await new Promise<void>((resolve) => {
    const settle = () => {
      redis.off('ready', settle);
      redis.off('error', settle);
      resolve();
    };
    redis.on('ready', settle);
    redis.on('error', settle);
  });
  return redis;
}

/** An error Redis itself answered (a bad command, a script error): a fault in our code, not an outage. */
function isRedisReply(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

/**
 * Views in Redis: one sorted set per JST hour (`views:<YYYYMMDDHH>`, member =
 * article id, score = views) that expires after the month window, merged
 * into a window with ZUNIONSTORE by the ranking job. Every key starts with
 * `prefix`, so several sites or test runs can share one server. Takes a
 * client from connectRedis: while it is not connected, every method throws
 * StoreUnavailableError at once, without sending or queueing a command.
 */
export class RedisViewStore implements ViewStore, Deduper, SaltSource {
  readonly kind = 'redis';
  private salt: { day: string; value: string } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private bucketKey(hour: number): string {
    return `${this.prefix}views:${hour}`;
  }

  /** Runs `command` on a connected client; anything but an answer from Redis is the store being unavailable. */
  private async call<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') throw new StoreUnavailableError(`Redis is not connected (${this.redis.status})`);
    try {
      return await command(this.redis);
    } catch (error) {
      if (isRedisReply(error)) throw error;
      throw new StoreUnavailableError('Redis did not answer', { cause: error });
    }
  }

  async addViews(counts: ViewCounts, latestViewAt: Date): Promise<void> {
    if (counts.size === 0) return;
    const results = await this.call((redis) => {
      const pipeline = redis.pipeline();
      for (const [hour, perArticle] of counts) {
        const key = this.bucketKey(hour);
        for (const [id, n] of perArticle) pipeline.zincrby(key, n, id);
        pipeline.expire(key, BUCKET_TTL_SECONDS);
      }
      pipeline.eval(SET_IF_LATER, 1, `${this.prefix}latest`, String(latestViewAt.getTime()));
      return pipeline.exec();
    });
    const failed = (results ?? []).find(([error]) => error);
    if (failed?.[0]) throw isRedisReply(failed[0]) ? failed[0] : new StoreUnavailableError('Redis did not answer', { cause: failed[0] });
  }

  async sumWindow(period: RankingPeriod, now: Date, limit: number): Promise<RankingEntry[]> {
    const keys = listWindowHours(period, now).map((h) => this.bucketKey(h));
    const scratch = `${this.prefix}tmp:${period}:${randomBytes(6).toString('hex')}`;
    const [, [, flat]] = (await this.call((redis) =>
      redis.multi().zunionstore(scratch, keys.length, keys, 'AGGREGATE', 'SUM').zrevrange(scratch, 0, limit - 1, 'WITHSCORES').del(scratch).exec(),
    )) as [unknown, [unknown, string[]], unknown];
    const entries: RankingEntry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ id: flat[i]!, views: Number(flat[i + 1]) });
    return entries.sort(compareEntries);
  }

  async getLatestViewAt(): Promise<string | null> {
    const ms = await this.call((redis) => redis.get(`${this.prefix}latest`));
    return ms ? new Date(Number(ms)).toISOString() : null;
  }

  async saveRankings(snapshots: RankingSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.call((redis) => redis.hset(`${this.prefix}rankings`, Object.fromEntries(snapshots.map((s) => [s.period, JSON.stringify(s)]))));
  }

  async readRankings(): Promise<RankingSnapshot[]> {
    const all = await this.call((redis) => redis.hgetall(`${this.prefix}rankings`));
    return Object.entries(all).flatMap(([period, json]) => (isRankingPeriod(period) ? [JSON.parse(json) as RankingSnapshot] : []));
  }

  async claimJob(now: Date, leaseMs: number): Promise<boolean> {
    return (await this.call((redis) => redis.eval(CLAIM_LEASE, 1, `${this.prefix}job:rankings`, String(now.getTime()), String(leaseMs)))) === 1;
  }

  async prune(): Promise<void> {
    // Buckets expire on their own (BUCKET_TTL_SECONDS).
  }

  async markOnce(name: string, now: Date): Promise<boolean> {
    return (await this.call((redis) => redis.set(`${this.prefix}once:${name}`, now.toISOString(), 'NX'))) === 'OK';
  }

  async claimView(visitor: string, articleId: string, limits: ViewLimits): Promise<ViewClaim> {
    const answer = await this.call((redis) =>
      redis.eval(
        CLAIM_VIEW,
        2,
        `${this.prefix}seen:${toDedupeKey(visitor, articleId)}`,
        `${this.prefix}tally:${visitor}`,
        String(limits.dedupeMs),
        String(limits.capWindowMs),
        String(limits.maxPerVisitor),
      ),
    );
    return CLAIMS[Number(answer)] ?? 'duplicate';
  }

  async getSalt(day: string): Promise<string> {
    // Every instance must hash a visitor the same way, so the day's salt is
    // shared; the first to need it makes it. It lives two days (yesterday's
    // is never needed again) and is never written anywhere else. Held in
    // memory for the day after the first read, so a beacon costs one Redis
    // command (the view claim).
    if (this.salt?.day === day) return this.salt.value;
    const key = `${this.prefix}salt:${day}`;
    const value = await this.call(async (redis) => {
      await redis.set(key, randomBytes(32).toString('base64'), 'EX', 2 * 86_400, 'NX');
      return redis.get(key);
    });
    if (!value) throw new Error(`Redis lost the view salt ${key}`);
    this.salt = { day, value };
    return value;
  }
}
