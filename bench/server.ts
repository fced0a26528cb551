import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type StartOptions = {
  /**
   * Run from this folder instead of the checkout (see {@link prepareAppCopy}):
   * a server with its own copy of the build has its own Next.js caches.
   */
  cwd?: string;
  /** The address that must answer 200 before the server counts as started (default `/`; the cluster asks `/api/health`). */
  readyPath?: string;
  /** A file descriptor for the server's standard output, its log (lib/log); by default it is read and dropped. */
  stdout?: number;
};

/** Starts `npm start` (as README says) with the given environment, the bench's reference pages on (KIJI_BENCH_PAGES), and waits until `readyPath` answers 200. */
export async function startServer(env: Record<string, string>, port: number, { cwd, readyPath = '/', stdout = undefined }: StartOptions = {}): Promise<ChildProcess> {
  // A server left over on the port would answer the readiness probe and be measured instead.
  if (findListeningPid(port) !== null || (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false))) {
    throw new Error(`port ${port} is already in use`);
  }
  const child = spawn('npm', ['start'], { cwd, env: { ...process.env, KIJI_BENCH_PAGES: '1', ...env, PORT: String(port) }, stdio: ['ignore', stdout ?? 'pipe', 'inherit'], detached: true });
  child.stdout?.on('data', () => undefined);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopServer(child);
  throw new Error(`server on port ${port} did not answer within 120 s`);
}

/**
 * Stops the server and the process group npm started: SIGTERM, then SIGKILL
 * after `graceMs` if any of it is still there (a server busy in a long
 * synchronous task never gets to handle SIGTERM).
 */
export async function stopServer(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!child.pid) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    if (!signal(0 as unknown as NodeJS.Signals)) return;
  }
  signal('SIGKILL');
}

/**
 * Stops the server that listens on `port`: the process found there gets
 * SIGTERM, then SIGKILL after `graceMs`, and the call returns once nothing
 * listens on the port any more. `child` (the `npm start` we spawned, whose
 * process group may outlive the server) is stopped after it. Refuses when
 * the listener is not in `child`'s process group: that would be someone
 * else's server.
 */
export async function stopServerOnPort(port: number, child: ChildProcess | null, graceMs = 10_000): Promise<void> {
  const pid = findListeningPid(port);
  if (pid !== null && child?.pid && processGroup(pid) !== child.pid) {
    throw new Error(`port ${port} is held by pid ${pid}, not by the server this run started`);
  }
  if (pid !== null) {
    const deadline = Date.now() + graceMs;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    while (findListeningPid(port) === pid && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (findListeningPid(port) === pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      while (findListeningPid(port) === pid) await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (child) await stopServer(child, 2_000);
}

// The process group of `pid` (field 5 of /proc/<pid>/stat); null when it is gone.
function processGroup(pid: number): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
  } catch {
    return null;
  }
}

/** Folders under `.next` that Next.js fills while it serves (see {@link prepareAppCopy}). */
const RUNTIME_CACHES = ['cache', path.join('server', 'route-cache')];
/** Under `.next` but not served by `npm start`: the standalone server's folder (60 MB, ADR 0027). */
const NOT_SERVED = ['standalone'];

/**
 * A folder to run the production build from with caches of its own: every
 * entry of the checkout linked, except `.next`, which is copied without its
 * caches and the standalone folder. Next.js keeps its data cache (`unstable_cache`, in `cache/`) and
 * the pages it renders on demand (`server/route-cache/` in Next.js 16.4)
 * under `.next` and reads them back across restarts, keyed by route and
 * arguments, not by database; two servers on different data folders sharing
 * one `.next` would serve each other's pages, and a page rendered by an
 * earlier run (any server started from the checkout itself, such as
 * `npm run bench:newsroom`'s) would not be rendered again.
 */
export function prepareAppCopy(dir: string, root = process.cwd()): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(root)) {
    if (entry === '.next' || entry === '.git' || entry.startsWith('.bench') || entry === '.cluster') continue;
    fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  // Relative links inside .next (external packages) still resolve: the copy sits beside a linked node_modules.
  fs.cpSync(path.join(root, '.next'), path.join(dir, '.next'), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => ![...RUNTIME_CACHES, ...NOT_SERVED].some((skipped) => source === path.join(root, '.next', skipped)),
  });
  pinExternalLinks(path.join(root, '.next', 'node_modules'), path.join(dir, '.next', 'node_modules'));
  return dir;
}

/**
 * The build's links to its external packages (`.next/node_modules/pino-<hash>`)
 * are relative to where the packages really are: `../../node_modules/pino`
 * in a checkout, but `../../../main/node_modules/pino` in a worktree whose
 * node_modules links to another checkout's, which resolves to nothing from a
 * copy elsewhere (the server then fails to load its instrumentation). The
 * copy's links are made absolute, to what the checkout's resolve to.
 */
function pinExternalLinks(from: string, to: string): void {
  if (!fs.existsSync(to)) return;
  for (const entry of fs.readdirSync(to)) {
    const link = path.join(to, entry);
    if (!fs.lstatSync(link).isSymbolicLink()) continue;
    const target = fs.readlinkSync(link);
    if (path.isAbsolute(target)) continue;
    fs.rmSync(link);
    fs.symlinkSync(path.resolve(from, target), link);
  }
}

/** The pid of the process listening on `port` (the Next.js server under `npm start`), via `ss`; null when unknown. */
export function findListeningPid(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB (VmRSS in /proc/<pid>/status). */
export function readRssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}

/** The listening server's pid, or an error saying it could not be found. */
export function requireServerPid(port: number): number {
  const pid = findListeningPid(port);
  if (pid === null) throw new Error(`no process found listening on port ${port} (ss -ltnp)`);
  return pid;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (100 ticks a second on Linux). */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server has nothing left to do (under 5 % of a core over
 * half a second): autocannon stops at its deadline, but requests it leaves
 * in flight (renders, at 200 connections hundreds of them) are still
 * answered, and would otherwise slow the next row.
 */
export async function waitForIdle(pid: number, maxSeconds = 90): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < maxSeconds * 1000) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuSeconds(pid) - before < 0.025) break;
  }
  return (Date.now() - started) / 1000;
}
