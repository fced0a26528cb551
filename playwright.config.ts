import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { POSTGRES_SERVER, SQLITE_SERVER } from './e2e/env';

const LIGHTHOUSE_SPEC = /lighthouse-budgets\.spec\.ts$/;
// Specs that load the machine on purpose (10,000 requests to a server of their own).
const LOAD_SPEC = /unknown-addresses\.spec\.ts$/;
// Thousands of hostile requests to the SQLite server, each bounded in time: alone, after the load.
const FUZZ_SPEC = /fuzz\.spec\.ts$/;
// Start instances (and a Redis, or nginx) of their own: alone, after the load spec.
const INSTANCES_SPEC = /instances\.spec\.ts$/;
const CLUSTER_SPEC = /cluster\.spec\.ts$/;
// Health, SIGTERM with requests in flight, backup and restore: servers of their own, alone.
const OPERATIONS_SPEC = /operations\.spec\.ts$/;
// A server on a private PostgreSQL the spec stops and starts, and an SMTP server it starts late: alone.
const FAULTS_SPEC = /faults\.spec\.ts$/;
// A copy of the standalone server (.next/standalone) outside the checkout, run as a service would: alone.
const STANDALONE_SPEC = /standalone\.spec\.ts$/;
// Pins stories on the home page every other spec reads (the whole site's front page): alone, after them.
const FRONT_PAGE_SPEC = /front-page\.spec\.ts$/;
// A series' change re-renders every page with the sidebar's 連載 box (ADR 0050), which specs beside it read as cache hits: alone, after them.
const TERM_PAGES_SPEC = /term-pages\.spec\.ts$/;
// What readers and crawlers get and the newsroom's publish loop, again on
// PostgreSQL + Redis: pages, listings, search, feeds and sitemaps, rankings
// and 速報, publishing (articles, fixed pages) into cached pages, the magazine desk, a live
// page's LIVE badges around the site (the test of live.spec.ts tagged @both-engines). Layout,
// budgets, access control and mail do not depend on the database and run on the SQLite server only.
const POSTGRES_SPECS = /\/(article|listings|findability|related|rankings|newsroom|page-cache|corrections|magazine-desk|fixed-pages|live)\.spec\.ts$/;

// Debian's Chromium: this machine cannot download Playwright's own browser.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: { baseURL: SQLITE_SERVER.base, launchOptions: chromium, trace: 'off' },
  projects: [
    { name: 'phone', testIgnore: [LIGHTHOUSE_SPEC, LOAD_SPEC, FUZZ_SPEC, INSTANCES_SPEC, CLUSTER_SPEC, OPERATIONS_SPEC, FAULTS_SPEC, STANDALONE_SPEC, FRONT_PAGE_SPEC, TERM_PAGES_SPEC], use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium } },
    { name: 'desktop', testIgnore: [LIGHTHOUSE_SPEC, LOAD_SPEC, FUZZ_SPEC, INSTANCES_SPEC, CLUSTER_SPEC, OPERATIONS_SPEC, FAULTS_SPEC, STANDALONE_SPEC, FRONT_PAGE_SPEC, TERM_PAGES_SPEC], use: { viewport: { width: 1280, height: 900 }, launchOptions: chromium } },
    // The production build on PostgreSQL + Redis, at desktop width only: the
    // phone project proves layout, which no database changes.
    {
      name: 'postgres-desktop',
      testMatch: POSTGRES_SPECS,
      use: { baseURL: POSTGRES_SERVER.base, viewport: { width: 1280, height: 900 }, launchOptions: chromium },
    },
    // The desk's pins change the home page every spec above reads: after them, alone.
    { name: 'front-page', testMatch: FRONT_PAGE_SPEC, dependencies: ['phone', 'desktop', 'postgres-desktop'], use: { viewport: { width: 1280, height: 900 }, launchOptions: chromium } },
    // 特集・連載・筆者: a series' sponsor touches every page with the sidebar: after the others, alone.
    { name: 'term-pages', testMatch: TERM_PAGES_SPEC, dependencies: ['front-page'], use: { viewport: { width: 1280, height: 900 }, launchOptions: chromium } },
    // Server output, checked once, alone: its load would slow the timed steps
    // of browser specs running beside it (a publish seen within a second).
    { name: 'load', testMatch: LOAD_SPEC, dependencies: ['term-pages'] },
    { name: 'instances', testMatch: INSTANCES_SPEC, dependencies: ['load'] },
    { name: 'cluster', testMatch: CLUSTER_SPEC, dependencies: ['instances'] },
    { name: 'operations', testMatch: OPERATIONS_SPEC, dependencies: ['cluster'] },
    { name: 'faults', testMatch: FAULTS_SPEC, dependencies: ['operations'] },
    { name: 'standalone', testMatch: STANDALONE_SPEC, dependencies: ['faults'], use: { launchOptions: chromium } },
    { name: 'fuzz', testMatch: FUZZ_SPEC, dependencies: ['standalone'] },
    // Lighthouse's performance score extrapolates from what it observes, so it
    // runs last, on its own: no other worker shares the machine's cores then.
    // (When an earlier test fails, Playwright skips it: the run has failed anyway.)
    { name: 'lighthouse', testMatch: LIGHTHOUSE_SPEC, dependencies: ['fuzz'], use: { launchOptions: chromium } },
  ],
  // The servers start the way README says (build, then `npm start`), on
  // fresh data, so their databases are created, migrated and seeded
  // (scripts/e2e-server.ts). In order: the first builds, the second serves a
  // copy of that build, with a page cache of its own (see the script).
  webServer: [
    { ...serverCommand(), env: SQLITE_SERVER.env, url: `${SQLITE_SERVER.base}/` },
    {
      ...serverCommand(),
      env: { ...POSTGRES_SERVER.env, E2E_APP_COPY: path.join(os.tmpdir(), `kiji-e2e-app-${POSTGRES_SERVER.port}`) },
      url: `${POSTGRES_SERVER.base}/`,
    },
  ],
});

function serverCommand() {
  return { command: 'node --import tsx scripts/e2e-server.ts', timeout: 600_000, reuseExistingServer: !process.env.CI, stdout: 'pipe' as const };
}
