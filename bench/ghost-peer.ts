import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findListeningPid } from './server';

/**
 * Ghost 5 beside Kiji, in the same run: the shared peer script
 * (/work/shared/peers/ghost.sh, its README) installs Ghost from npm into
 * `root` once (`ROOT=<root> bash ghost.sh install && ROOT=<root> bash ghost.sh seed`);
 * this starts and stops that install. Ghost has no page cache, so what it
 * serves per second is what a render costs it.
 */

export type GhostOptions = { script: string; root: string };

export type RunningGhost = {
  origin: string;
  /** The post page the peer README measures. */
  postPath: string;
  pid: number;
  /** Stops Ghost if this run started it (by the pid listening on its port). */
  stop: () => Promise<void>;
};

export type GhostStart = { ghost: RunningGhost } | { skipped: string };

/** Port Ghost was installed for (its config.production.json). */
function installedPort(root: string): number | null {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'app', 'config.production.json'), 'utf8')) as { server?: { port?: number } };
    return config.server?.port ?? null;
  } catch {
    return null;
  }
}

/** Why Ghost cannot be measured here, or null when it is installed under `root`. */
export function ghostMissing({ script, root }: GhostOptions): string | null {
  if (!fs.existsSync(script)) return `the peer script ${script} is not there`;
  const native = path.join(root, 'app', 'current', 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
  if (!fs.existsSync(native) || installedPort(root) === null) {
    return `Ghost is not installed under ${root} (\`ROOT=${root} bash ${script} install && ROOT=${root} bash ${script} seed\`, or set BENCH_GHOST_ROOT)`;
  }
  return null;
}

/** Starts Ghost (or uses the one already running from this install) and makes sure its posts are there. */
export async function startGhost(options: GhostOptions): Promise<GhostStart> {
  const missing = ghostMissing(options);
  if (missing) return { skipped: missing };
  const { script, root } = options;
  const port = installedPort(root)!;
  const origin = `http://127.0.0.1:${port}`;
  const pidFile = path.join(root, 'ghost.pid');
  const readPid = () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : null);
  const alive = (pid: number | null) => {
    if (!pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const wasRunning = alive(readPid());
  if (!wasRunning && findListeningPid(port) !== null) return { skipped: `port ${port}, where Ghost was installed to listen, is taken by another process` };
  const env = { ...process.env, ROOT: root, PORT: String(port), STAMP: 'kiji-newsroom-day' };
  const run = (step: string) => execFileSync('bash', [script, step], { env, stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  try {
    run('start');
    run('seed'); // a no-op once the posts are there
  } catch (error) {
    return { skipped: `Ghost did not start: ${(error as Error).message.split('\n')[0]}` };
  }
  const postPath = '/post-001/';
  const answer = await fetch(origin + postPath).catch(() => null);
  const pid = findListeningPid(port);
  if (!answer?.ok || pid === null) return { skipped: `Ghost started but ${postPath} answered ${answer?.status ?? 'nothing'}` };
  await answer.arrayBuffer();
  return {
    ghost: {
      origin,
      postPath,
      pid,
      stop: async () => {
        if (wasRunning) return; // someone else's Ghost: leave it as it was
        const listening = findListeningPid(port);
        if (listening !== null && listening === readPid()) {
          process.kill(listening, 'SIGTERM');
          const deadline = Date.now() + 10_000;
          while (findListeningPid(port) === listening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
          if (findListeningPid(port) === listening) process.kill(listening, 'SIGKILL');
        }
        run('stop'); // tidies the pid file
      },
    },
  };
}
