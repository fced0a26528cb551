import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { logger, type Logger } from '../log';

/**
 * Graceful shutdown on SIGTERM and SIGINT (docs/adr/0025-nginx-front.md; deploy/README.md).
 *
 * What `next start` does by itself (Next.js 16.4, server/lib/start-server.js):
 * `server.close()`, which stops accepting connections and waits for every
 * open one to end, then `process.exit(143)`. Three things are missing for a
 * site behind nginx: no bound (a client that never finishes holds the
 * process until systemd's SIGKILL); connections kept alive keep taking new
 * requests (nginx reuses its upstream connections, so under load the drain
 * never ends, and an answered request leaves its connection open for the
 * keep-alive timeout); and nothing stops the background work or closes the
 * database pool and Redis. Next.js leaves the signal to the application when
 * NEXT_MANUAL_SIG_HANDLE is set (its self-hosting guide; `npm start` sets it),
 * and this module then does what Next.js did, plus those three:
 *
 * 1. on the signal: stop listening, close idle connections, answer every
 *    request still arriving on an open connection with `Connection: close`,
 *    and run the `work` hooks (timers, listeners, workers: nothing new starts);
 * 2. wait until every connection has ended, at most `graceMs`, then cut
 *    what is left;
 * 3. run the `connections` hooks, newest first (flush buffered views, close
 *    Redis, close the database), at most `hookMs`;
 * 4. exit 0, or 1 if requests had to be cut or a hook failed or timed out.
 *
 * The HTTP server is Next.js's own; it is found through Node's public
 * `http.server.request.start` diagnostics channel, which also counts the
 * requests in flight. An instance that never answered a request has none in
 * flight and is not found: it stops all the same, and its listening socket
 * closes as the process exits. Behind nginx or `npm run cluster` the first
 * health check is such a request.
 */

export type ShutdownPhase = 'work' | 'connections';
type Hook = { phase: ShutdownPhase; name: string; run: () => Promise<void> | void };

export type ShutdownOptions = {
  /** How long requests in flight may take to finish (ms). */
  graceMs: number;
  /** How long the hooks of each phase may take (ms). */
  hookMs: number;
  /** Where its lines go (default: lib/log's `shutdown`). */
  log?: Logger;
};

/** Default bounds: 10 s for requests in flight, 5 s for each phase's hooks; both well inside systemd's 90 s. */
export const SHUTDOWN_DEFAULTS: ShutdownOptions = { graceMs: 10_000, hookMs: 5_000 };

/** One process's shutdown: its hooks, the HTTP servers it found, the requests in flight. */
export class Shutdown {
  private readonly hooks: Hook[] = [];
  private readonly servers = new Set<Server>();
  private readonly inFlight = new Set<ServerResponse>();
  private untrack: (() => void) | null = null;
  private stopping = false;
  private done: Promise<number> | null = null;

  /**
   * Registers what this process must do when it shuts down. `work` hooks run
   * as soon as the signal comes, while requests are still being answered: stop
   * timers and listeners, let a running batch finish. `connections` hooks run
   * after the last request, newest first: flush, then close clients and pools.
   * Registering does nothing else (scripts and tests register and never shut down).
   */
  onShutdown(phase: ShutdownPhase, name: string, run: () => Promise<void> | void): void {
    this.hooks.push({ phase, name, run });
  }

  /** True once the shutdown has begun. */
  isShuttingDown(): boolean {
    return this.stopping;
  }

  /**
   * Follows the requests of every HTTP server in this process (to find
   * Next.js's server and count what is in flight). Idempotent; returns how to stop following.
   */
  trackHttpServers(): () => void {
    if (this.untrack) return this.untrack;
    const onRequest = (message: unknown) => {
      const { server, response } = message as { request: IncomingMessage; response: ServerResponse; server: Server };
      this.servers.add(server);
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
      // During the drain a kept-alive connection takes this request and no other.
      if (this.stopping) response.shouldKeepAlive = false;
    };
    diagnosticsChannel.subscribe('http.server.request.start', onRequest);
    this.untrack = () => {
      diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
      this.untrack = null;
    };
    return this.untrack;
  }

  /** Shuts down as described at the top of this module and resolves with the exit code; does not exit. A second call joins the first. */
  shutDown(reason: string, options: ShutdownOptions = SHUTDOWN_DEFAULTS): Promise<number> {
    this.done ??= this.run(reason, options);
    return this.done;
  }

