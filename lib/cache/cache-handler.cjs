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
 * - a render that an invalidation of one of its tags overtook (it began
 *   before the change and ended after) is stored dated by its start, so it
 *   is stale at once: Next.js dates an entry by when it was written, and such
 *   a page, holding the old content, would otherwise pass for fresh;
 * - invalidations applied from outside a request (other instances, the
 *   restart replay) go straight to the tags manifest (`revalidateTagsHere`,
 *   `replayTagsHere`);
 * - a found page is held in memory as bytes (lib/cache/page-memory.cjs,
 *   docs/adr/0030-pages-held-as-bytes.md) instead of in Next.js's memory
 *   cache as a string, packed to its gzip form, and answered from there
 *   until its tags expire;
 * - the packed form is also written to disk beside Next.js's files, one
 *   file a page, and read from there when the page is no longer held
 *   (docs/adr/0038-packed-pages-on-disk.md);
 * - everything else is Next.js's FileSystemCache, unchanged.
 *
 * Plain CommonJS whose export is the class itself: the server loads it with
 * `import()` (taking `.default`), and the bundled proxy imports it and takes
 * `.default` of that, which for CommonJS is `module.exports`. It relies on
 * Next.js internals that are not public API (the FileSystemCache class, cache
 * entry shapes, SharedCacheControls); package.json pins `next` to the exact
 * version and cache-handler.test.ts fails when any of them changes shape.
 */

const fs = require('node:fs');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
const { SharedCacheControls } = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js');
const { tagsManifest, areTagsStale, areTagsExpired } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
const { BoundedLru, isNotFoundValue, sizeOfValue, tagsOfValue, NOT_FOUND_LIMITS } = require('./not-found-memory.cjs');
const { heldPages, toHeldEntry, packValue, packedSize, unpackValue, packedFile, fromPackedFile, PACKED } = require('./page-memory.cjs');

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

/**
 * When the render of each key now under way began: the time of the `get`
 * that found nothing, or something stale, for it (the earliest, if several
 * readers found it so before the render's `set`). Shared like the LRU; at
 * most RENDER_STARTS_LIMIT keys (a render that never ends in a `set`, a
 * failed one, leaves its key until pushed out).
 */
const RENDER_STARTS_SLOT = Symbol.for('kiji.cache-handler.render-starts');
/** @type {Map<string, number>} */
const renderStarts = (globalThis[RENDER_STARTS_SLOT] ??= new Map());
const RENDER_STARTS_LIMIT = 10_000;

/** The packed copy of a page on disk: the page's key with this after it. */
const PACKED_SUFFIX = '.kiji-packed';

/**
 * Reads of packed files under way, by key, shared by readers asking for the same page at once.
 *
 * @type {Map<string, Promise<any>>}
 */
const packedReads = new Map();

/** Next.js's `max` profile (what `revalidateTag(tag, 'max')` hands a handler): stale at once, expired after a year. */
const MAX_PROFILE_EXPIRE_SECONDS = 365 * 24 * 60 * 60;

