import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncrementalCache as IncrementalCacheType } from 'next/dist/server/lib/incremental-cache';

/**
 * cache-handler.cjs extends Next.js internals that are not public API. These
 * tests drive it through Next.js's own IncrementalCache (as `next start`
 * does) on a temporary `.next`, and fail when what it relies on changes:
 * the FileSystemCache class and where it writes, the key and value shapes
 * handed to a handler, how `unstable_cache` stores a result, the tags
 * manifest `revalidateTag` updates, and the per-key map of lifetimes.
 * package.json pins `next` so that such a change arrives only through here.
 */

// Everything loaded as Node loads it at run time (CommonJS), so these are the
// module instances the handler itself shares with Next.js.
const require = createRequire(import.meta.url);
// What Next.js's server installs before loading its request storage (unstable_cache needs it).
(globalThis as typeof globalThis & { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
const KijiCacheHandler = require('./cache-handler.cjs') as typeof import('./cache-handler.cjs');
const { PACKED } = require('./page-memory.cjs') as typeof import('./page-memory.cjs');
const { IncrementalCache } = require('next/dist/server/lib/incremental-cache/index.js') as typeof import('next/dist/server/lib/incremental-cache');
const FileSystemCache = (require('next/dist/server/lib/incremental-cache/file-system-cache.js') as typeof import('next/dist/server/lib/incremental-cache/file-system-cache'))
  .default;
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js') as typeof import('next/dist/server/lib/node-fs-methods');
// Its per-key map of lifetimes is private in Next.js's types; the handler deletes from it.
const { SharedCacheControls } = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js') as {
  SharedCacheControls: { cacheControls: Map<string, unknown> };
};
const { areTagsExpired } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as typeof import('next/dist/server/lib/incremental-cache/tags-manifest.external');
const { getRouteCacheKey } = require('next/dist/server/lib/route-cache-key.js') as { getRouteCacheKey: (pathname: string, owner: Owner) => string };
const { unstable_cache } = require('next/dist/server/web/spec-extension/unstable-cache.js') as typeof import('next/dist/server/web/spec-extension/unstable-cache');

type Owner = { kind: 'APP_PAGE'; sourceRoute: string };
const ARTICLE_ROUTE: Owner = { kind: 'APP_PAGE', sourceRoute: '/(site)/articles/[id]/[[...page]]/page' };
const NOT_FOUND_LIFETIME = { revalidate: 60, expire: 86_400 };

let dist: string;
let cache: IncrementalCacheType;

function newIncrementalCache(): IncrementalCacheType {
  const preview = { previewModeId: 'id', previewModeSigningKey: 'sign', previewModeEncryptionKey: 'encrypt' };
  return new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: true,
    serverDistDir: path.join(dist, 'server'),
    requestHeaders: {},
    maxMemoryCacheSize: 50 * 1024 * 1024,
    previewProps: preview,
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview },
    CurCacheHandler: KijiCacheHandler,
  } as unknown as ConstructorParameters<typeof IncrementalCache>[0]);
}

