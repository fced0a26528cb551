// Types of not-found-memory.cjs (plain CommonJS, loaded at run time by cache-handler.cjs).

/** What the LRU keeps per key: the shape a cache handler's `get` returns. */
export type NotFoundEntry = { value: unknown; lastModified: number; cacheControl?: unknown };

/** A least-recently-used map bounded by entry count and total bytes. */
export declare class BoundedLru<T> {
  constructor(limits: { entries: number; bytes: number }, onEvict?: (key: string) => void);
  readonly size: number;
  readonly bytes: number;
  has(key: string): boolean;
  get(key: string): T | undefined;
  set(key: string, item: T, size: number, tags: string[]): void;
  delete(key: string, notify?: boolean): boolean;
  deleteTagged(tags: readonly string[]): number;
  clear(): void;
}

export declare function isNotFoundValue(value: unknown): boolean;
export declare function sizeOfValue(value: unknown): number;
export declare function tagsOfValue(value: unknown, ctx: unknown): string[];
export declare const NOT_FOUND_LIMITS: Readonly<{ entries: number; bytes: number }>;
export declare const CACHE_TAGS_HEADER: 'x-next-cache-tags';