class KijiCacheHandler extends FileSystemCache {
  /** The LRU, for tests and diagnostics. */
  static notFoundEntries = notFoundEntries;
  /** The pages held as bytes, for tests and diagnostics. */
  static heldPages = heldPages;

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    let found = notFoundEntries.get(key) ?? this.heldPage(key, ctx);
    if (found === undefined) found = await this.packedPage(key, ctx);
    if (found === undefined) {
      found = await super.get(key, ctx);
      if (isHoldable(found)) found = this.hold(key, found);
    }
    if (needsRender(found, ctx) && !renderStarts.has(key)) {
      if (renderStarts.size >= RENDER_STARTS_LIMIT) renderStarts.delete(renderStarts.keys().next().value);
      renderStarts.set(key, Date.now());
    }
    return found;
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const startedAt = renderStarts.get(key);
    renderStarts.delete(key);
    // A render that began before an invalidation of something it shows may
    // hold the old content; stored as of its start, it is stale at once
    // instead of fresh until the next change (a correction made while the
    // home page re-rendered would otherwise stay off it for a day).
    const outrun = startedAt !== undefined && areTagsStale(tagsOfValue(data, ctx), startedAt);
    if (isNotFoundValue(data) && !this.isOnDisk(key, data.kind)) {
      heldPages.delete(key, false);
      const entry = { value: data, lastModified: outrun ? startedAt : Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl };
      notFoundEntries.set(key, entry, key.length + sizeOfValue(data), tagsOfValue(data, ctx));
      return;
    }
    // Found now (a story published where a 404 was), or on disk already: the disk holds the truth.
    notFoundEntries.delete(key, false);
    // Gone before Next.js writes, so a crash between the two never leaves an older packed copy beside newer files.
    if (data?.kind === 'APP_PAGE') this.dropPacked(key);
    // Next.js stores a held entry again when a re-render fails (to keep serving it): the disk gets its bodies unpacked.
    data = unpackValue(data);
    await super.set(key, data, ctx);
    if (isHoldable({ value: data })) {
      // Next.js's memory cache just took the page as a string, dated now; the held copy replaces it.
      // With its lifetime: a process that reads the packed copy has no other record of it (Next.js would assume 1 s).
      const lastModified = KijiCacheHandler.memoryCache?.get(key)?.lastModified ?? Date.now();
      this.hold(key, { value: data, lastModified, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl });
    }
    if (outrun) this.backdate(key, data.kind, startedAt);
  }

  /**
   * The held copy of a page, null when an invalidation has expired it (what
   * Next.js's own `get` answers then: render before answering), undefined
   * when none is held.
   *
   * @param {string} key
   * @param {any} ctx
   */
  heldPage(key, ctx) {
    if (ctx?.kind !== 'APP_PAGE') return undefined;
    const held = heldPages.get(key);
    if (!held) return undefined;
    if (isExpired(held, ctx)) {
      heldPages.delete(key, false);
      return null;
    }
    return held;
  }

  /**
   * The packed copy of a page on disk, held from then on; null when an
   * invalidation has expired it, undefined when there is none (or it cannot
   * be read), and Next.js's own files are read instead. Readers asking for
   * the same page at once share one read.
   *
   * @param {string} key
   * @param {any} ctx
   */
  async packedPage(key, ctx) {
    if (ctx?.kind !== 'APP_PAGE') return undefined;
    const file = this.packedPath(key);
    if (!file) return undefined;
    let reading = packedReads.get(key);
    if (!reading) {
      // Any file that cannot be read or understood is as if there were none: never a failed request.
      reading = fs.promises.readFile(file).then(
        (bytes) => {
          try {
            return fromPackedFile(key, bytes);
          } catch {
            return undefined;
          }
        },
        () => undefined,
      );
      packedReads.set(key, reading);
      reading.finally(() => packedReads.delete(key));
    }
    const held = await reading;
    if (!held) return undefined;
    if (isExpired(held, ctx)) return null;
    // A set made while the file was being read holds the newer page already.
    const newer = heldPages.get(key);
    if (newer) return newer;
    heldPages.set(key, held, key.length + packedSize(held.value), tagsOfValue(held.value, undefined));
    return held;
  }

  /**
   * Holds a found page packed (its bodies' gzip forms), writes that form to
   * disk for the next read after it leaves memory, and drops Next.js's
   * string copy of it.
   *
   * @param {string} key
   * @param {{ value: any, lastModified: number, cacheControl?: unknown }} entry
   */
  hold(key, entry) {
    const unpacked = toHeldEntry(entry);
    const held = { ...unpacked, value: packValue(unpacked.value) };
    heldPages.set(key, held, key.length + packedSize(held.value), tagsOfValue(held.value, undefined));
    KijiCacheHandler.memoryCache?.remove(key);
    this.writePacked(key, held);
    return held;
  }

  /**
   * Writes a held page's packed file whole (a temporary file renamed over
   * the old one, so a reader never sees half of it). Synchronous: some 50 KB
   * into the operating system's page cache, and no later write can land
   * before an earlier one. A failure leaves no file, and the page is read
   * from Next.js's files as before.
   *
   * @param {string} key
   * @param {{ value: any, lastModified: number, cacheControl?: unknown }} held
   */
  writePacked(key, held) {
    const file = this.packedPath(key);
    if (!file) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, packedFile(key, held));
      fs.renameSync(temporary, file);
    } catch {
      this.dropPacked(key);
      fs.rmSync(temporary, { force: true });
    }
  }

  /** @param {string} key */
  dropPacked(key) {
    const file = this.packedPath(key);
    if (file) fs.rmSync(file, { force: true });
  }

  /**
   * Where the packed file of `key` lies: beside Next.js's files of the page
   * (so a new build, which clears them, clears it too), or null without a
   * disk cache or when holding is off.
   *
   * @param {string} key
   * @returns {string | null}
   */
  packedPath(key) {
    if (!this.flushToDisk || !this.fs || heldPages.limits.bytes === 0) return null;
    try {
      return this.getFilePath(`${key}${PACKED_SUFFIX}`, 'APP_PAGE');
    } catch {
      return null;
    }
  }

  /**
   * Makes a stored entry look written at `at`: its in-memory copy and the
   * modification time of the file Next.js dates it by (`get` takes
   * `lastModified` from it).
   *
   * @param {string} key
   * @param {string} kind the value's CachedRouteKind
   * @param {number} at
   */
  backdate(key, kind, at) {
    const inMemory = KijiCacheHandler.memoryCache?.get(key);
    if (inMemory) inMemory.lastModified = at;
    const held = heldPages.get(key);
    if (held) {
      held.lastModified = at;
      this.writePacked(key, held);
    } else if (kind === 'APP_PAGE') this.dropPacked(key);
    const file = this.primaryFile(key, kind);
    if (!file) return;
    try {
      fs.utimesSync(file, at / 1000, at / 1000);
    } catch {
      // Not on disk after all: the memory copy is all there is.
    }
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
   * Replays invalidations this process missed (made while it was down),
   * each at the time it was made: a page cached before that time is expired,
   * so the next request renders it afresh instead of being answered with the
   * old page once (what `stale` would do); a page rendered after it stays as
   * it is. Next.js compares a tag's `expired` time with each entry's
   * `lastModified` (tags-manifest.external.js `areTagsExpired`). A later
   * invalidation already applied here is kept: `stale` is never moved back,
   * and an immediate expiry only forward.
   *
   * @param {readonly { tag: string; at: string }[]} invalidations
   */
  static replayTagsHere(invalidations) {
    const now = Date.now();
    for (const { tag, at } of invalidations) {
      const atMs = Date.parse(at);
      if (!Number.isFinite(atMs)) continue;
      const existing = tagsManifest.get(tag) || {};
      // A future `expired` is the `max` profile's year: not an expiry to keep.
      const expiredBefore = typeof existing.expired === 'number' && existing.expired <= now ? existing.expired : 0;
      tagsManifest.set(tag, { ...existing, stale: Math.max(existing.stale ?? 0, atMs), expired: Math.max(expiredBefore, Math.min(atMs, now)) });
    }
    notFoundEntries.deleteTagged(invalidations.map(({ tag }) => tag));
  }

  /**
   * Whether the file-system cache holds an entry for `key`, judged by the
   * file its own `get` reads first.
   *
   * @param {string} key
   * @param {string} kind the value's CachedRouteKind
   */
  isOnDisk(key, kind) {
    const file = this.primaryFile(key, kind);
    return file !== null && this.fs.existsSync(file);
  }

  /**
   * The file of `key` that the file-system cache's own `get` reads first and
   * dates the entry by, or null without a disk cache.
   *
   * @param {string} key
   * @param {string} kind the value's CachedRouteKind
   * @returns {string | null}
   */
  primaryFile(key, kind) {
    if (!this.flushToDisk || !this.fs) return null;
    try {
      return kind === 'FETCH' ? this.getFilePath(key, 'FETCH') : this.getFilePath(kind === 'APP_ROUTE' ? `${key}.body` : `${key}.html`, kind);
    } catch {
      return null;
    }
  }
}