/** Every file under the temporary `.next`, relative. */
function filesOnDisk(): string[] {
  if (!fs.existsSync(dist)) return [];
  return (fs.readdirSync(dist, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** An App Router page render as Next.js hands it to the cache; `paragraphs` makes it the size of a real article. */
function pageRender(status: number, tags: string[], paragraphs = 0) {
  const text = '<p>台風10号は午後、紀伊半島に上陸した。</p>'.repeat(paragraphs);
  const rscData = Buffer.from(`0:{"status":${status},"text":"${text}"}`);
  return {
    kind: 'APP_PAGE',
    html: `<!DOCTYPE html><html><body>${status}${text}</body></html>`,
    rscData,
    headers: { 'x-next-cache-tags': tags.join(',') },
    postponed: undefined,
    status,
    // Next.js writes the whole payload again as the `_full` segment.
    segmentData: new Map([
      ['/_tree', Buffer.from('tree')],
      ['/_full', Buffer.from(rscData)],
    ]),
  };
}

const PAGE_CONTEXT = { route: ARTICLE_ROUTE, cacheControl: NOT_FOUND_LIFETIME, isRoutePPREnabled: false, isFallback: false };

async function setPage(pathname: string, status: number, tags: string[] = [`_N_T_${pathname}`], paragraphs = 0) {
  await cache.set(pathname, pageRender(status, tags, paragraphs) as never, PAGE_CONTEXT as never);
}

type PageValue = { kind: string; status?: number; html?: string | Buffer; rscData?: Buffer; segmentData?: Map<string, Buffer> };

async function getPage(pathname: string) {
  const ctx = { kind: 'APP_PAGE', route: ARTICLE_ROUTE, isRoutePPREnabled: false, isFallback: false };
  return (await cache.get(pathname, ctx as never)) as { value: PageValue; isStale?: unknown; cacheControl?: unknown } | null;
}

beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-cache-handler-'));
  KijiCacheHandler.notFoundEntries.clear();
  KijiCacheHandler.heldPages.clear();
  cache = newIncrementalCache();
});

afterEach(() => {
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the Next.js the handler is written against', () => {
  it('is pinned to the exact version installed', () => {
    const installed = (require('next/package.json') as { version: string }).version;
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
    };
    expect(pkg.dependencies.next).toBe(installed);
    expect(lock.packages['']?.dependencies?.next).toBe(installed);
    expect(lock.packages['node_modules/next']?.version).toBe(installed);
  });

  it('has the FileSystemCache the handler extends, with the methods it calls', () => {
    expect(Object.getPrototypeOf(KijiCacheHandler)).toBe(FileSystemCache);
    for (const method of ['get', 'set', 'revalidateTag', 'resetRequestCache', 'getFilePath']) {
      expect(typeof (FileSystemCache.prototype as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
    expect(SharedCacheControls.cacheControls).toBeInstanceOf(Map);
  });

  it('writes a found page where its own get reads it, under the scoped key the handler is given', async () => {
    await setPage('/articles/abcd2345', 200);
    const key = getRouteCacheKey('/articles/abcd2345', ARTICLE_ROUTE);
    expect(key).toMatch(/^\/route-cache\/APP_PAGE\/[0-9a-f]{64}\/\$\/articles\/abcd2345$/);
    const base = path.join('server', key.slice(1));
    // Next.js's five files, and the handler's packed copy of them beside (docs/adr/0038).
    expect(filesOnDisk()).toEqual(
      [`${base}.html`, `${base}.kiji-packed`, `${base}.meta`, `${base}.rsc`, `${base}.segments/_full.segment.rsc`, `${base}.segments/_tree.segment.rsc`].sort(),
    );
    const meta = JSON.parse(fs.readFileSync(path.join(dist, `${base}.meta`), 'utf8')) as { status: number };
    expect(meta.status).toBe(200);
    // Next.js records the lifetime under that same key: the handler removes it from there.
    expect(SharedCacheControls.cacheControls.get(key)).toEqual(NOT_FOUND_LIFETIME);
    expect((await getPage('/articles/abcd2345'))?.value.status).toBe(200);
  });
});

const keyOf = (pathname: string) => getRouteCacheKey(pathname, ARTICLE_ROUTE);
const packedFileOf = (pathname: string) => path.join(dist, 'server', `${keyOf(pathname).slice(1)}.kiji-packed`);
const isPacked = (body: unknown) => Buffer.isBuffer(body) && (body as unknown as Record<symbol, unknown>)[PACKED] === true;
/** A held page's HTML as text, whether it is held packed (gzip) or as it is (small pages). */
const textOf = (html: string | Buffer | undefined) => (isPacked(html) ? zlib.gunzipSync(html as Buffer) : (html ?? '')).toString();

describe('a found page', () => {
  const html = (status: number) => `<!DOCTYPE html><html><body>${status}</body></html>`;
  const nextMemory = () => (FileSystemCache as unknown as { memoryCache?: { has(key: string): boolean } }).memoryCache;

  it('is held as UTF-8 bytes once rendered, not as a string in Next.js\'s memory cache', async () => {
    await setPage('/articles/held2345', 200);
    expect(KijiCacheHandler.heldPages.has(keyOf('/articles/held2345'))).toBe(true);
    expect(nextMemory()?.has(keyOf('/articles/held2345'))).toBe(false);
    const page = await getPage('/articles/held2345');
    expect(Buffer.isBuffer(page?.value.html)).toBe(true);
    expect(page?.value.html?.toString()).toBe(html(200));
    expect(page?.isStale).toBeFalsy();
  });

  it('read from Next.js\'s files by a new process is held from then on', async () => {
    await setPage('/articles/disk2345', 200);
    KijiCacheHandler.heldPages.clear(); // what a restart leaves: the files only
    fs.rmSync(packedFileOf('/articles/disk2345')); // and no packed copy (written by an older Kiji)
    const first = await getPage('/articles/disk2345');
    expect(first?.value.html?.toString()).toBe(html(200));
    expect(KijiCacheHandler.heldPages.has(keyOf('/articles/disk2345'))).toBe(true);
    // Answered from memory: the disk copy gone, the held one still serves.
    fs.rmSync(path.join(dist, 'server', 'route-cache'), { recursive: true, force: true });
    expect((await getPage('/articles/disk2345'))?.value.html?.toString()).toBe(html(200));
  });

  it('is stale after a publish invalidates its tag, and gone after a withdrawal', async () => {
    await setPage('/articles/tagged23', 200, ['_N_T_/articles/tagged23', 'article:tagged23']);
    await new Promise((r) => setTimeout(r, 5));
    await KijiCacheHandler.revalidateTagsHere(['article:tagged23'], 'stale');
    expect((await getPage('/articles/tagged23'))?.isStale, 'served once more while it renders').toBeTruthy();
    await KijiCacheHandler.revalidateTagsHere(['article:tagged23'], 'now');
    expect(await getPage('/articles/tagged23'), 'rendered before any answer').toBeNull();
    expect(KijiCacheHandler.heldPages.has(keyOf('/articles/tagged23'))).toBe(false);
  });

  it('is held packed: each body as its gzip form, the repeated payload kept once', async () => {
    const render = pageRender(200, ['_N_T_/articles/pack2345'], 400);
    await setPage('/articles/pack2345', 200, ['_N_T_/articles/pack2345'], 400);
    const { value } = (await getPage('/articles/pack2345'))!;
    expect(isPacked(value.html) && isPacked(value.rscData)).toBe(true);
    expect(zlib.gunzipSync(value.html as Buffer).toString()).toBe(render.html);
    expect(zlib.gunzipSync(value.rscData!).equals(render.rscData)).toBe(true);
    expect(value.segmentData?.get('/_full'), 'the same bytes as the payload, not a copy').toBe(value.rscData);
    expect(value.segmentData?.get('/_tree')?.toString(), 'too small to pack').toBe('tree');
    expect(KijiCacheHandler.heldPages.bytes).toBeLessThan((render.html.length + 2 * render.rscData.length) / 5);
  });

  it('stored again as it was held (a failed re-render keeps the previous page) writes the page to disk, not its gzip', async () => {
    const render = pageRender(200, ['_N_T_/articles/keep2345'], 400);
    await setPage('/articles/keep2345', 200, ['_N_T_/articles/keep2345'], 400);
    const held = (await getPage('/articles/keep2345'))!;
    await cache.set('/articles/keep2345', held.value as never, PAGE_CONTEXT as never);
    const base = path.join(dist, 'server', keyOf('/articles/keep2345').slice(1));
    expect(fs.readFileSync(`${base}.html`, 'utf8')).toBe(render.html);
    expect(fs.readFileSync(`${base}.rsc`).equals(render.rscData)).toBe(true);
    KijiCacheHandler.heldPages.clear();
    expect(textOf((await getPage('/articles/keep2345'))?.value.html)).toBe(render.html);
  });

  it('that becomes a 404 is replaced in memory too: the old page never comes back', async () => {
    await setPage('/articles/gone2345', 200);
    await setPage('/articles/gone2345', 404);
    expect((await getPage('/articles/gone2345'))?.value.html?.toString()).toBe(html(404));
    KijiCacheHandler.heldPages.clear();
    expect((await getPage('/articles/gone2345'))?.value.status).toBe(404);
  });
});

describe('a page no longer held in memory', () => {
  const tags = (id: string) => [`_N_T_/articles/${id}`, `article:${id}`];
  /** What a restart, or the held pages' byte budget, leaves: Next.js's files and the packed copy. */
  const forget = () => KijiCacheHandler.heldPages.clear();
  /** Next.js's own files of a page, so that only its packed copy can answer. */
  const dropNextFiles = (pathname: string) => {
    const base = path.join(dist, 'server', keyOf(pathname).slice(1));
    for (const suffix of ['.html', '.meta', '.rsc', '.segments']) fs.rmSync(`${base}${suffix}`, { recursive: true, force: true });
  };

  it('is read back from its packed copy: the gzip forms as they were held, dated as they were', async () => {
    const render = pageRender(200, tags('pdisk234'), 400);
    await setPage('/articles/pdisk234', 200, tags('pdisk234'), 400);
    const held = (await getPage('/articles/pdisk234'))!;
    forget();
    dropNextFiles('/articles/pdisk234');
    const read = (await getPage('/articles/pdisk234'))!;
    expect(read.isStale).toBeFalsy();
    expect(isPacked(read.value.html) && isPacked(read.value.rscData)).toBe(true);
    expect(zlib.gunzipSync(read.value.html as Buffer).toString()).toBe(render.html);
    expect(zlib.gunzipSync(read.value.rscData!).equals(render.rscData)).toBe(true);
    expect(read.value.segmentData?.get('/_full'), 'the repeated payload still kept once').toBe(read.value.rscData);
    expect(read.value.segmentData?.get('/_tree')?.toString()).toBe('tree');
    expect(read.value.status).toBe(200);
    expect(read.cacheControl, 'its lifetime, which a new process knows only from here').toEqual(NOT_FOUND_LIFETIME);
    expect(held.cacheControl).toEqual(NOT_FOUND_LIFETIME);
    expect(KijiCacheHandler.heldPages.has(keyOf('/articles/pdisk234')), 'held again from then on').toBe(true);
  });

  it('is the newest render, never an older packed copy', async () => {
    await setPage('/articles/pnew2345', 200, tags('pnew2345'), 10);
    await setPage('/articles/pnew2345', 200, tags('pnew2345'), 400);
    forget();
    dropNextFiles('/articles/pnew2345');
    const read = (await getPage('/articles/pnew2345'))!;
    expect(zlib.gunzipSync(read.value.html as Buffer).toString()).toBe(pageRender(200, [], 400).html);
  });

  it('is stale after a publish invalidates its tag, and not served at all after a withdrawal', async () => {
    await setPage('/articles/pstale23', 200, tags('pstale23'));
    await new Promise((r) => setTimeout(r, 5));
    await KijiCacheHandler.revalidateTagsHere(['article:pstale23'], 'stale');
    forget();
    expect((await getPage('/articles/pstale23'))?.isStale).toBeTruthy();
    await KijiCacheHandler.revalidateTagsHere(['article:pstale23'], 'now');
    forget();
    expect(await getPage('/articles/pstale23')).toBeNull();
  });

  it('rendered while an invalidation overtook it is read back stale', async () => {
    expect(await getPage('/articles/praced12')).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await KijiCacheHandler.revalidateTagsHere(['article:praced12'], 'stale');
    await new Promise((r) => setTimeout(r, 5));
    await setPage('/articles/praced12', 200, tags('praced12'));
    forget();
    dropNextFiles('/articles/praced12');
    expect((await getPage('/articles/praced12'))?.isStale).toBeTruthy();
  });

  it('is read from Next.js\'s files when its packed copy is damaged or belongs to another page', async () => {
    await setPage('/articles/pbad2345', 200, tags('pbad2345'), 400);
    await setPage('/articles/pother23', 200, tags('pother23'), 10);
    const file = packedFileOf('/articles/pbad2345');
    const header = Buffer.from(JSON.stringify({ key: keyOf('/articles/pbad2345'), bodies: [], html: 0, segments: 'not a list' }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const misshapen = Buffer.concat([Buffer.from('KIJIPAGE1\n'), length, header]);
    for (const damaged of [fs.readFileSync(file).subarray(0, 200), Buffer.from('not a packed page'), fs.readFileSync(packedFileOf('/articles/pother23')), misshapen]) {
      fs.writeFileSync(file, damaged);
      forget();
      const read = (await getPage('/articles/pbad2345'))!;
      expect(zlib.gunzipSync(read.value.html as Buffer).toString()).toBe(pageRender(200, [], 400).html);
    }
  });

  it('stored again by a failed re-render is held and packed again from what was stored', async () => {
    await setPage('/articles/pkeep234', 200, tags('pkeep234'), 400);
    const held = (await getPage('/articles/pkeep234'))!;
    await cache.set('/articles/pkeep234', held.value as never, PAGE_CONTEXT as never);
    forget();
    dropNextFiles('/articles/pkeep234');
    expect(textOf((await getPage('/articles/pkeep234'))?.value.html), 'held and packed again, from the page as stored').toBe(pageRender(200, [], 400).html);
  });
});

describe('a 404 page', () => {
  it('is served from memory as a cache hit, with its lifetime, and never written', async () => {
    for (let i = 0; i < 100; i++) await setPage(`/articles/unknown${i}`, 404);
    expect(filesOnDisk()).toEqual([]);
    const entry = await getPage('/articles/unknown7');
    expect(entry?.value).toMatchObject({ kind: 'APP_PAGE', status: 404, html: '<!DOCTYPE html><html><body>404</body></html>' });
    expect(entry?.cacheControl).toEqual(NOT_FOUND_LIFETIME);
    expect(entry?.isStale).toBeFalsy();
    // A fresh IncrementalCache (the next request) sees it too.
    cache = newIncrementalCache();
    expect((await getPage('/articles/unknown8'))?.value.status).toBe(404);
  });

  it('is forgotten, with its lifetime, when it falls out of the LRU', async () => {
    await setPage('/articles/forgotten', 404);
    const key = getRouteCacheKey('/articles/forgotten', ARTICLE_ROUTE);
    expect(SharedCacheControls.cacheControls.has(key)).toBe(true);
    KijiCacheHandler.notFoundEntries.delete(key);
    expect(SharedCacheControls.cacheControls.has(key)).toBe(false);
    expect(await getPage('/articles/forgotten')).toBeNull();
  });

  it('is dropped by an invalidation of any of its tags, and Next.js still hears of it', async () => {
    await setPage('/articles/soon1234', 404, ['_N_T_/articles/soon1234', 'article:soon1234']);
    await setPage('/articles/else5678', 404, ['_N_T_/articles/else5678', 'article:else5678']);
    const before = Date.now() - 1;
    await cache.revalidateTag(['article:soon1234'], { expire: 0 });
    expect(await getPage('/articles/soon1234')).toBeNull();
    expect((await getPage('/articles/else5678'))?.value.status).toBe(404);
    expect(areTagsExpired(['article:soon1234'], before)).toBe(true);
    // The newsroom's profile (`max`: stale, not expired) drops it too.
    await cache.revalidateTag('_N_T_/articles/else5678', { expire: 31_536_000 });
    expect(await getPage('/articles/else5678')).toBeNull();
  });

  it('gives way to the page when the address starts to exist', async () => {
    await setPage('/articles/publish1', 404);
    await setPage('/articles/publish1', 200);
    expect((await getPage('/articles/publish1'))?.value.status).toBe(200);
    expect(filesOnDisk().some((file) => file.endsWith('/$/articles/publish1.html'))).toBe(true);
  });

  it('replaces on disk a page that existed, so the old page cannot come back', async () => {
    await setPage('/articles/gone1234', 200);
    const files = filesOnDisk();
    await setPage('/articles/gone1234', 404);
    KijiCacheHandler.notFoundEntries.clear();
    expect(filesOnDisk()).toEqual(files);
    const meta = files.find((file) => file.endsWith('.meta'))!;
    expect((JSON.parse(fs.readFileSync(path.join(dist, meta), 'utf8')) as { status: number }).status).toBe(404);
    expect((await getPage('/articles/gone1234'))?.value.status).toBe(404);
  });
});

describe('a cached read', () => {
  // Outside a request, unstable_cache uses the global IncrementalCache.
  const g = globalThis as typeof globalThis & { __incrementalCache?: IncrementalCacheType };
  beforeEach(() => {
    g.__incrementalCache = cache;
  });
  afterEach(() => {
    delete g.__incrementalCache;
  });

  it('that found nothing is kept in memory and not read again; one that found something is written', async () => {
    let reads = 0;
    const find = unstable_cache(
      async (id: string) => {
        reads++;
        return id === 'known123' ? { id } : null;
      },
      ['cache-handler-test'],
      { tags: ['taxonomy'], revalidate: 3600 },
    );
    expect(await find('nope1234')).toBeNull();
    expect(await find('nope1234')).toBeNull();
    expect(reads).toBe(1);
    expect(filesOnDisk()).toEqual([]);
    expect(await find('known123')).toEqual({ id: 'known123' });
    expect(filesOnDisk()).toEqual([expect.stringMatching(/^cache\/fetch-cache\/[0-9a-f]{64}$/)]);
    // Its tags drop it, as they drop a 404 page.
    await cache.revalidateTag(['taxonomy'], undefined);
    expect(await find('nope1234')).toBeNull();
    expect(reads).toBe(3);
  });
});

describe('an invalidation made by another instance (revalidateTagsHere)', () => {
  const later = () => new Promise((r) => setTimeout(r, 5));

  it('marks a cached page stale as revalidateTag(tag, "max") does here, leaving others fresh', async () => {
    await setPage('/articles/told1234', 200, ['_N_T_/articles/told1234', 'article:told1234']);
    await setPage('/articles/other567', 200, ['_N_T_/articles/other567', 'article:other567']);
    await later();
    await KijiCacheHandler.revalidateTagsHere(['article:told1234'], 'stale');
    const told = await getPage('/articles/told1234');
    expect(told?.value.status).toBe(200);
    expect(told?.isStale).toBeTruthy();
    expect((await getPage('/articles/other567'))?.isStale).toBeFalsy();
  });

  it('drops the page at once for `now` (a withdrawal), and the remembered 404s carrying the tag', async () => {
    await setPage('/articles/gone1234', 200, ['_N_T_/articles/gone1234', 'article:gone1234']);
    await setPage('/articles/soon5678', 404, ['_N_T_/articles/soon5678', 'article:soon5678']);
    expect(await getPage('/articles/soon5678')).not.toBeNull();
    await later();
    await KijiCacheHandler.revalidateTagsHere(['article:gone1234', 'article:soon5678'], 'now');
    expect(await getPage('/articles/gone1234')).toBeNull();
    expect(KijiCacheHandler.notFoundEntries.get(getRouteCacheKey('/articles/soon5678', ARTICLE_ROUTE))).toBeUndefined();
  });
});

describe('invalidations missed while the process was down (replayTagsHere)', () => {
  const later = () => new Promise((r) => setTimeout(r, 5));

  it('expires a page cached before the invalidation, so it is rendered afresh rather than served once more', async () => {
    await setPage('/articles/missed12', 200, ['_N_T_/articles/missed12', 'article:missed12']);
    await later();
    const at = new Date().toISOString();
    KijiCacheHandler.replayTagsHere([{ tag: 'article:missed12', at }]);
    // Expired, not stale: Next.js renders it before answering instead of sending the old page.
    expect(await getPage('/articles/missed12')).toBeNull();
  });

  it('leaves a page rendered after the invalidation as it is', async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    await setPage('/articles/after123', 200, ['_N_T_/articles/after123', 'article:after123']);
    KijiCacheHandler.replayTagsHere([{ tag: 'article:after123', at }]);
    const page = await getPage('/articles/after123');
    expect(page?.value.status).toBe(200);
    expect(page?.isStale).toBeFalsy();
  });

  it('keeps a later invalidation already applied here', async () => {
    await setPage('/articles/both1234', 200, ['_N_T_/articles/both1234', 'article:both1234']);
    await later();
    await KijiCacheHandler.revalidateTagsHere(['article:both1234'], 'stale');
    // The replay's invalidation is older than the page: the page is still stale from the later one.
    KijiCacheHandler.replayTagsHere([{ tag: 'article:both1234', at: new Date(Date.now() - 3_600_000).toISOString() }]);
    const page = await getPage('/articles/both1234');
    expect(page?.value.status).toBe(200);
    expect(page?.isStale).toBeTruthy();
  });
});

describe('a render that an invalidation overtakes', () => {
  const later = () => new Promise((r) => setTimeout(r, 5));
  const tags = (id: string) => [`_N_T_/articles/${id}`, `article:${id}`];

  it('is stored stale: what it shows may predate the change', async () => {
    expect(await getPage('/articles/raced123')).toBeNull(); // Next.js starts rendering here
    await later();
    await KijiCacheHandler.revalidateTagsHere(['article:raced123'], 'stale'); // a correction meanwhile
    await later();
    await setPage('/articles/raced123', 200, tags('raced123')); // the render ends
    const page = await getPage('/articles/raced123');
    expect(page?.value.status).toBe(200);
    expect(page?.isStale, 'rendered again on the next request').toBeTruthy();
    // Dated by its start on disk too, which a restarted process reads.
    const html = filesOnDisk().find((file) => file.endsWith('raced123.html'))!;
    expect(fs.statSync(path.join(dist, html)).mtimeMs).toBeLessThan(Date.now() - 5);
  });

  it('is fresh when nothing it shows changed while it ran', async () => {
    expect(await getPage('/articles/calm1234')).toBeNull();
    await KijiCacheHandler.revalidateTagsHere(['article:other999'], 'stale');
    await setPage('/articles/calm1234', 200, tags('calm1234'));
    expect((await getPage('/articles/calm1234'))?.isStale).toBeFalsy();
  });

  it('is fresh when the change came before it began', async () => {
    await setPage('/articles/before12', 200, tags('before12'));
    await later();
    await KijiCacheHandler.revalidateTagsHere(['article:before12'], 'stale');
    await later();
    expect((await getPage('/articles/before12'))?.isStale).toBeTruthy(); // Next.js re-renders from here
    await setPage('/articles/before12', 200, tags('before12'));
    expect((await getPage('/articles/before12'))?.isStale).toBeFalsy();
  });
});

