import { readVisitorAddress } from './beacon';
import type { ViewBuffer } from './buffer';
import { decideViewVerdict, type ViewVerdict } from './filter';
import { DEDUPE_WINDOW_MS, hashVisitor, toDedupeKey, type Deduper, type SaltSource } from './visitor';
import { toJstDay } from './windows';

/** What happened to a well-formed beacon: counted, or why not. `unknown`: no public article has that id. */
export type ViewOutcome = 'counted' | 'duplicate' | 'unknown' | Exclude<ViewVerdict, 'count'>;

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
 * `headers`: unknown or non-public ids, bots, prefetches, previews and
 * editors are not counted, nor a visitor's repeat view of the same article
 * within DEDUPE_WINDOW_MS. A counted view joins the buffer's next batch.
 */
export async function ingestView(counter: ViewCounter, articleId: string, headers: Headers, now = new Date()): Promise<ViewOutcome> {
  if (!(await counter.isPublicArticle(articleId, now))) return 'unknown';
  const verdict = decideViewVerdict(headers);
  if (verdict !== 'count') return verdict;
  const salt = await counter.salt.getSalt(toJstDay(now));
  const visitor = hashVisitor(salt, readVisitorAddress(headers, counter.trustedProxyHops), headers.get('user-agent') ?? '');
  if (!(await counter.deduper.claimView(toDedupeKey(visitor, articleId), DEDUPE_WINDOW_MS, now))) return 'duplicate';
  counter.buffer.add(articleId, now);
  return 'counted';
}
