import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { logger } from '.';
import { trackRequestIds } from './request-id';
import { captureLog } from '../../test/support/log';

/**
 * A request's id on the lines logged while handling it, through Node's HTTP
 * server as `next start` runs it: the handler awaits (a database, a body)
 * before it logs, and requests overlap on kept-alive connections.
 */

let stop: (() => void) | undefined;
let server: http.Server | undefined;
let log: ReturnType<typeof captureLog> | undefined;

afterEach(async () => {
  stop?.();
  log?.restore();
  if (server) await new Promise((resolve) => server!.close(resolve));
  stop = server = log = undefined;
});

/** A server that reads the body, waits `?ms=`, then logs the body's text as an event of module `test`, twice. */
async function loggingServer(): Promise<string> {
  server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    await new Promise((r) => setTimeout(r, Number(new URL(req.url!, 'http://x').searchParams.get('ms') ?? 0)));
    logger('test').info({ event: body }, 'handled');
    await Promise.resolve();
    logger('test').info({ event: body }, 'answered');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function post(url: string, body: string, headers: Record<string, string>, agent?: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent }, (response) => response.resume().on('end', resolve));
    request.on('error', reject);
    request.end(body);
  });
}

describe('request ids', () => {
  it("puts the proxy's X-Request-Id on each request's lines, also when requests overlap on one connection", async () => {
    log = captureLog();
    stop = trackRequestIds({ trustHeader: true });
    const url = await loggingServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const ids = Array.from({ length: 12 }, (_, i) => `${i.toString(16).padStart(2, '0')}${'a'.repeat(30)}`);
    await Promise.all(ids.map((id, i) => post(`${url}/?ms=${(i * 37) % 60}`, `event-${i}`, { 'x-request-id': id }, agent)));
    agent.destroy();
    const handled = log.entries().filter((e) => e.msg === 'handled');
    expect(handled).toHaveLength(12);
    for (const entry of handled) expect(entry.reqId).toBe(ids[Number(String(entry.event).slice('event-'.length))]);
  });

  it('makes one up (per request, shared by its lines) when the header is missing, malformed, or no proxy is trusted', async () => {
    log = captureLog();
    stop = trackRequestIds({ trustHeader: false });
    const url = await loggingServer();
    await post(url, 'untrusted', { 'x-request-id': 'f'.repeat(32) });
    stop();
    stop = trackRequestIds({ trustHeader: true });
    await post(url, 'missing', {});
    await post(url, 'malformed', { 'x-request-id': 'a b {"level":"fatal"}' });
    const lines = log.entries();
    const byEvent = Object.fromEntries(lines.filter((e) => e.msg === 'handled').map((e) => [e.event, e.reqId]));
    for (const e of lines.filter((e) => e.msg === 'answered')) expect(e.reqId).toBe(byEvent[String(e.event)]);
    for (const event of ['untrusted', 'missing', 'malformed']) expect(byEvent[event], event).toMatch(/^[0-9a-f]{32}$/);
    expect(byEvent.untrusted).not.toBe('f'.repeat(32));
    expect(new Set(Object.values(byEvent)).size).toBe(3);
  });

  it('adds no id to lines written outside a request', () => {
    log = captureLog();
    stop = trackRequestIds({ trustHeader: true });
    logger('test').info('a timer fired');
    expect(log.entries()[0]).not.toHaveProperty('reqId');
  });
});
