import { createHash, randomBytes } from 'node:crypto';

/**
 * Who viewed what, for as long as the limits below need and no longer. A
 * visitor is a salted hash of the client's address as every per-client rule
 * counts it (lib/http/client-address.ts: an IPv4 address or an IPv6 /64),
 * and of nothing the client chooses: a new User-Agent or cookie is not a new
 * visitor (a hardening review found 4,100 beacons with as many User-Agents from one client
 * put a fresh article at #1 of 24時間). Readers behind one shared address
 * (an office, a carrier's NAT) therefore count as one; the rankings would
 * rather undercount them than let anyone overcount. The salt is random,
 * changes at JST midnight and is never stored with the counts, so no address
 * is kept and yesterday's hashes cannot be linked to today's.
 */

export type ViewLimits = {
  /** Repeat views of one article by one visitor within this many ms count once. */
  dedupeMs: number;
  /** At most this many views of one visitor count per `capWindowMs`, whatever the articles. */
  maxPerVisitor: number;
  /** The cap's window, in ms: it opens at the visitor's first view and closes this long after. */
  capWindowMs: number;
};

/**
 * What every beacon is held to. 60 an hour is a reader opening a new article
 * every minute for an hour; more is a script (or several readers behind one
 * address, who then count as one busy reader), and it stops counting.
 */
export const VIEW_LIMITS: ViewLimits = { dedupeMs: 30 * 60_000, maxPerVisitor: 60, capWindowMs: 60 * 60_000 };

/** A claimed view: it counts, repeats one within `dedupeMs`, or is past the visitor's cap. */
export type ViewClaim = 'counted' | 'duplicate' | 'capped';

/**
 * Remembers recent views per visitor: which articles (to count each once per
 * `dedupeMs`) and how many (to cap a flood).
 *
 * The cap lives here rather than in lib/http/rate-limit.ts, the site's
 * limiter for requests, because of what a beacon may cost. hitRateLimit is an
 * upsert in the site's database per call: on SQLite a synchronous write on
 * the server's one event loop, on every beacon, which is what the view buffer
 * exists to avoid (a counted view is a map update, written once a second);
 * and its rows would keep an address-derived key in the database for a day,
 * where the rankings keep none. This state is already per visitor, under the
 * daily salt, with the right lifetime: the cap is one more counter in the
 * same map, or in the same Redis round trip.
 */
export interface Deduper {
  /**
   * Claims `visitor`'s view of `articleId` at `now`: `duplicate` when the
   * pair was claimed within `limits.dedupeMs` (it is then not counted
   * against the cap); otherwise the pair is remembered for `dedupeMs` and
   * the view is `counted`, or `capped` when the visitor already had
   * `maxPerVisitor` views in its current cap window.
   */
  claimView(visitor: string, articleId: string, limits: ViewLimits, now?: Date): Promise<ViewClaim>;
}

/** Supplies the salt for a JST day (YYYY-MM-DD). */
export interface SaltSource {
  getSalt(day: string): Promise<string>;
}

/** A visitor: 16 bytes of SHA-256 over the day's salt and the client subject (toClientSubject), base64url. */
export function hashVisitor(salt: string, clientSubject: string): string {
  return createHash('sha256').update(salt).update('\0').update(clientSubject).digest('base64url').slice(0, 22);
}

/** The key a visitor's view of one article is deduplicated on. */
export function toDedupeKey(visitor: string, articleId: string): string {
  return `${visitor}:${articleId}`;
}

/**
 * Dedupe and cap in this process's memory: for the embedded database, where
 * one process serves the site. Entries expire after their window; each map
 * is swept as it grows and capped so a flood of visitors cannot exhaust
 * memory (past the cap the oldest are forgotten early, which can only count
 * a repeat or reopen a cap, never lose a first view).
 */
export class MemoryDeduper implements Deduper {
  private readonly seen = new Map<string, number>();
  private readonly tallies = new Map<string, { until: number; views: number }>();

  // 200,000 pairs is 30 minutes at about 110 views/s; with as many visitors'
  // tallies, about 61 MB of heap (measured; 36 MB of it the pairs).
  constructor(private readonly maxEntries = 200_000) {}

  async claimView(visitor: string, articleId: string, limits: ViewLimits, now = new Date()): Promise<ViewClaim> {
    const t = now.getTime();
    const key = toDedupeKey(visitor, articleId);
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return 'duplicate';
    // Re-inserting moves the key to the end, keeping the map in expiry order.
    this.seen.delete(key);
    this.seen.set(key, t + limits.dedupeMs);
    if (this.seen.size > this.maxEntries) this.sweep(this.seen, t, (u) => u);
    let tally = this.tallies.get(visitor);
    if (!tally || tally.until <= t) {
      this.tallies.delete(visitor);
      tally = { until: t + limits.capWindowMs, views: 0 };
      this.tallies.set(visitor, tally);
      if (this.tallies.size > this.maxEntries) this.sweep(this.tallies, t, (v) => v.until);
    }
    tally.views += 1;
    return tally.views > limits.maxPerVisitor ? 'capped' : 'counted';
  }

  /** Pairs held (tests). */
  get size(): number {
    return this.seen.size;
  }

  private sweep<V>(map: Map<string, V>, t: number, untilOf: (value: V) => number): void {
    for (const [key, value] of map) {
      if (untilOf(value) > t && map.size <= this.maxEntries * 0.9) break;
      map.delete(key);
    }
  }
}

/** A fresh random salt per JST day, held only in this process's memory. */
export class MemorySalt implements SaltSource {
  private current: { day: string; salt: string } | null = null;

  async getSalt(day: string): Promise<string> {
    if (this.current?.day !== day) this.current = { day, salt: randomBytes(32).toString('base64') };
    return this.current.salt;
  }
}
