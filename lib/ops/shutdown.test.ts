import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../test/support/log';
import { Shutdown } from './shutdown';

/** A server whose answers take `?ms=` milliseconds; stands in for Next.js's (the module only sees it through Node's diagnostics channel). */
async function slowServer(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    const ms = Number(new URL(req.url!, 'http://x').searchParams.get('ms') ?? 0);
    if (ms < 0) return; // never answers
    setTimeout(() => res.end('done'), ms);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

type Answer = { status: number; body: string; connection: string | undefined };
function get(url: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      })
      .on('error', reject);
  });
}

const servers: http.Server[] = [];
const untracks: (() => void)[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
  for (const untrack of untracks.splice(0)) untrack();
});
function track(shutdown: Shutdown): Shutdown {
  untracks.push(shutdown.trackHttpServers());
  return shutdown;
}

describe('graceful shutdown', () => {
  it('answers the requests in flight, takes no new connection, runs the hooks in order and ends 0', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const shutdown = track(new Shutdown());
    const order: string[] = [];
    shutdown.onShutdown('connections', 'database', async () => void order.push('database'));
    shutdown.onShutdown('work', 'timer', () => void order.push('work'));
    shutdown.onShutdown('connections', 'redis', async () => void order.push('redis'));
    const agent = new http.Agent({ keepAlive: true });

    const inFlight = [get(`${url}/?ms=800`, agent), get(`${url}/?ms=400`, agent), get(`${url}/?ms=1200`, agent)];
    await new Promise((r) => setTimeout(r, 100));
    const logs = memoryLogger();
    const started = Date.now();
    const code = shutdown.shutDown('SIGTERM', { graceMs: 5_000, hookMs: 1_000, log: logs.logger });
    expect(shutdown.isShuttingDown()).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    // The listening socket is closed: a new connection is refused.
    await expect(get(`${url}/?ms=0`, new http.Agent())).rejects.toThrow(/ECONNREFUSED/);

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => [a.status, a.body])).toEqual([[200, 'done'], [200, 'done'], [200, 'done']]);
    // They were not answered yet at the signal, so each closes its connection.
    expect(answers.map((a) => a.connection)).toEqual(['close', 'close', 'close']);
    expect(await code).toBe(0);
    // Within the slowest request plus a sweep, not the 5 s keep-alive timeout Node would otherwise wait for.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(order).toEqual(['work', 'redis', 'database']);
    expect(logs.entries()[0]).toMatchObject({ level: 'info', msg: 'shutting down', signal: 'SIGTERM', inFlight: 3, graceMs: 5_000 });
    expect(logs.entries().at(-1)).toMatchObject({ level: 'info', msg: 'stopped', code: 0, ms: expect.any(Number) });
  });

  it('closes kept-alive connections once idle, even those whose answer had already said keep-alive', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const shutdown = track(new Shutdown());
    const agent = new http.Agent({ keepAlive: true });
    // An idle kept-alive connection before the signal.
    expect((await get(`${url}/?ms=0`, agent)).connection).toBe('keep-alive');
    // An answer under way at the signal, its headers (keep-alive) already sent.
    server.removeAllListeners('request');
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200);
      res.write('part ');
      setTimeout(() => res.end('rest'), 600);
    });
    const streaming = get(`${url}/stream`, agent);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const code = await shutdown.shutDown('SIGTERM', { graceMs: 5_000, hookMs: 1_000, log: memoryLogger().logger });
    // Node's server.close() alone would wait out the keep-alive timeout (5 s) after the answer.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(code).toBe(0);
    expect(await streaming).toMatchObject({ status: 200, body: 'part rest', connection: 'keep-alive' });
  });

  it('cuts what is still in flight after the grace period and ends 1', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const shutdown = track(new Shutdown());
    const stuck = get(`${url}/?ms=-1`, new http.Agent()).catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 100));
    const logs = memoryLogger();
    const started = Date.now();
    const code = await shutdown.shutDown('SIGTERM', { graceMs: 500, hookMs: 500, log: logs.logger });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await stuck).toBeInstanceOf(Error);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'warn', inFlight: 1, graceMs: 500 }));
    expect(logs.entries().at(-1)).toMatchObject({ level: 'warn', code: 1 });
  });

  it('ends 1 when a hook fails or hangs, after at most its bound', async () => {
    const shutdown = new Shutdown();
    shutdown.onShutdown('work', 'hangs', () => new Promise(() => undefined));
    shutdown.onShutdown('connections', 'fails', async () => {
      throw new Error('pool already closed');
    });
    const logs = memoryLogger();
    const started = Date.now();
    expect(await shutdown.shutDown('SIGINT', { graceMs: 100, hookMs: 200, log: logs.logger })).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'error', hooks: ['hangs'] }));
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'error', hook: 'fails', err: expect.objectContaining({ message: 'pool already closed' }) }));
  });
});
