'use strict';
/**
 * Next.js's `cacheHandler` (next.config.ts): its own file-system cache,
 * except that what an unknown address leaves behind is kept in memory only,
 * in a small LRU bounded by count and bytes (docs/adr/0017-not-found-in-memory.md).
 *
 * Every reader route is ISR with open params, so each unknown URL a crawler
 * or a loop invents would render a 404 that Next.js writes to disk for good
 * (`.next/server/route-cache/…`, ~50 KB), plus a `null` data-cache entry for
 * the getter that found nothing (`.next/cache/fetch-cache/…`). Here:
 *
 * - a response with status 404 and an `unstable_cache` read whose result was
 *   `null` go to the LRU instead of the disk, unless the disk already holds
 *   that key (an address that existed and is gone: bounded by what existed,
 *   and overwriting it keeps the older page from coming back once the LRU
 *   forgets the 404);
 * - `get` answers from the LRU first, so a remembered 404 is a cache hit
 *   with its own lifetime (60 s, lib/cache/page-lifetime.ts);
 * - `revalidateTag` also drops every remembered entry carrying one of the
 *   tags, so a publish (`article:<id>`) or a `revalidatePath` renders the
 *   address afresh on its next request;
 * - everything else is Next.js's FileSystemCache, unchanged.
 *
 * Plain CommonJS whose export is the class itself: the server loads it with
 * `import()` (taking `.default`), and the bundled proxy imports it and takes
 * `.default` of that, which for CommonJS is `module.exports`. It relies on
 * Next.js internals that are not public API (the FileSystemCache class, cache
 * entry shapes, SharedCacheControls); package.json pins `next` to the exact
 * version and cache-handler.test.ts fails when any of them changes shape.
 */

const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
const { SharedCacheControls } = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js');
const { BoundedLru, isNotFoundValue, sizeOfValue, tagsOfValue, NOT_FOUND_LIMITS } = require('./not-found-memory.cjs');

/**
 * Remembered not-found entries, shared by every handler instance (Next.js
 * makes one per request). A key leaving it also leaves Next.js's per-key map
 * of cache lifetimes, which would otherwise keep one entry per unknown URL
 * for the life of the process; the next request for that URL renders and
 * sets both again.
 */
const NOT_FOUND_SLOT = Symbol.for('kiji.cache-handler.not-found');
// One per process however many times this file is loaded (Next.js imports it;
// lib/cache/invalidation-bus.ts requires it to apply other instances' invalidations).
const notFoundEntries = (globalThis[NOT_FOUND_SLOT] ??= new BoundedLru(NOT_FOUND_LIMITS, (key) => SharedCacheControls.cacheControls.delete(key)));

/** Next.js's `max` profile (what `revalidateTag(tag, 'max')` hands a handler): stale at once, expired after a year. */
const MAX_PROFILE_EXPIRE_SECONDS = 365 * 24 * 60 * 60;

class KijiCacheHandler extends FileSystemCache {
  /** The LRU, for tests and diagnostics. */
  static notFoundEntries = notFoundEntries;

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const remembered = notFoundEntries.get(key);
    if (remembered) return remembered;
    return super.get(key, ctx);
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    if (isNotFoundValue(data) && !this.isOnDisk(key, data.kind)) {
      const entry = { value: data, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl };
      notFoundEntries.set(key, entry, key.length + sizeOfValue(data), tagsOfValue(data, ctx));
      return;
    }
    // Found now (a story published where a 404 was), or on disk already: the disk holds the truth.
    notFoundEntries.delete(key, false);
    return super.set(key, data, ctx);
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    notFoundEntries.deleteTagged(typeof tags === 'string' ? [tags] : tags);
  }

  /**
   * Applies an invalidation made elsewhere (another instance, told through
   * lib/cache/invalidation-bus.ts) to this process's cache, outside any
   * request: the same change to Next.js's tags manifest that
   * `revalidateTag(tag, 'max')` (`stale`) or `revalidateTag(tag, { expire: 0 })`
   * (`now`) makes at the end of a request here, and the remembered
   * not-found entries carrying the tags are dropped.
   *
   * @param {readonly string[]} tags
   * @param {'stale' | 'now'} expire
   */
  static async revalidateTagsHere(tags, expire) {
    const durations = { expire: expire === 'now' ? 0 : MAX_PROFILE_EXPIRE_SECONDS };
    await KijiCacheHandler.prototype.revalidateTag.call(Object.create(KijiCacheHandler.prototype), [...tags], durations);
  }

  /**
   * Whether the file-system cache holds an entry for `key`, judged by the
   * file its own `get` reads first.
   *
   * @param {string} key
   * @param {string} kind the value's CachedRouteKind
   */
  isOnDisk(key, kind) {
    if (!this.flushToDisk || !this.fs) return false;
    try {
      const file =
        kind === 'FETCH'
          ? this.getFilePath(key, 'FETCH')
          : this.getFilePath(kind === 'APP_ROUTE' ? `${key}.body` : `${key}.html`, kind);
      return this.fs.existsSync(file);
    } catch {
      return false;
    }
  }
}

module.exports = KijiCacheHandler;
