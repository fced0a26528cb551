import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { createDraft, jsonHeaders, runCommand, signIn, type EditorSession } from '../bench/editor-client';
import { emptyDraft, type ArticleDraft } from '../lib/newsroom/draft';
import { createEditor } from '../lib/newsroom/editors';
import type { Role } from '../lib/newsroom/roles';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { getBase, openServerDatabase } from './server';

/** Shared steps of the newsroom specs: signing in and API calls with real headers, on the running test's server (./server.ts). */

export const EVIL = 'https://evil.example';
export { DEMO_EDITOR };

export type Session = { cookie: string; csrf: string; base: string };

/** The bench's editor client (bench/editor-client.ts) under the names and shapes the specs use. */
function asEditor(session: Session): EditorSession {
  return { origin: session.base, cookie: session.cookie, csrf: session.csrf };
}

/** Signs in through the API as a browser would (the sign-in page's token, same Origin). */
export async function signInApi(base = getBase(), login: string = DEMO_EDITOR.login, password: string = DEMO_EDITOR.password): Promise<Session> {
  const { session } = await signIn(base, login, password);
  return { cookie: session.cookie, csrf: session.csrf, base: session.origin };
}

/** Headers of a same-origin JSON call by the signed-in editor. */
export function editorHeaders(session: Session): Record<string, string> {
  return jsonHeaders(asEditor(session));
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
  return createDraft(asEditor(session), draft);
}

/** Runs an article command through the API; returns the status and body. */
export async function commandApi(session: Session, id: string, command: string, body: Record<string, unknown>) {
  const answer = await runCommand(asEditor(session), id, command, body);
  return { status: answer.status, body: { article: answer.article ?? undefined, error: answer.error ?? undefined } };
}

export type Account = { login: string; password: string; name: string; role: Role };

/**
 * A new account with `role` in the running test's server's database (what
 * 管理者 do at /newsroom/accounts, or `npm run newsroom:add-editor -- --role`),
 * with a login of its own so projects running at once never share one. The
 * demo account is 管理者 (the first account made).
 */
export async function createAccount(role: Role, name: string): Promise<Account> {
  const login = `${role.slice(0, 4)}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const conn = openServerDatabase();
  try {
    await createEditor(conn.db, { login, name, password, role });
  } finally {
    await conn.db.destroy();
  }
  return { login, password, name, role };
}

/** Signs in through the real sign-in form, as the demo editor (管理者) or `account`. */
export async function signInBrowser(page: Page, next = '/newsroom', account: { login: string; password: string } = DEMO_EDITOR): Promise<void> {
  await page.goto(next);
  await expect(page).toHaveURL(/\/newsroom\/sign-in/);
  await page.getByLabel('ユーザー名').fill(account.login);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * Opens the newsroom bar's menu that holds the link or button `name` (a group
 * of the wide bar, the account's menu, or a phone's one menu), unless it sits
 * on the bar itself; the caller then clicks it as an editor would.
 */
export async function openNewsroomMenuFor(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'ニュースルーム' })).toBeVisible();
  const menu = page.locator('header [data-testid^="menu-"]:visible', { has: page.locator(`:is(a, button):text-is("${name}")`) });
  if ((await menu.count()) === 0) return;
  if ((await menu.getAttribute('open')) === null) await menu.locator('> summary').click();
}

/** Polls `path` as an anonymous reader until `check` passes; returns the milliseconds it took. */
export async function waitUntilReaderSees(path: string, check: (html: string, status: number) => boolean, limitMs = 5_000): Promise<number> {
  const started = Date.now();
  const base = getBase();
  for (;;) {
    const response = await fetch(`${base}${path}`);
    if (check(await response.text(), response.status)) return Date.now() - started;
    if (Date.now() - started > limitMs) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 25));
  }
}
