import { test, type TestInfo } from '@playwright/test';
import { readSettings, type Settings } from '../lib/config';
import { openDatabase, type Connection } from '../lib/db/connect';
import { E2E_SERVERS, SERVER_CHECK_PROJECTS, type E2eServer } from './env';

/** Which e2e server a test talks to: its project's (playwright.config.ts), found by the project's baseURL. */

/** The server the running test's project drives. */
export function getServer(info: TestInfo = test.info()): E2eServer {
  const base = info.project.use.baseURL;
  const server = E2E_SERVERS.find((s) => s.base === base);
  if (!server) throw new Error(`Project ${info.project.name}: no e2e server at ${base ?? '(no baseURL)'}`);
  return server;
}

/** The origin of the running test's server, for `fetch` and absolute URLs. */
export function getBase(info?: TestInfo): string {
  return getServer(info).base;
}

/** The settings the running test's server runs on: Playwright starts it with this process's environment and its own on top. */
export function readServerSettings(info?: TestInfo): Settings {
  return readSettings({ ...process.env, ...getServer(info).env });
}

/**
 * The running test's server's database, opened with the settings the server
 * runs on (SQLite file or PostgreSQL), for what a spec cannot do through the
 * site (expiring a link, backdating a story). Destroy it when done.
 */
export function openServerDatabase(info?: TestInfo): Connection {
  return openDatabase(readServerSettings(info));
}

/** Whether the running project is its server's one for server-output checks (see SERVER_CHECK_PROJECTS). */
export function isServerCheckProject(info: TestInfo = test.info()): boolean {
  return (SERVER_CHECK_PROJECTS as readonly string[]).includes(info.project.name);
}
