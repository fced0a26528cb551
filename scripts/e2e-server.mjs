// Starts the site for the e2e suite exactly as README's quick start does
// (`npm run build && npm start`), on an empty data folder.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';

const dataDir = process.env.KIJI_DATA_DIR ?? '.e2e-data';
fs.rmSync(dataDir, { recursive: true, force: true });
// Pages and data cached by an earlier run describe that run's database: start
// with none, as a fresh deployment would.
for (const cache of ['.next/server/route-cache', '.next/cache/fetch-cache']) fs.rmSync(cache, { recursive: true, force: true });
if (!process.env.E2E_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
const server = spawn('npm', ['start'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
