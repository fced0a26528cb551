import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

/**
 * The id of the request being handled, for every log line written while
 * handling it (docs/adr/0028-structured-logs.md).
 *
 * nginx names each request (`$request_id`, 32 hex digits), logs it in its
 * access log and sends it upstream as `X-Request-Id` (deploy/nginx). Here the
 * id is taken when Node's HTTP server starts a request, through the same
 * public diagnostics channel the shutdown counts requests with
 * (`http.server.request.start`), and kept in an AsyncLocalStorage entered for
 * the rest of that request's work: route handlers, server actions, pages,
 * proxy.ts, and what they call in lib/. Nothing has to pass it down, and
 * routes need no wrapper.
 *
 * The header is believed only from a proxy we trust (KIJI_TRUSTED_PROXY_HOPS
 * > 0, as for X-Forwarded-For): without one a client could give its requests
 * another request's id. Otherwise, or when the header is missing or not an
 * id, one is made up in the same form, when a line first needs it, so the
 * lines of one request still share an id.
 */

type RequestScope = { incoming: string | undefined; id?: string };
type State = { storage: AsyncLocalStorage<RequestScope>; untrack: (() => void) | null };

// On globalThis: instrumentation, route handlers and pages are separate bundles of one process.
const SLOT = Symbol.for('kiji.request-id');

function state(): State {
  const g = globalThis as typeof globalThis & { [SLOT]?: State };
  return (g[SLOT] ??= { storage: new AsyncLocalStorage(), untrack: null });
}

/** An id as nginx makes them, or a UUID, or another proxy's: letters, digits and `-._:`, at most 128 characters. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The header's value when it is a usable id (the first, if repeated), else undefined. */
export function toRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : undefined;
}

/** A new id in nginx's form (32 hex digits). */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Gives every request this process's HTTP servers take from now on its id
 * (see the top of this module). `trustHeader`: take the proxy's
 * `X-Request-Id`. Idempotent; returns how to stop.
 */
export function trackRequestIds({ trustHeader }: { trustHeader: boolean }): () => void {
  const s = state();
  if (s.untrack) return s.untrack;
  const onRequest = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    // Published just before the server emits 'request': the handler and everything it starts run in this scope.
    s.storage.enterWith({ incoming: trustHeader ? toRequestId(request.headers['x-request-id']) : undefined });
  };
  diagnosticsChannel.subscribe('http.server.request.start', onRequest);
  s.untrack = () => {
    diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
    s.untrack = null;
  };
  return s.untrack;
}

/** The id of the request being handled here, or undefined outside any request (timers, start, shutdown). */
export function currentRequestId(): string | undefined {
  const scope = state().storage.getStore();
  if (!scope) return undefined;
  return (scope.id ??= scope.incoming ?? newRequestId());
}
