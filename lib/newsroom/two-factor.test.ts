import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { openTestDatabase, openTestSqlite, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { ENROL_BEFORE_REQUIRING, handleResetTwoFactor, handleTwoFactorPolicy } from './accounts-http';
import { getSignedInEditor, guardMutation, requireEditor, sessionCookieName } from './auth';
import { toCsrfToken, toSignInToken } from './csrf';
import { createEditor, type Editor } from './editors';
import { isTwoFactorRequired, setTwoFactorRequired } from './policies';
import { TWO_FACTOR_DUE } from './roles';
import { SECOND_STEP_COOKIE } from './second-step';
import { createSession, toSessionId } from './sessions';
import { CODE_STEP_EXPIRED, handleSignIn, handleSignInCode, TOO_MANY_ATTEMPTS } from './sign-in';
import { generateTotpCode } from './totp';
import { TEST_SECRET as SECRET, TEST_SITE as SITE } from '../../test/support/newsroom-context';
import { handleTwoFactorCommand, REQUIRED_CANNOT_DISABLE } from './two-factor-http';
import {
  confirmTwoFactorEnrolment,
  getTwoFactorState,
  startTwoFactorEnrolment,
  turnOffTwoFactor,
  TWO_FACTOR_MESSAGES,
  TwoFactorError,
  spendSecondFactor,
} from './two-factor';

/**
 * Two-factor sign-in (ADR 0043): enrolment, the code step of sign-in and
 * its limits, recovery codes used once, and the 管理者's requirement, which
 * leaves an account of a role that publishes only its set-up until it has one.
 */

const PASSWORD = 'a long enough password';
const T0 = new Date('2026-12-05T09:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Enrols `editorId` at `at`; returns the secret and the recovery codes. */
async function enrol(conn: Connection, editorId: string, at: Date): Promise<{ secret: string; codes: string[] }> {
  const secret = await startTwoFactorEnrolment(conn.db, editorId);
  const codes = await confirmTwoFactorEnrolment(conn.db, editorId, generateTotpCode(secret, at), at);
  return { secret, codes };
}

describe.each(TEST_ENGINES)('two-factor enrolment and codes on %s', (engine) => {
  let conn: TestDatabase;
  let editor: Editor;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'two_factor', { prepared: true });
    editor = await createEditor(conn.db, { login: 'sato', name: '佐藤 花子', password: PASSWORD, role: 'desk' });
  }, 60_000);
  afterAll(() => conn?.close());

  it('turns on only with a current code of the secret shown, then gives ten recovery codes kept hashed', async () => {
    expect(await getTwoFactorState(conn.db, editor.id)).toMatchObject({ on: false, pendingSecret: null });
    const secret = await startTwoFactorEnrolment(conn.db, editor.id);
    expect((await getTwoFactorState(conn.db, editor.id)).pendingSecret).toBe(secret);
    await expect(confirmTwoFactorEnrolment(conn.db, editor.id, generateTotpCode(secret, later(-300)), T0)).rejects.toThrow(TWO_FACTOR_MESSAGES.wrongEnrolment);
    expect((await getTwoFactorState(conn.db, editor.id)).on).toBe(false);
    const codes = await confirmTwoFactorEnrolment(conn.db, editor.id, generateTotpCode(secret, T0), T0);
    expect(codes).toHaveLength(10);
    expect(await getTwoFactorState(conn.db, editor.id)).toMatchObject({ on: true, pendingSecret: null, recoveryCodesLeft: 10 });
    const stored = await conn.db.selectFrom('editor_recovery_codes').select('code_hash').where('editor_id', '=', editor.id).execute();
    expect(stored.map((r) => r.code_hash).join()).not.toContain(codes[0]!.slice(0, 5));
    // Starting again while it is on is refused: the secret in use is not replaced unconfirmed.
    await expect(startTwoFactorEnrolment(conn.db, editor.id)).rejects.toBeInstanceOf(TwoFactorError);
  });

  it('refuses the code that confirmed it and every reuse; a recovery code works once', async () => {
    await turnOffTwoFactor(conn.db, editor.id);
    const { secret, codes } = await enrol(conn, editor.id, T0);
    // The confirming code's step is spent: it does not sign in as well.
    expect(await spendSecondFactor(conn.db, editor.id, generateTotpCode(secret, T0), T0)).toEqual({ ok: false, reason: 'reused' });
    const next = generateTotpCode(secret, later(30));
    expect(await spendSecondFactor(conn.db, editor.id, next, later(30))).toEqual({ ok: true, via: 'code' });
    expect(await spendSecondFactor(conn.db, editor.id, next, later(31))).toEqual({ ok: false, reason: 'reused' });
    expect(await spendSecondFactor(conn.db, editor.id, '000000', later(60))).toMatchObject({ ok: false });
    expect(await spendSecondFactor(conn.db, editor.id, 'not a code', later(60))).toEqual({ ok: false, reason: 'wrong' });

    expect(await spendSecondFactor(conn.db, editor.id, codes[3]!.toUpperCase(), later(90))).toEqual({ ok: true, via: 'recovery' });
    expect(await spendSecondFactor(conn.db, editor.id, codes[3]!, later(91))).toEqual({ ok: false, reason: 'recovery-used' });
    expect((await getTwoFactorState(conn.db, editor.id)).recoveryCodesLeft).toBe(9);
  });

  it('refuses one code sent twice at once: exactly one of the two passes', async () => {
    await turnOffTwoFactor(conn.db, editor.id);
    const { secret, codes } = await enrol(conn, editor.id, T0);
    const code = generateTotpCode(secret, later(30));
    const both = await Promise.all([spendSecondFactor(conn.db, editor.id, code, later(30)), spendSecondFactor(conn.db, editor.id, code, later(30))]);
    expect(both.filter((v) => v.ok)).toHaveLength(1);
    const recovery = await Promise.all([spendSecondFactor(conn.db, editor.id, codes[0]!, later(40)), spendSecondFactor(conn.db, editor.id, codes[0]!, later(40))]);
    expect(recovery.filter((v) => v.ok)).toHaveLength(1);
  });

  it('turned off, takes no code and keeps no recovery code; a new enrolment makes new ones', async () => {
    await turnOffTwoFactor(conn.db, editor.id);
    const { codes } = await enrol(conn, editor.id, T0);
    expect(await turnOffTwoFactor(conn.db, editor.id)).toBe(true);
    expect(await turnOffTwoFactor(conn.db, editor.id)).toBe(false);
    expect(await getTwoFactorState(conn.db, editor.id)).toMatchObject({ on: false, recoveryCodesLeft: 0 });
    expect(await spendSecondFactor(conn.db, editor.id, codes[1]!, later(60))).toEqual({ ok: false, reason: 'off' });
    const again = await enrol(conn, editor.id, T0);
    expect(await spendSecondFactor(conn.db, editor.id, codes[1]!, later(60))).toEqual({ ok: false, reason: 'wrong' });
    expect(await spendSecondFactor(conn.db, editor.id, again.codes[1]!, later(60))).toEqual({ ok: true, via: 'recovery' });
  });

  it('keeps the 管理者 requirement in the database, off until turned on', async () => {
    expect(await isTwoFactorRequired(conn.db)).toBe(false);
    await setTwoFactorRequired(conn.db, { required: true, by: editor.id });
    expect(await isTwoFactorRequired(conn.db)).toBe(true);
    await setTwoFactorRequired(conn.db, { required: false, by: editor.id });
    expect(await isTwoFactorRequired(conn.db)).toBe(false);
  });
});

