import { isArticleId } from '../content/ids';
import { readBodyText } from '../http/body';
import { isSameSecret } from '../signing';
import { CACHE_TAGS } from './tags';

/**
 * Input checks for POST /api/revalidate, the one door through which writers
 * outside a request of ours (the newsroom's actions, a scheduler, a script
 * that edited the database) tell the site that cached pages are out of date.
 */

const STATIC_TAGS = new Set<unknown>(Object.values(CACHE_TAGS).filter((t) => typeof t === 'string'));
const ARTICLE_TAG = /^article:(.+)$/;

/** Whether a tag names something Kiji caches: a constant of CACHE_TAGS, or `article:<id>`. */
export function isKnownCacheTag(tag: string): boolean {
  if (STATIC_TAGS.has(tag)) return true;
  const id = ARTICLE_TAG.exec(tag)?.[1];
  return id !== undefined && isArticleId(id);
}

/** Whether an `Authorization` header carries the bearer secret; compared in constant time. */
export function isAuthorizedRevalidation(authorization: string | null, secret: string): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!given) return false;
  return isSameSecret(given, secret);
}

export type RevalidateRequest = { ok: true; tags: string[] } | { ok: false; status: 400 | 413; message: string };

/** The most bytes the route reads: 20 tags of a few dozen characters fit many times over. */
export const MAX_REVALIDATE_BYTES = 4096;

/**
 * Reads the tags from a request's body of at most MAX_REVALIDATE_BYTES
 * (lib/http/body.ts), as JSON whatever its Content-Type: the README's
 * `curl -d` labels it a form. 413 over the limit, 400 for anything unreadable.
 */
export async function readRevalidateRequest(request: Request): Promise<RevalidateRequest> {
  const body = await readBodyText(request, MAX_REVALIDATE_BYTES);
  if (!body.ok) return { ok: false, status: body.status === 413 ? 413 : 400, message: body.status === 413 ? `Body is larger than ${MAX_REVALIDATE_BYTES} bytes.` : 'Body could not be read.' };
  return parseRevalidateBody(body.text);
}

/** Parses `{"tags": ["breaking", "article:abcd2345"]}`: 1–20 known tags. */
export function parseRevalidateBody(body: string): RevalidateRequest {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, message: 'Body is not JSON.' };
  }
  const tags = typeof value === 'object' && value !== null ? (value as { tags?: unknown }).tags : undefined;
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > 20 || !tags.every((t): t is string => typeof t === 'string')) {
    return { ok: false, status: 400, message: 'Expected {"tags": [...]} with 1 to 20 tag names.' };
  }
  const unknown = tags.filter((t) => !isKnownCacheTag(t));
  if (unknown.length > 0) return { ok: false, status: 400, message: `Unknown cache tags: ${unknown.join(', ')}` };
  return { ok: true, tags: [...new Set(tags)] };
}
