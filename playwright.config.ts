import { defineConfig, devices } from '@playwright/test';
import { E2E_REVALIDATE_SECRET } from './e2e/env';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const LIGHTHOUSE_SPEC = /lighthouse-budgets\.spec\.ts$/;
// Specs that load the machine on purpose (10,000 requests to a server of their own).
const LOAD_SPEC = /unknown-addresses\.spec\.ts$/;
const baseURL = `http://127.0.0.1:${PORT}`;
// The SMTP server e2e/newsletter.spec.ts runs in the test process; the site's outbox worker sends there.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2527);

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
  use: { baseURL, launchOptions: chromium, trace: 'off' },
  projects: [
    { name: 'phone', testIgnore: [LIGHTHOUSE_SPEC, LOAD_SPEC], use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium } },
    { name: 'desktop', testIgnore: [LIGHTHOUSE_SPEC, LOAD_SPEC], use: { viewport: { width: 1280, height: 900 }, launchOptions: chromium } },
    // Server output, checked once, alone: its load would slow the timed steps
    // of browser specs running beside it (a publish seen within a second).
    { name: 'load', testMatch: LOAD_SPEC, dependencies: ['phone', 'desktop'] },
    // Lighthouse's performance score extrapolates from what it observes, so it
    // runs last, on its own: no other worker shares the machine's cores then.
    // (When an earlier test fails, Playwright skips it: the run has failed anyway.)
    { name: 'lighthouse', testMatch: LIGHTHOUSE_SPEC, dependencies: ['load'], use: { launchOptions: chromium } },
  ],
  // The server starts the way README says (build, then `npm start`), on a
  // fresh data folder so the database is created, migrated and seeded.
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    env: {
      PORT: String(PORT),
      KIJI_DATA_DIR: `.e2e-data-${PORT}`,
      SITE_URL: baseURL,
      // Specs publish, unpublish and flag breaking stories through POST /api/revalidate with it.
      KIJI_REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
      // /baseline, the empty page the JS and Lighthouse budgets compare with (off in production).
      KIJI_BENCH_PAGES: '1',
      // The test process stands where nginx would: each newsletter spec's browser is a
      // reader of its own, named in X-Forwarded-For (Next.js appends the real peer).
      KIJI_TRUSTED_PROXY_HOPS: '1',
      // The newsletter specs receive mail on a real SMTP server in the test process.
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    },
    stdout: 'pipe',
  },
});
