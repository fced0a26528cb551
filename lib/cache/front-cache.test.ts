import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeFrontCaches } from './front-cache';

describe('purgeFrontCaches', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** An HTTP server answering as the purge module does: 200 for a key it held (`held`), 404 for any other; 500 for `/broken`. */
  async function purgeServer(held: Set<string>, seen: string[]): Promise<string> {
    server = http.createServer((request, response) => {
      seen.push(request.url!);
      response.statusCode = request.url!.includes('/broken') ? 500 : held.delete(request.url!) ? 200 : 404;
      response.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('asks for both encodings of every path and counts the copies dropped', async () => {
    const seen: string[] = [];
    const base = await purgeServer(new Set(['/gzip/', '/identity/articles/abcd2345']), seen);
    expect(await purgeFrontCaches([base], ['/', '/articles/abcd2345'])).toBe(2);
    expect(seen.sort()).toEqual(['/gzip/', '/gzip/articles/abcd2345', '/identity/', '/identity/articles/abcd2345']);
  });

  it('goes on past a front that fails or is not there', async () => {
    const seen: string[] = [];
    const base = await purgeServer(new Set(['/gzip/']), seen);
    const closed = await closedPort();
    expect(await purgeFrontCaches([`http://127.0.0.1:${closed}`, base], ['/', '/broken'])).toBe(1);
    expect(seen).toHaveLength(4);
  });

  /** A port nothing listens on: a server's, closed again. */
  async function closedPort(): Promise<number> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  it('does nothing without fronts or paths', async () => {
    expect(await purgeFrontCaches([], ['/'])).toBe(0);
    expect(await purgeFrontCaches(['http://127.0.0.1:9'], [])).toBe(0);
  });
});
