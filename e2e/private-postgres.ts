import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL server of a test's own, which it may stop and start again
 * (issue 13's fault tests): `initdb` into a folder under the system temp
 * directory, `pg_ctl` on a port of the test's choosing, run as the
 * `postgres` user when the test runs as root (PostgreSQL refuses root).
 * Never the shared server of KIJI_TEST_DATABASE_URL. Test support only.
 */

export type PrivatePostgres = {
  port: number;
  /** A database URL for the `kiji` database on it (created by {@link startPrivatePostgres}). */
  url: string;
  /** `pg_ctl stop -m fast`: open sessions are ended, as when the server is shut down for maintenance. */
  stop(): void;
  /** `pg_ctl start` on the same data folder, waiting until it accepts connections. */
  start(): void;
  /** Stops it (if running) and removes its data folder. */
  destroy(): void;
};

/** The folder with PostgreSQL's initdb, pg_ctl and postgres (/usr/local/bin, else the newest /usr/lib/postgresql/<version>/bin); null when there is none. */
export function findPostgresBinaries(): string | null {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = ['/usr/local/bin', ...versions.map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return candidates.find((d) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => fs.existsSync(path.join(d, tool)))) ?? null;
}

/** Initialises and starts a private server on `port` with a `kiji` database; trust authentication on 127.0.0.1 only. */
export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('initdb, pg_ctl and postgres not found in /usr/local/bin or /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    // runuser keeps the environment out of it; PostgreSQL will not run as root.
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: '/tmp' });
    else execFileSync(command, args, { stdio: 'pipe', cwd: '/tmp' });
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kiji-pg-${port}-`));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const log = path.join(dir, 'postgres.log');
  // The socket in the data folder: /var/run/postgresql belongs to the shared server.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${data} -c fsync=off -c shared_buffers=32MB`;
  const start = () => run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  start();
  const createdb = fs.existsSync(path.join(bin, 'createdb')) ? path.join(bin, 'createdb') : 'createdb';
  execFileSync(createdb, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'kiji'], { stdio: 'pipe' });
  let running = true;
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/kiji`,
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) {
        try {
          stop();
        } catch {
          // already stopped
        }
      }
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
