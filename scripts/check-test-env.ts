// `npm test`'s first step: says in one line each what this machine lacks for
// the suite, and how to get it, instead of letting a suite fail deep inside.
// `.ci/run` installs and starts all of it on a Debian machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { findPostgresBinaries } from '../e2e/private-postgres';
import { TEST_PG_URL } from '../test/support/database';

type Check = { what: string; ok: () => Promise<boolean>; fix: string };

const reachable = (url: string, fallbackPort: number) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || fallbackPort) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });

const onPath = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const redis = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

const checks: Check[] = [
  { what: `Chromium at ${chromium}`, ok: async () => fs.existsSync(chromium), fix: 'apt-get install chromium (or set CHROMIUM_PATH)' },
  { what: 'a Japanese font (Noto Sans CJK)', ok: async () => !onPath('fc-list') || execFileSync('fc-list').toString().includes('Noto Sans CJK'), fix: 'apt-get install fonts-noto-cjk' },
  { what: `PostgreSQL at ${new URL(TEST_PG_URL).host}`, ok: () => reachable(TEST_PG_URL, 5432), fix: 'start it (pg_ctlcluster <version> main start) or set KIJI_TEST_DATABASE_URL' },
  { what: 'initdb and pg_ctl (the faults test runs a PostgreSQL of its own)', ok: async () => findPostgresBinaries() !== null, fix: 'apt-get install postgresql' },
  { what: `Redis at ${new URL(redis).host}`, ok: () => reachable(redis, 6379), fix: 'start it (redis-server --daemonize yes) or set REDIS_TEST_URL' },
  { what: 'xmllint (sitemap validation)', ok: async () => onPath('xmllint'), fix: 'apt-get install libxml2-utils' },
  { what: 'Java 17+ (the Nu Html Checker)', ok: async () => onPath('java'), fix: 'apt-get install default-jre-headless' },
  { what: 'systemd-analyze (the systemd unit in deploy/)', ok: async () => onPath('systemd-analyze'), fix: 'apt-get install systemd' },
];

const missing: string[] = [];
for (const check of checks) if (!(await check.ok())) missing.push(`npm test needs ${check.what}: ${check.fix}. (.ci/run installs and starts everything.)`);
if (missing.length) {
  for (const line of missing) console.error(line);
  process.exit(1);
}