// The route handlers, with a cookie jar of the test's own in place of the browser's.
const state = vi.hoisted(() => ({ conn: undefined as Connection | undefined, jar: new Map<string, string>() }));
vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    set: (name: string, value: string, options: { maxAge?: number } = {}) => {
      if (options.maxAge === 0) state.jar.delete(name);
      else state.jar.set(name, value);
    },
  }),
  headers: async () => new Headers({ origin: 'https://kiji.example', host: 'kiji.example' }),
}));

const SESSION = sessionCookieName(true);

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}${path}`, { method: 'POST', headers: { origin: SITE, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const signIn = (login: string, password = PASSWORD) => handleSignIn(postJson('/api/newsroom/sign-in', { login, password, token: toSignInToken(SECRET) }));
const sendCode = (code: string) => handleSignInCode(postJson('/api/newsroom/sign-in/code', { code, token: toSignInToken(SECRET), next: '/newsroom/front-page' }));

/** A browser signed in as `editor`: its session cookie in the jar, and the headers of its fetch calls. */
async function signedInAs(editor: Editor): Promise<Record<string, string>> {
  const { token } = await createSession(state.conn!.db, editor.id);
  state.jar.set(SESSION, token);
  return { 'x-csrf-token': toCsrfToken(SECRET, toSessionId(token)) };
}

describe('sign-in with a second step, and the requirement, through the route handlers', () => {
  let count = 0;
  const newAccount = (role: Editor['role']) => createEditor(state.conn!.db, { login: `user${++count}`, name: `利用者${count}`, password: PASSWORD, role });

  beforeAll(async () => {
    state.conn = openTestSqlite('kiji-two-factor-');
    await migrateToLatest(state.conn);
  });
  afterAll(async () => {
    await state.conn?.db.destroy();
  });
  beforeEach(() => state.jar.clear());

  it('asks for the code after the right password, with no session until the code is right', async () => {
    const editor = await newAccount('desk');
    const { secret } = await enrol(state.conn!, editor.id, new Date(Date.now() - 120_000));
    const first = await signIn(editor.login);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ codeRequired: true });
    expect(state.jar.has(SESSION)).toBe(false);
    expect(state.jar.has(SECOND_STEP_COOKIE.name)).toBe(true);
    expect(state.jar.has('kiji_device')).toBe(false);

    const wrong = await sendCode('123456');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/確認コード/);
    expect(state.jar.has(SESSION)).toBe(false);

    const code = generateTotpCode(secret, new Date());
    const right = await sendCode(code);
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ redirect: '/newsroom/front-page' });
    expect(state.jar.has(SESSION)).toBe(true);
    expect(state.jar.has(SECOND_STEP_COOKIE.name)).toBe(false);
    expect(state.jar.has('kiji_device')).toBe(true);

    // The same code, in a second sign-in at once: refused, saying why.
    state.jar.delete(SESSION);
    await signIn(editor.login);
    const again = await sendCode(code);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: TWO_FACTOR_MESSAGES.reused });
  });

  it('without the code step (none, expired or forged), asks for the password again', async () => {
    const editor = await newAccount('desk');
    await enrol(state.conn!, editor.id, new Date(Date.now() - 120_000));
    const none = await sendCode('123456');
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: CODE_STEP_EXPIRED, restart: true });
    state.jar.set(SECOND_STEP_COOKIE.name, `${editor.id}.${Date.now() + 60_000}.${'A'.repeat(43)}`);
    expect((await sendCode('123456')).status).toBe(401);
    expect(state.jar.has(SESSION)).toBe(false);
  });

  it('counts wrong codes against the sign-in limit, and typing the password again does not reset them', async () => {
    const editor = await newAccount('desk');
    const { secret } = await enrol(state.conn!, editor.id, new Date(Date.now() - 120_000));
    expect((await signIn(editor.login)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await sendCode('000000')).status).toBe(401);
    expect((await signIn(editor.login)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await sendCode('000000')).status).toBe(401);
    // Five wrong codes from a browser the account has never signed in from: even the right one now waits.
    const limited = await sendCode(generateTotpCode(secret, new Date()));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: TOO_MANY_ATTEMPTS });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(state.jar.has(SESSION)).toBe(false);
  });

  it('signs in with a recovery code once; the same code never again', async () => {
    const editor = await newAccount('admin');
    const { codes } = await enrol(state.conn!, editor.id, new Date(Date.now() - 120_000));
    await signIn(editor.login);
    expect((await sendCode(codes[0]!)).status).toBe(200);
    state.jar.delete(SESSION);
    await signIn(editor.login);
    const spent = await sendCode(codes[0]!);
    expect(spent.status).toBe(401);
    expect(await spent.json()).toEqual({ error: TWO_FACTOR_MESSAGES.recoveryUsed });
    expect((await sendCode(codes[1]!)).status).toBe(200);
  });

  it('signs an account without two-factor sign-in in with its password alone', async () => {
    const editor = await newAccount('reporter');
    const answer = await signIn(editor.login);
    expect(await answer.json()).toEqual({ redirect: '/newsroom' });
    expect(state.jar.has(SESSION)).toBe(true);
  });

  it('once required, leaves a デスク without it only the set-up, and sends it there at sign-in', async () => {
    const admin = await newAccount('admin');
    const desk = await newAccount('desk');
    const reporter = await newAccount('reporter');
    // The 管理者 cannot require it before having it: the setting would shut them out of this page.
    const adminHeaders = await signedInAs(admin);
    const refused = await handleTwoFactorPolicy(postJson('/api/newsroom/accounts/two-factor-policy', { required: true }, adminHeaders));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: ENROL_BEFORE_REQUIRING });
    await enrol(state.conn!, admin.id, new Date(Date.now() - 120_000));
    expect((await handleTwoFactorPolicy(postJson('/api/newsroom/accounts/two-factor-policy', { required: true }, adminHeaders))).status).toBe(200);

    // A デスク without it: sent to the set-up from every page, refused every other post.
    state.jar.clear();
    const deskHeaders = await signedInAs(desk);
    expect(await getSignedInEditor()).toBeNull();
    await expect(requireEditor('/newsroom')).rejects.toMatchObject({ digest: expect.stringContaining(';/newsroom/account;') });
    expect(await requireEditor('/newsroom/account')).toMatchObject({ twoFactorDue: true });
    const blocked = (await guardMutation(postJson('/api/newsroom/articles', {}, deskHeaders))) as Response;
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toEqual({ error: TWO_FACTOR_DUE });
    expect(await guardMutation(postJson('/api/newsroom/two-factor/start', {}, deskHeaders))).toMatchObject({ twoFactorDue: true });

    // It enrols through the open routes, and everything opens.
    expect((await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/start', {}, deskHeaders), 'start')).status).toBe(200);
    const { pendingSecret } = await getTwoFactorState(state.conn!.db, desk.id);
    const confirmed = await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/confirm', { code: generateTotpCode(pendingSecret!, new Date()) }, deskHeaders), 'confirm');
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect(await getSignedInEditor()).toMatchObject({ twoFactorDue: false, twoFactorOn: true });
    // Required, it cannot be turned off by its owner…
    const off = await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/disable', { password: PASSWORD }, deskHeaders), 'disable');
    expect(off.status).toBe(409);
    expect(await off.json()).toEqual({ error: REQUIRED_CANNOT_DISABLE });

    // …but a 管理者 can reset it (a lost phone), never their own that way; the デスク must then set it up again.
    state.jar.clear();
    const adminAgain = await signedInAs(admin);
    expect((await handleResetTwoFactor(postJson(`/api/newsroom/accounts/${admin.id}/two-factor`, {}, adminAgain), admin.id)).status).toBe(409);
    expect((await handleResetTwoFactor(postJson(`/api/newsroom/accounts/${desk.id}/two-factor`, {}, adminAgain), desk.id)).status).toBe(200);
    expect((await getTwoFactorState(state.conn!.db, desk.id)).on).toBe(false);
    state.jar.clear();
    const answer = await signIn(desk.login);
    expect(await answer.json()).toEqual({ redirect: '/newsroom/account' });

    // A 記者 does not publish: the requirement is not theirs.
    state.jar.clear();
    const reporterHeaders = await signedInAs(reporter);
    expect(await guardMutation(postJson('/api/newsroom/articles', {}, reporterHeaders))).toMatchObject({ twoFactorDue: false });
    // A 記者 cannot reset anyone's, nor change the requirement.
    expect((await handleResetTwoFactor(postJson(`/api/newsroom/accounts/${admin.id}/two-factor`, {}, reporterHeaders), admin.id)).status).toBe(403);
    expect((await handleTwoFactorPolicy(postJson('/api/newsroom/accounts/two-factor-policy', { required: false }, reporterHeaders))).status).toBe(403);
    expect(await isTwoFactorRequired(state.conn!.db)).toBe(true);
  });

  it('turns off with a current code or the password, not with a wrong one', async () => {
    const editor = await newAccount('reporter');
    const { secret } = await enrol(state.conn!, editor.id, new Date(Date.now() - 120_000));
    const headers = await signedInAs(editor);
    const wrong = await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/disable', { password: 'not the password' }, headers), 'disable');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/パスワード/);
    expect((await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/disable', {}, headers), 'disable')).status).toBe(400);
    expect((await getTwoFactorState(state.conn!.db, editor.id)).on).toBe(true);
    const right = await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/disable', { code: generateTotpCode(secret, new Date()) }, headers), 'disable');
    expect(right.status).toBe(200);
    expect((await getTwoFactorState(state.conn!.db, editor.id)).on).toBe(false);
    expect((await handleTwoFactorCommand(postJson('/api/newsroom/two-factor/nonsense', {}, headers), 'nonsense')).status).toBe(404);
  });
});
