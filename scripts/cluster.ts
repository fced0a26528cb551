// `npm run cluster`: several instances of one production build on
// DATABASE_URL + REDIS_URL, and Debian's nginx in front on one port, on this
// machine, in the foreground (Ctrl+C stops everything). The nginx parts are
// deploy/nginx/kiji-http.conf and kiji-server.conf, the ones a publisher
// uses (deploy/nginx/example-site.conf); only the upstream and the listening
// port are written here. docs/adr/0025-nginx-front.md.
//
// Settings (.env.example): KIJI_INSTANCES (3), PORT (nginx, 3000),
// KIJI_INSTANCE_PORT (the first instance, 3001; the others follow),
// KIJI_CLUSTER_PURGE_PORT (nginx's purge address on 127.0.0.1, PORT + 100),
// KIJI_CLUSTER_DIR (.cluster: the instances' copies of the build, nginx's
// prefix and cache, and logs/: each instance's log and nginx's access log,
// JSON lines that share the request id). Builds first when there is no build.
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareAppCopy, startServer, stopServer } from '../bench/server';
import { readSettings } from '../lib/config';

const settings = readSettings();
if (!settings.databaseUrl || !settings.redisUrl) {
  console.error(
    'npm run cluster needs DATABASE_URL (PostgreSQL) and REDIS_URL: the embedded SQLite database and the in-memory view counter serve one process.',
  );
  process.exit(1);
}
const count = positive('KIJI_INSTANCES', 3);
const port = positive('PORT', 3000);
const firstInstancePort = positive('KIJI_INSTANCE_PORT', 3001);
const dir = path.resolve(process.env.KIJI_CLUSTER_DIR || '.cluster');
const purgePort = positive('KIJI_CLUSTER_PURGE_PORT', port + 100);
const instancePorts = Array.from({ length: count }, (_, i) => firstInstancePort + i);
if (instancePorts.includes(port)) fail(`PORT ${port} is one of the instances' ports (KIJI_INSTANCE_PORT ${firstInstancePort} and up)`);
if ([port, ...instancePorts].includes(purgePort)) fail(`KIJI_CLUSTER_PURGE_PORT ${purgePort} is taken by nginx or an instance`);
const purgeModule = '/usr/lib/nginx/modules/ngx_http_cache_purge_module.so';
if (!fs.existsSync(purgeModule)) fail(`nginx's purge module is missing (${purgeModule}): apt-get install libnginx-mod-http-cache-purge`);

if (!fs.existsSync('.next/BUILD_ID')) execSync('npm run build', { stdio: 'inherit' });

const instances: ChildProcess[] = [];
let nginx: ChildProcess | null = null;
let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  nginx?.kill('SIGQUIT');
  await Promise.all(instances.map((instance) => stopServer(instance)));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0));

fs.mkdirSync(dir, { recursive: true });
const instanceEnv = {
  KIJI_TRUSTED_PROXY_HOPS: process.env.KIJI_TRUSTED_PROXY_HOPS || '1',
  KIJI_BENCH_PAGES: '0',
  // nginx is started after the instances; a write before then has nothing to purge.
  KIJI_FRONT_CACHE_PURGE: `http://127.0.0.1:${purgePort}`,
};
// Each instance its own copy of the build: its own page cache, as on separate machines.
// Started = healthy: GET /api/health answers 200 once its database answers (lib/ops/health.ts).
// Each instance's log (JSON lines, lib/log) in logs/instance-N.json, appended, beside nginx's access log.
const logs = path.join(dir, 'logs');
fs.mkdirSync(logs, { recursive: true });
const startInstance = (i: number) =>
  startServer(instanceEnv, instancePorts[i]!, {
    cwd: prepareAppCopy(path.join(dir, `instance-${i + 1}`)),
    readyPath: '/api/health',
    stdout: fs.openSync(path.join(logs, `instance-${i + 1}.json`), 'a'),
  });
// The first alone (it migrates and seeds the shared database), then the others together.
instances.push(await startInstance(0));
instances.push(...(await Promise.all(instancePorts.slice(1).map((_, i) => startInstance(i + 1)))));
for (const [i, instancePort] of instancePorts.entries()) {
  const health = (await (await fetch(`http://127.0.0.1:${instancePort}/api/health`)).json()) as { status: string; redis: { state: string } };
  console.log(`Kiji cluster: instance ${i + 1} on http://127.0.0.1:${instancePort} (${health.status}, Redis ${health.redis.state})`);
}

const prefix = path.join(dir, 'nginx');
fs.mkdirSync(path.join(prefix, 'cache'), { recursive: true });
fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
const deploy = path.resolve('deploy/nginx');
fs.writeFileSync(
  path.join(prefix, 'nginx.conf'),
  `# Written by scripts/cluster.ts; the site's rules are in ${deploy}.
load_module ${purgeModule};
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes auto;
pid ${path.join(prefix, 'nginx.pid')};
error_log stderr warn;
daemon off;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    include ${path.join(deploy, 'kiji-http.conf')};
    access_log ${path.join(logs, 'nginx-access.json')} kiji_json buffer=64k flush=1s;
    upstream kiji {
${instancePorts.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
        keepalive 32;
        # Below Node's keep-alive timeout (5 s), as deploy/nginx/example-site.conf explains.
        keepalive_timeout 4s;
    }
    server {
        listen ${port};
        include ${path.join(deploy, 'kiji-server.conf')};
    }
    server {
        listen 127.0.0.1:${purgePort};
        access_log off;
        include ${path.join(deploy, 'kiji-purge.conf')};
    }
}
`,
);
const nginxBin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
execFileSync(nginxBin, ['-t', '-q', '-e', 'stderr', '-p', prefix, '-c', 'nginx.conf'], { stdio: 'inherit' });
nginx = spawn(nginxBin, ['-e', 'stderr', '-p', prefix, '-c', 'nginx.conf'], { stdio: 'inherit' });
nginx.on('exit', (code) => {
  if (!stopping) {
    console.error(`Kiji cluster: nginx exited (${code})`);
    void stopAll(1);
  }
});
for (const instance of instances) {
  instance.on('exit', (code) => {
    if (!stopping) console.error(`Kiji cluster: an instance exited (${code}); nginx sends its readers to the others`);
  });
}
console.log(`Kiji cluster: ${count} instances behind nginx on http://127.0.0.1:${port}; logs in ${logs}`);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

function fail(message: string): never {
  console.error(`npm run cluster: ${message}`);
  process.exit(1);
}