  private async run(reason: string, { graceMs, hookMs, log = logger('shutdown') }: ShutdownOptions): Promise<number> {
    const started = Date.now();
    this.stopping = true;
    let code = 0;
    log.info({ signal: reason, inFlight: this.inFlight.size, graceMs }, 'shutting down');

    // Not answered yet: the connection closes after this answer.
    for (const response of this.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    const closed = [...this.servers].map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    // A connection whose answer had already said keep-alive turns idle when it is done: close it then.
    const sweep = setInterval(() => this.servers.forEach((server) => server.closeIdleConnections()), 100);
    const work = runHooks(this.hooks.filter((h) => h.phase === 'work'), hookMs + graceMs, log);

    const drained = await settleWithin(Promise.all(closed), graceMs);
    clearInterval(sweep);
    if (!drained) {
      log.warn({ inFlight: this.inFlight.size, graceMs }, 'requests still in flight after the grace period; closing their connections');
      this.servers.forEach((server) => server.closeAllConnections());
      code = 1;
    }
    if (!(await work)) code = 1;
    const connections = this.hooks.filter((h) => h.phase === 'connections').reverse();
    if (!(await runHooks(connections, hookMs, log, true))) code = 1;
    if (code === 0) log.info({ ms: Date.now() - started, code }, 'stopped');
    else log.warn({ ms: Date.now() - started, code }, 'stopped, not cleanly (see above)');
    return code;
  }
}

/** Runs hooks side by side (or one after another), each failure logged; false if one failed or they outran `ms`. */
async function runHooks(hooks: Hook[], ms: number, log: Logger, sequential = false): Promise<boolean> {
  let ok = true;
  const run = async (hook: Hook) => {
    try {
      await hook.run();
    } catch (error) {
      ok = false;
      log.error({ hook: hook.name, err: error }, 'shutdown hook failed');
    }
  };
  const all = sequential
    ? (async () => {
        for (const hook of hooks) await run(hook);
      })()
    : Promise.all(hooks.map(run));
  if (!(await settleWithin(all, ms))) {
    log.error({ hooks: hooks.map((h) => h.name), ms }, 'shutdown hooks did not finish in time');
    return false;
  }
  return ok;
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = await Promise.race([promise.then(() => true as const), late]);
  clearTimeout(timer);
  return done;
}

// On globalThis: instrumentation, route handlers and pages are separate bundles of one process.
const SLOT = Symbol.for('kiji.shutdown');

/** This process's shutdown. */
export function processShutdown(): Shutdown {
  const g = globalThis as typeof globalThis & { [SLOT]?: Shutdown };
  return (g[SLOT] ??= new Shutdown());
}

/** Registers a hook on this process's shutdown (see {@link Shutdown.onShutdown}). */
export function onShutdown(phase: ShutdownPhase, name: string, run: () => Promise<void> | void): void {
  processShutdown().onShutdown(phase, name, run);
}

/** True once this process has begun shutting down (GET /api/health answers 503 `stopping`). */
export function isShuttingDown(): boolean {
  return processShutdown().isShuttingDown();
}

/**
 * Takes SIGTERM and SIGINT for this process (instrumentation.ts) when Next.js
 * leaves them to it (NEXT_MANUAL_SIG_HANDLE; otherwise Next.js's own handler
 * would exit 143 as soon as its server closed, under ours). Returns whether
 * it did. Repeated signals are ignored: `npm start` forwards the signal it
 * gets to a process group that already got it.
 */
export function handleShutdownSignals(options: ShutdownOptions = SHUTDOWN_DEFAULTS, env: NodeJS.ProcessEnv = process.env): boolean {
  const shutdown = processShutdown();
  shutdown.trackHttpServers();
  if (!env.NEXT_MANUAL_SIG_HANDLE) return false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      void shutdown.shutDown(signal, options).then((code) => process.exit(code));
    });
  }
  return true;
}

/** Reads KIJI_SHUTDOWN_GRACE_MS (default 10 s): how long requests in flight may take at shutdown. */
export function readShutdownOptions(env: NodeJS.ProcessEnv = process.env): ShutdownOptions {
  const raw = env.KIJI_SHUTDOWN_GRACE_MS;
  if (!raw) return SHUTDOWN_DEFAULTS;
  const graceMs = Number(raw);
  if (!Number.isInteger(graceMs) || graceMs < 0) throw new Error(`Invalid settings: KIJI_SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not "${raw}"`);
  return { ...SHUTDOWN_DEFAULTS, graceMs };
}
