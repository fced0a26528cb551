import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { emptyDraft, type ArticleDraft } from '../lib/newsroom/draft';
import { DEMO_EDITOR } from '../lib/newsroom/startup';

/** Shared steps of the newsroom specs: signing in, API calls with real headers, the e2e database. */

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE = `http://127.0.0.1:${PORT}`;
export const EVIL = 'https://evil.example';
export { DEMO_EDITOR };

export type Session = { cookie: string; csrf: string; base: string };

/** Signs in through the API as a browser would (the sign-in page's token, same Origin). */
export async function signInApi(base = BASE, login: string = DEMO_EDITOR.login, password: string = DEMO_EDITOR.password): Promise<Session> {
  const html = await (await fetch(`${base}/newsroom/sign-in`)).text();
  const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(html)?.[0];
  expect(token, 'sign-in form token').toBeTruthy();
  const response = await fetch(`${base}/api/newsroom/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ login, password, token }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await fetch(`${base}/newsroom`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  expect(csrf, 'CSRF token on the newsroom page').toBeTruthy();
  return { cookie, csrf: csrf!, base };
}

/** Headers of a same-origin JSON call by the signed-in editor. */
export function editorHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, origin: session.base, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
}

export type DraftInput = ArticleDraft;

/** A publishable draft in カルチャー (no other spec counts that section's articles). */
export function draftOf(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    ...emptyDraft('culture'),
    headline: `テスト見出し${Date.now()}`,
    standfirst: 'テスト用のリード文。',
    body: '一段落目の本文。\n\n## 小見出し\n\n二段落目の本文。',
    ...overrides,
  };
}

/** Creates a draft and saves `draft` into it; returns its id and revision. */
export async function createDraftApi(session: Session, draft: DraftInput): Promise<{ id: string; revision: number }> {
  const created = await fetch(`${session.base}/api/newsroom/articles`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, origin: session.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: `csrf=${encodeURIComponent(session.csrf)}`,
  });
  expect(created.status).toBe(303);
  const id = created.headers.get('location')!.split('/').pop()!;
  const saved = await fetch(`${session.base}/api/newsroom/articles/${id}`, {
    method: 'PUT',
    headers: editorHeaders(session),
    body: JSON.stringify({ draft, baseRevision: 1 }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  return { id, revision: ((await saved.json()) as { article: { revision: number } }).article.revision };
}

/** Runs an article command through the API; returns the status and body. */
export async function commandApi(session: Session, id: string, command: string, body: Record<string, unknown>) {
  const response = await fetch(`${session.base}/api/newsroom/articles/${id}/${command}`, {
    method: 'POST',
    headers: editorHeaders(session),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { article?: { revision: number; status: string }; error?: string } };
}

/** Signs in through the real sign-in form. */
export async function signInBrowser(page: Page, next = '/newsroom'): Promise<void> {
  await page.goto(next);
  await expect(page).toHaveURL(/\/newsroom\/sign-in/);
  await page.getByLabel('ユーザー名').fill(DEMO_EDITOR.login);
  await page.getByLabel('パスワード').fill(DEMO_EDITOR.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** The e2e server's SQLite database (playwright.config.ts: `.e2e-data-<port>`), for what only time can do (expiry). */
export function openE2eDatabase(dataDir = `.e2e-data-${PORT}`): Database.Database {
  return new Database(path.resolve(dataDir, 'kiji.sqlite'));
}

/** Polls `path` as an anonymous reader until `check` passes; returns the milliseconds it took. */
export async function waitUntilReaderSees(path: string, check: (html: string, status: number) => boolean, limitMs = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${BASE}${path}`);
    if (check(await response.text(), response.status)) return Date.now() - started;
    if (Date.now() - started > limitMs) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 25));
  }
}
