// Types of cache-handler.cjs for its tests (the handler itself is plain
// CommonJS: Next.js loads it at run time, outside the bundler).
import FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache');
import type { BoundedLru, NotFoundEntry } from './not-found-memory.cjs';
import type { HeldEntry } from './page-memory.cjs';

/** Next.js's FileSystemCache, with not-found entries kept in a bounded in-memory LRU instead of on disk. */
declare class KijiCacheHandler extends FileSystemCache.default {
  static readonly notFoundEntries: BoundedLru<NotFoundEntry>;
  static readonly heldPages: BoundedLru<HeldEntry>;
  static revalidateTagsHere(tags: readonly string[], expire: 'stale' | 'now'): Promise<void>;
  static replayTagsHere(invalidations: readonly { tag: string; at: string }[]): void;
  isOnDisk(key: string, kind: string): boolean;
}

export = KijiCacheHandler;