/**
 * Whether a found entry is a page to hold packed: an App Router page not held
 * yet (its HTML a string read from disk, or the bytes a render made:
 * docs/adr/0040-html-kept-as-bytes.md), when holding is on
 * (`KIJI_PAGE_MEMORY_MB` above 0).
 *
 * @param {any} found
 */
function isHoldable(found) {
  const html = found?.value?.html;
  const unheld = typeof html === 'string' || (Buffer.isBuffer(html) && !(/** @type {any} */ (html)[PACKED]));
  return found?.value?.kind === 'APP_PAGE' && unheld && heldPages.limits.bytes > 0;
}

/**
 * Whether an invalidation has expired a held page (the check Next.js's own
 * `get` makes on what it reads): it must be rendered before any answer.
 *
 * @param {{ value: any, lastModified: number }} held
 * @param {any} ctx
 */
function isExpired(held, ctx) {
  const tags = tagsOfValue(held.value, ctx);
  return tags.length > 0 && areTagsExpired(tags, held.lastModified);
}

/**
 * Whether what `get` found means Next.js is about to render the key: nothing
 * found, a tag invalidated since it was written, or its lifetime over.
 *
 * @param {any} found
 * @param {any} ctx
 */
function needsRender(found, ctx) {
  if (!found?.value) return true;
  const softTags = Array.isArray(ctx?.softTags) ? ctx.softTags : [];
  if (areTagsStale([...tagsOfValue(found.value, ctx), ...softTags], found.lastModified)) return true;
  const revalidate = found.cacheControl?.revalidate ?? found.value.revalidate;
  return typeof revalidate === 'number' && found.lastModified + revalidate * 1000 <= Date.now();
}

module.exports = KijiCacheHandler;
