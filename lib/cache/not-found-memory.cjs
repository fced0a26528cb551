'use strict';
/**
 * The memory side of cache-handler.cjs: which cache values an unknown
 * address leaves, how big they are, which tags they answer to, and the
 * bounded LRU that keeps them (docs/adr/0017-not-found-in-memory.md).
 * Plain CommonJS for the same reason as the handler; no Next.js imports.
 */

/** Next.js's response header listing a page's cache tags (implicit `_N_T_/…` and explicit). */
const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/**
 * Bounds of the LRU. A 404 page is about 50 KB (HTML, Flight payload,
 * segments), a `null` read a few hundred bytes: 16 MB holds a few hundred
 * pages, the count bounds the bookkeeping of small entries. What falls out
 * only costs a render on its next request.
 */
const NOT_FOUND_LIMITS = Object.freeze({ entries: 2_000, bytes: 16 * 1024 * 1024 });

/**
 * Whether a cache value is what an unknown address leaves: a response with
 * status 404 (a page's `notFound()`, a route handler's 404), or the data-cache
 * entry of an `unstable_cache` read whose result was `null` (Kiji's getters
 * answer `null` for an unknown id or slug).
 *
 * @param {any} value an `IncrementalCacheValue`, or null
 * @returns {boolean}
 */
function isNotFoundValue(value) {
  if (!value || typeof value !== 'object') return false;
  switch (value.kind) {
    case 'APP_PAGE':
    case 'APP_ROUTE':
    case 'PAGES':
      return value.status === 404;
    case 'FETCH':
      return value.data?.body === 'null';
    default:
      return false;
  }
}

/** @param {unknown} part a string, Buffer or typed array */
function lengthOf(part) {
  if (typeof part === 'string') return part.length;
  if (part && typeof part === 'object' && 'byteLength' in part) return Number(part.byteLength) || 0;
  return 0;
}

/**
 * Bytes a cache value holds, roughly (strings by length): the parts Next.js's
 * own memory cache counts, plus headers.
 *
 * @param {any} value
 * @returns {number}
 */
function sizeOfValue(value) {
  if (!value) return 25;
  const headers = JSON.stringify(value.headers ?? {}).length;
  switch (value.kind) {
    case 'APP_PAGE': {
      let size = lengthOf(value.html) + lengthOf(value.rscData) + lengthOf(value.postponed) + headers;
      if (value.segmentData) for (const [path, buffer] of value.segmentData) size += path.length + lengthOf(buffer);
      return size;
    }
    case 'APP_ROUTE':
      return lengthOf(value.body) + headers;
    case 'PAGES':
      return lengthOf(value.html) + JSON.stringify(value.pageData ?? {}).length + headers;
    default:
      return JSON.stringify(value).length;
  }
}

/**
 * The tags an entry answers to: a response's `x-next-cache-tags` header, or
 * the tags its data-cache read declared (`set` context `tags`).
 *
 * @param {any} value
 * @param {any} ctx the `set` context
 * @returns {string[]}
 */
function tagsOfValue(value, ctx) {
  if (value?.kind === 'FETCH') return Array.isArray(ctx?.tags) ? [...ctx.tags] : [];
  const header = value?.headers?.[CACHE_TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * A least-recently-used map bounded by entry count and total bytes.
 * `onEvict` hears of every key that leaves (pushed out, dropped by tag or
 * deleted), except one replaced by `set` or deleted with `notify` false.
 *
 * @template T
 */
class BoundedLru {
  /**
   * @param {{ entries: number, bytes: number }} limits
   * @param {(key: string) => void} [onEvict]
   */
  constructor(limits, onEvict = () => {}) {
    this.limits = limits;
    this.onEvict = onEvict;
    /** @type {Map<string, { item: T, size: number, tags: string[] }>} */
    this.map = new Map();
    this.bytes = 0;
  }

  get size() {
    return this.map.size;
  }

  /** @param {string} key */
  has(key) {
    return this.map.has(key);
  }

  /** Returns the item and marks it most recently used. @param {string} key */
  get(key) {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.item;
  }

  /**
   * @param {string} key
   * @param {T} item
   * @param {number} size bytes
   * @param {string[]} tags
   */
  set(key, item, size, tags) {
    this.delete(key, false);
    // Larger than the whole budget: not kept (it would only push everything else out).
    if (size > this.limits.bytes || this.limits.entries < 1) {
      this.onEvict(key);
      return;
    }
    this.map.set(key, { item, size, tags });
    this.bytes += size;
    while (this.map.size > this.limits.entries || this.bytes > this.limits.bytes) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /**
   * @param {string} key
   * @param {boolean} [notify] whether `onEvict` hears of it
   */
  delete(key, notify = true) {
    const slot = this.map.get(key);
    if (!slot) return false;
    this.map.delete(key);
    this.bytes -= slot.size;
    if (notify) this.onEvict(key);
    return true;
  }

  /** Drops every entry carrying one of `tags`; returns how many. @param {readonly string[]} tags */
  deleteTagged(tags) {
    if (tags.length === 0 || this.map.size === 0) return 0;
    const wanted = new Set(tags);
    let dropped = 0;
    for (const [key, slot] of [...this.map]) {
      if (slot.tags.some((tag) => wanted.has(tag)) && this.delete(key)) dropped++;
    }
    return dropped;
  }

  clear() {
    for (const key of [...this.map.keys()]) this.delete(key);
  }
}

module.exports = { BoundedLru, isNotFoundValue, sizeOfValue, tagsOfValue, NOT_FOUND_LIMITS, CACHE_TAGS_HEADER };
