import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { CACHE_TAGS } from './tags';

/**
 * The request of POST /api/revalidate: which cache tags a publish,
 * correction or unpublish made stale. Only tags Kiji itself declares
 * (lib/cache/tags.ts) are accepted, so the route cannot be used to fill the
 * tag manifest with junk.
 */

const STATIC_TAGS = new Set<string>([CACHE_TAGS.articles, CACHE_TAGS.taxonomy, CACHE_TAGS.magazine, CACHE_TAGS.publications]);

const tag = z.string().refine((t) => STATIC_TAGS.has(t) || (t.startsWith('article:') && isArticleId(t.slice('article:'.length))), {
  message: 'unknown cache tag',
});

const body = z.object({ tags: z.array(tag).min(1).max(50) });

/** The tags to invalidate, or the reason the body is not acceptable. */
export function parseRevalidateBody(json: unknown): { ok: true; tags: string[] } | { ok: false; error: string } {
  const parsed = body.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
  return { ok: true, tags: [...new Set(parsed.data.tags)] };
}

/** Whether an `Authorization` header carries the bearer `secret`, compared in constant time. */
export function isAuthorized(header: string | null, secret: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
