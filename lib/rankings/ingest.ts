import { readVisitorSubject } from './beacon';
import type { ViewBuffer } from './buffer';
import { decideViewVerdict, type ViewVerdict } from './filter';
import { hashVisitor, VIEW_LIMITS, type Deduper, type SaltSource, type ViewClaim } from './visitor';
import { toJstDay } from '../time/jst';

/** What happened to a well-formed beacon: counted, or why not. `unknown`: no public article has that id. */
export type ViewOutcome = ViewClaim | 'unknown' | Exclude<ViewVerdict, 'count'>;

export type ViewCounter = {
  isPublicArticle(id: string, now: Date): Promise<boolean>;
  deduper: Deduper;
  salt: SaltSource;
  buffer: ViewBuffer;
  /** KIJI_TRUSTED_PROXY_HOPS: which X-Forwarded-For entry is the reader's address. */
  trustedProxyHops: number;
};

/**
 * Decides and records one page view of `articleId` from a request with
 * `headers`: unknown or non-public ids, bots, prefetches and editors are
 * not counted (a preview page sends no beacon), nor a visitor's repeat view
 * of the same article within VIEW_LIMITS.dedupeMs, nor a visitor's views
 * past VIEW_LIMITS' hourly cap. The visitor is the client's address (lib/rankings/visitor.ts),
 * whatever else the request says. A counted view joins the buffer's next batch.
 */
export async function ingestView(counter: ViewCounter, articleId: string, headers: Headers, now = new Date()): Promise<ViewOutcome> {
  if (!(await counter.isPublicArticle(articleId, now))) return 'unknown';
  const verdict = decideViewVerdict(headers);
  if (verdict !== 'count') return verdict;
  const salt = await counter.salt.getSalt(toJstDay(now));
  const visitor = hashVisitor(salt, readVisitorSubject(headers, counter.trustedProxyHops));
  const claim = await counter.deduper.claimView(visitor, articleId, VIEW_LIMITS, now);
  if (claim === 'counted') counter.buffer.add(articleId, now);
  return claim;
}
