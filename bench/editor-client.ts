import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/**
 * An editor driving the newsroom over HTTP, as the browser does: the
 * sign-in form's token, the session cookie, the CSRF token from the
 * newsroom page, same-origin JSON calls. For bench scripts and the e2e
 * specs (e2e/newsroom-helpers.ts wraps it): every failure throws.
 */

export type EditorSession = { origin: string; cookie: string; csrf: string };

/** The fields the editor form sends (lib/newsroom/draft.ts), as JSON. */
export type DraftBody = {
  headline: string;
  standfirst: string;
  body: string;
  section: string;
  topics: string[];
  tags: string[];
  hero: null;
  agency: null;
  wireCode: null;
  breakingUntil: null;
  sponsored: boolean;
  series: null;
};

/** A plain draft: no picture, no wire, not breaking. */
export function draftBody(fields: Pick<DraftBody, 'headline' | 'body' | 'section'> & Partial<DraftBody>): DraftBody {
  return { standfirst: '', topics: [], tags: [], hero: null, agency: null, wireCode: null, breakingUntil: null, sponsored: false, series: null, ...fields };
}

/**
 * Creates a newsroom account in the database under `dataDir` with the
 * project's own command (`npm run newsroom:add-editor`, README), the
 * password passed in `KIJI_EDITOR_PASSWORD` as the command expects from scripts;
 * without `role`, the command's default (管理者 for the first account, 記者 after).
 */
export function addEditor(dataDir: string, login: string, name: string, role?: '記者' | 'デスク' | '管理者'): { login: string; password: string } {
  const password = randomBytes(18).toString('base64url');
  execFileSync('npm', ['run', '--silent', 'newsroom:add-editor', '--', '--login', login, '--name', name, ...(role ? ['--role', role] : [])], {
    env: { ...process.env, KIJI_DATA_DIR: dataDir, KIJI_EDITOR_PASSWORD: password, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { login, password };
}

/** Signs in through the API; `ms` is the sign-in request alone (scrypt and session). */
export async function signIn(origin: string, login: string, password: string): Promise<{ session: EditorSession; ms: number }> {
  const page = await fetch(`${origin}/newsroom/sign-in`);
  const html = await page.text();
  const token = /\d{13}\.[A-Za-z0-9_-]{43}/.exec(html)?.[0];
  if (!token) throw new Error(`no token on the sign-in page (${page.status}: ${html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(0, 200)})`);
  const started = performance.now();
  const response = await fetch(`${origin}/api/newsroom/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login, password, token }),
  });
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  // The session cookie (the sign-in also marks the browser as the account's: kiji_device).
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /^(__Host-)?kiji_session=/.test(c));
  if (!cookie) throw new Error('sign-in set no cookie');
  const newsroom = await (await fetch(`${origin}/newsroom`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(newsroom)?.[1];
  if (!csrf) throw new Error('no CSRF token on the newsroom page');
  return { session: { origin, cookie, csrf }, ms };
}

/** Headers of a same-origin JSON call by the signed-in editor (cookie, Origin, CSRF token). */
export function jsonHeaders(session: EditorSession): Record<string, string> {
  return { cookie: session.cookie, origin: session.origin, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
}

export type CommandAnswer = { status: number; article: { id: string; status: string; revision: number } | null; error: string | null };

async function toAnswer(response: Response): Promise<CommandAnswer> {
  const text = await response.text();
  let json: { article?: CommandAnswer['article']; error?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    json = { error: text.slice(0, 200) };
  }
  return { status: response.status, article: json.article ?? null, error: json.error ?? null };
}

/**
 * Creates an article with `draft` (a DraftBody, or any draft the form can
 * send) as the editor's first save does (ADR 0041: nothing is stored before
 * something is typed); `kind` 'live' as 「ライブ記事を作成」 does.
 */
export async function createDraft(session: EditorSession, draft: DraftBody | object, kind: 'article' | 'live' = 'article'): Promise<{ id: string; revision: number }> {
  const answer = await toAnswer(
    await fetch(`${session.origin}/api/newsroom/articles`, { method: 'POST', headers: jsonHeaders(session), body: JSON.stringify({ draft, kind }) }),
  );
  if (answer.status !== 201 || !answer.article) throw new Error(`creating a draft answered ${answer.status}: ${answer.error}`);
  return { id: answer.article.id, revision: answer.article.revision };
}

/** `PUT /api/newsroom/articles/{id}`: the editor's save. */
export async function saveDraft(session: EditorSession, id: string, draft: DraftBody | object, baseRevision: number): Promise<CommandAnswer> {
  const answer = await toAnswer(
    await fetch(`${session.origin}/api/newsroom/articles/${id}`, { method: 'PUT', headers: jsonHeaders(session), body: JSON.stringify({ draft, baseRevision }) }),
  );
  if (answer.status !== 200 || !answer.article) throw new Error(`saving ${id} answered ${answer.status}: ${answer.error}`);
  return answer;
}

/** `POST /api/newsroom/articles/{id}/{command}` (publish, correct, unpublish, …); the answer, whatever its status. */
export async function runCommand(session: EditorSession, id: string, command: string, body: Record<string, unknown>): Promise<CommandAnswer> {
  return toAnswer(
    await fetch(`${session.origin}/api/newsroom/articles/${id}/${command}`, { method: 'POST', headers: jsonHeaders(session), body: JSON.stringify(body) }),
  );
}
