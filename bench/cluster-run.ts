/**
 * What the cluster benches share (bench/cluster.ts, bench/live.ts's cluster
 * mode): a PostgreSQL schema and a Redis key prefix of their own, and
 * `npm run cluster` (instances behind Debian's nginx, as README gives it and
 * e2e/cluster.spec.ts starts it) started on given ports and taken down
 * again, whatever the run did, without losing the figures it measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dropTestPostgres, openTestPostgres, testSchemaUrl } from '../test/support/database';
import { findListeningPid } from './server';

const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/2';

/** Polls `check` until it holds; throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Deletes every key under `prefix` in the bench's Redis (BENCH_REDIS_URL); Redis gone is nothing to clear. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing to clear.
  } finally {
    redis.disconnect();
  }
}

/** A run's own database and Redis keys: the settings that point a server at them, and their removal. */
export type BenchBackends = {
  env: { DATABASE_URL: string; REDIS_URL: string; KIJI_REDIS_PREFIX: string };
  remove(): Promise<void>;
};

/** Creates schema `kiji_bench_<name>_<pid>` (empty: the first server migrates and seeds it) and names a Redis prefix. */
export async function createBenchBackends(name: string): Promise<BenchBackends> {
  const schema = `kiji_bench_${name}_${process.pid}`;
  const prefix = `kiji-bench-${name}-${process.pid}:`;
  await (await openTestPostgres(schema)).db.destroy();
  return {
    env: { DATABASE_URL: testSchemaUrl(schema), REDIS_URL, KIJI_REDIS_PREFIX: prefix },
    async remove() {
      // A killed instance's PostgreSQL sessions may hold locks for a moment:
      // dropping the schema then waits or deadlocks. Tidying up must not lose the figures.
      for (let attempt = 1; ; attempt++) {
        try {
          await dropTestPostgres(schema);
          break;
        } catch (error) {
          if (attempt === 5) {
            console.error(`bench: could not drop schema ${schema}: ${String(error)}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 2_000));
        }
      }
      await clearRedisPrefix(prefix);
    },
  };
}

export type ClusterPorts = { front: number; instances: readonly number[] };

/** The front port and `instances` instance ports after it. */
export function clusterPorts(front: number, instances: number): ClusterPorts {
  return { front, instances: Array.from({ length: instances }, (_, i) => front + 1 + i) };
}

export type RunningCluster = { front: string; stop(): Promise<void> };

/**
 * `npm run cluster` on `ports`, its files under `clusterDir`, with `env` on
 * top of this process's; resolves once nginx answers the home page.
 * `stop` ends the whole process group and then anything still listening on
 * the cluster's ports (only this run started servers there: startServer and
 * the cluster script refuse a taken port).
 */
export async function startCluster(ports: ClusterPorts, clusterDir: string, env: Record<string, string>): Promise<RunningCluster> {
  const child: ChildProcess = spawn('npm', ['run', 'cluster'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...env,
      PORT: String(ports.front),
      KIJI_INSTANCE_PORT: String(ports.instances[0]),
      KIJI_INSTANCES: String(ports.instances.length),
      KIJI_CLUSTER_DIR: clusterDir,
    },
  });
  const all = [ports.front, ...ports.instances];
  const stop = async () => {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone
      }
      await waitFor(async () => all.every((port) => findListeningPid(port) === null), 30_000).catch(() => undefined);
    }
    for (const port of all) {
      const pid = findListeningPid(port);
      if (pid) process.kill(pid, 'SIGKILL');
    }
  };
  const front = `http://127.0.0.1:${ports.front}`;
  try {
    await waitFor(async () => (await fetch(`${front}/`).catch(() => null))?.status === 200, 5 * 60_000, 1_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { front, stop };
}
