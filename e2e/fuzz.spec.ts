import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { wireStory } from './demo';
import { getBase } from './server';

/**
 * Property-based fuzzing of every route under app/ (found on disk, so a new
 * route is fuzzed from the day it lands): hostile path segments, query
 * strings, methods, content types and bodies. Whatever is sent, the site
 * answers without a 5xx, within 5 s, and never hands a piece of the input
 * back as live markup. Runs in the `load` project, alone on the machine, so
 * the bound measures the site and not the specs beside it.
 */

type Route = { pattern: string; methods: string[] };

const SPECIAL_FILES = new Set(['page.tsx', 'route.ts']);

function findRoutes(root = 'app'): Route[] {
  const routes: Route[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, entry);
    const name = path.basename(file);
    if (!SPECIAL_FILES.has(name)) continue;
    const segments = path
      .dirname(file)
      .split(path.sep)
      .slice(1)
      .filter((s) => !/^\(.*\)$/.test(s));
    const source = fs.readFileSync(file, 'utf8');
    const methods = name === 'page.tsx' ? ['GET', 'POST'] : [...source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
    routes.push({ pattern: `/${segments.join('/')}`, methods });
  }
  return routes;
}

/** A marker that must never come back as a tag: escaped (`&lt;x-fz…`) or absent is fine. */
const MARK = (n: number) => `<x-fz${n} onmouseover=alert(${n})>`;
const RAW_MARK = /<x-fz\d+/;

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('%ff', '%E3%81', '%', '%25', '%2525', '%00', '..', '../..', '%2e%2e%2f', '\\', '//evil.example', 'javascript:alert(1)', '"\'`', 'ＳＡＴＯ', '関税', '🙂', ' ', '-1', '0', '1e9', '999999999999'),
  fc.nat(9999).map(MARK),
  fc.integer({ min: 200, max: 3000 }).map((n) => 'あ'.repeat(n)),
);

/** One path segment as it goes on the wire. */
const segment = fc.oneof(
  fc.constantFrom(wireStory.id, 'world', 'tokyo', '2', 'zzzzzzzz', 'articles-2026-11-1.xml', 'world.xml', '16x9', 'a.webp'),
  hostileText.map((s) => (/%/.test(s) ? s : encodeURIComponent(s))),
);

const query = fc.array(fc.tuple(fc.constantFrom('q', 'page', 'token', 'slice', 'id', 'next', 'x', 'q[]', 'utm_source'), hostileText), { maxLength: 3 });

const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=fz', 'multipart/form-data', 'text/plain', 'application/xml', 'text/x-garbage', ''];

const body = fc.oneof(
  fc.constant(''),
  hostileText,
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('{"login":', '{"a":[[[[[[[[[[]]]]]]]]]]}', 'a=1&a=2&%ff=%ff', '--fz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--fz--\r\n', '\u0000\u0001'),
  fc.integer({ min: 1, max: 64 }).map((kb) => 'x'.repeat(kb * 1024)),
);

/** Fills a route pattern's dynamic segments (`[id]`, `[...path]`, `[[...page]]`) with generated ones. */
function fillPattern(pattern: string, parts: string[]): string {
  let i = 0;
  const next = () => parts[i++ % parts.length] ?? 'x';
  return pattern
    .split('/')
    .map((s) => {
      if (/^\[\[\.\.\..+\]\]$/.test(s)) return i % 2 ? next() : '';
      if (/^\[\.\.\..+\]$/.test(s)) return `${next()}/${next()}`;
      if (/^\[.+\]$/.test(s)) return next();
      return s;
    })
    .join('/')
    .replace(/\/+$/, '') || '/';
}

const request = fc.record({
  route: fc.nat(),
  parts: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query,
  method: fc.oneof(fc.constant(null), fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH')),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body,
  headers: fc.array(fc.tuple(fc.constantFrom('origin', 'x-forwarded-for', 'x-forwarded-host', 'cookie', 'accept', 'range', 'if-none-match', 'next-action', 'rsc', 'next-router-state-tree'), hostileText), { maxLength: 2 }),
});

const RUNS = Number(process.env.KIJI_FUZZ_RUNS ?? 2000);
const SLOW_MS = 5_000;

test('a few thousand hostile requests over every route: no 5xx, no hang, nothing reflected unescaped', async () => {
  test.setTimeout(20 * 60_000);
  const base = getBase();
  const routes = findRoutes();
  expect(routes.length).toBeGreaterThan(40);
  // Each route once as a reader would, so first renders are not what is timed.
  for (const route of routes) await fetch(`${base}${fillPattern(route.pattern, [wireStory.id])}`).then((r) => r.arrayBuffer());

  const failures: string[] = [];
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const route = routes[r.route % routes.length]!;
      const method = r.method ?? route.methods[r.route % route.methods.length] ?? 'GET';
      const search = r.query.length ? `?${r.query.map(([k, v]) => `${encodeURIComponent(k)}=${/%/.test(v) ? v : encodeURIComponent(v)}`).join('&')}` : '';
      const url = `${base}${fillPattern(route.pattern, r.parts)}${search}`;
      const headers = new Headers();
      for (const [name, value] of r.headers) {
        try {
          headers.set(name, value);
        } catch {
          // Not a value a header can carry (fetch refuses it before sending): skip it.
        }
      }
      const hasBody = method !== 'GET' && method !== 'HEAD';
      if (hasBody && r.contentType) headers.set('content-type', r.contentType);
      const started = performance.now();
      let status = 0;
      let text = '';
      let type = '';
      try {
        const response = await fetch(url, { method, headers, body: hasBody ? r.body : undefined, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        status = response.status;
        type = response.headers.get('content-type') ?? '';
        text = await response.text();
      } catch (error) {
        // A URL or header fetch itself will not send is not the site's answer.
        if (error instanceof TypeError && !String(error.cause ?? '').includes('ECONN')) return true;
        failures.push(`${method} ${url}: ${String(error)}`);
        return false;
      }
      sent++;
      const ms = performance.now() - started;
      const problems = [
        status >= 500 && `status ${status}`,
        ms > SLOW_MS && `${Math.round(ms)} ms`,
        /html|xml/.test(type) && RAW_MARK.test(text) && 'input reflected as markup',
      ].filter(Boolean);
      if (problems.length) failures.push(`${method} ${url} [${r.contentType}]: ${problems.join(', ')}`);
      return problems.length === 0;
    }),
    { numRuns: RUNS, endOnFailure: true },
  ).catch((error: unknown) => {
    throw new Error(`${failures.slice(0, 5).join('\n')}\n\n${String(error).slice(0, 2000)}`);
  });
  console.log(`fuzz: ${sent} requests over ${routes.length} routes, no failure`);
});
