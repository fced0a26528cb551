import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { toJstIso } from '../lib/time/jst';
import { commandApi, createDraftApi, draftOf, signInApi } from './newsroom-helpers';
import { E2E_PORT } from './env';

/**
 * Scheduled publishing survives a restart: the server is down when the
 * article falls due, and publishes it as soon as it is back. Runs a second
 * server of the same build (E2E_RESTART_PORT, default the e2e port + 100)
 * on a data folder of its own, so it can be stopped and started.
 */

const port = Number(process.env.E2E_RESTART_PORT || E2E_PORT + 100);
const base = `http://127.0.0.1:${port}`;
const dataDir = `.e2e-data-${port}`;

function startServer(): ChildProcess {
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, PORT: String(port), KIJI_DATA_DIR: dataDir, SITE_URL: base },
    stdio: 'ignore',
  });
}

async function waitUntilServing(): Promise<number> {
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${base}/newsroom/sign-in`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return Date.now();
    if (Date.now() - started > 120_000) throw new Error('the restarted server did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

test('a scheduled article whose time passes while the server is down is published on start', async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'one restart is enough');
  test.setTimeout(300_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilServing();
    const session = await signInApi(base);
    const { id, revision } = await createDraftApi(session, draftOf({ headline: `再起動をまたぐ予約記事${Date.now()}` }));
    const due = new Date(Math.ceil((Date.now() + 12_000) / 1000) * 1000);
    expect((await commandApi(session, id, 'schedule', { baseRevision: revision, at: due.toISOString() })).status).toBe(200);
    expect((await fetch(`${base}/articles/${id}`)).status).toBe(404);

    await stopServer(server);
    // Down through the due time.
    await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now()) + 3_000));
    server = startServer();
    const up = await waitUntilServing();
    let seenAfter = Number.POSITIVE_INFINITY;
    for (;;) {
      const response = await fetch(`${base}/articles/${id}`);
      if (response.status === 200) {
        seenAfter = Date.now() - up;
        const html = await response.text();
        // Published at its scheduled time, not when the server noticed.
        expect(html.includes(`dateTime="${toJstIso(due)}"`)).toBe(true);
        break;
      }
      if (Date.now() - up > 30_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`scheduled article published ${seenAfter} ms after the restarted server answered`);
    // The first scheduler tick after start publishes it; the bound allows a busy machine.
    expect(seenAfter, `published ${seenAfter} ms after the server was back`).toBeLessThan(30_000);
  } finally {
    await stopServer(server);
  }
});
