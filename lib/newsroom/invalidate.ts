import 'server-only';
import { revalidateTag } from 'next/cache';

/**
 * Marks the pages behind these cache tags stale (lib/cache/tags.ts). With the
 * `max` profile the next request regenerates the page (serving the old one
 * once meanwhile); docs/benchmarks.md has the measured time until an
 * anonymous reader sees the change. Route handlers only: revalidateTag needs
 * a request's work store.
 */
export function invalidateTags(tags: readonly string[]): void {
  for (const tag of tags) revalidateTag(tag, 'max');
}
