import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Kiji runs a patched Next.js (patches/next+16.4.6.patch, applied by
 * patch-package at install). Each patch is what a request depends on, so an
 * install that lost it (a Next.js upgrade, `--ignore-scripts`) must fail here
 * rather than quietly in production.
 */

const require = createRequire(import.meta.url);
const nextDir = path.dirname(require.resolve('next/package.json'));
const read = (file: string) => fs.readFileSync(path.join(nextDir, file), 'utf8');

describe('the patched Next.js', () => {
  it('is the version the patch was made for', () => {
    const patches = fs.readdirSync(path.join(process.cwd(), 'patches')).filter((f) => f.startsWith('next+'));
    expect(patches).toEqual([`next+${(require('next/package.json') as { version: string }).version}.patch`]);
  });

  it('appends the socket peer to X-Forwarded-For instead of trusting what the client sent', () => {
    const source = read('dist/server/base-server.js');
    expect(source).toContain("Symbol.for('kiji.forwardedFor')");
    expect(source).not.toMatch(/req\.headers\['x-forwarded-for'\] \?\?=/);
  });

  it('answers a path that is not valid percent-encoding with a 400 before any route or the not-found page sees it', () => {
    expect(read('dist/server/lib/router-utils/resolve-routes.js')).toMatch(/decodeURIComponent\(urlNoQuery \|\| ''\);\s*\} catch\s*\{\s*return \{/);
  });

  it('lets a path segment that is not valid percent-encoding fall through to a 404 instead of a 500', () => {
    expect(read('dist/server/lib/router-utils/resolve-routes.js')).toMatch(/catch \(err\) \{\s*if \(err instanceof _utils2\.DecodeError\) continue;/);
  });

  it("measures a cache entry's size with JSON.stringify only for the fetch cache, not for every page it stores", () => {
    // Unpatched, every render of a page spelled its RSC payload out as JSON
    // numbers to read a size nothing else uses (about 8 % of a first render's CPU).
    for (const runtime of ['app-page-turbo', 'app-route-turbo']) {
      const source = read(`dist/compiled/next-server/${runtime}.runtime.prod.js`);
      expect(source).toContain('let i=r.fetchCache?JSON.stringify(t).length:0;');
      expect(source).not.toContain('let i=JSON.stringify(t).length;');
    }
    expect(read('dist/server/lib/incremental-cache/index.js')).toContain('const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;');
  });
});
