import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { checkCredentials, createEditor, EditorInputError, setEditorPassword } from './editors';
import { DEMO_PASSWORD, hashPassword, verifyPassword } from './password';
import { checkSignInAllowed, clearLoginFailures, recordSignInFailure, SIGN_IN_LIMITS } from './rate-limit';
import { loadServerSecret } from './secret';
import { createSession, findSession, revokeSession, SESSION_LIFETIME_MS } from './sessions';
import { DEMO_EDITOR, NewsroomStartupError, prepareNewsroomAccounts } from './startup';
import { closeTestDatabase, openTestDatabase, TEST_ENGINES } from './test-db';

describe('password hashing', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('never opens an account with a damaged hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$3$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5', 'scrypt$1099511627776$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5']) {
      expect(await verifyPassword('anything', bad)).toBe(false);
    }
  });
});

describe.each(TEST_ENGINES)('accounts on %s', (engine) => {
  let conn: Connection;
  const now = new Date('2026-11-20T03:00:00.000Z');

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'accounts');
  }, 60_000);
  afterAll(() => closeTestDatabase(conn, engine, 'accounts'));

  it('creates editors with a normalised login and refuses bad input in Japanese', async () => {
    const editor = await createEditor(conn.db, { login: ' Ｓａｔｏ ', name: '佐藤 花子', password: 'a long enough password' });
    expect(editor.login).toBe('sato');
    await expect(createEditor(conn.db, { login: 'sato', name: '別人', password: 'another long password' })).rejects.toThrow(
      /すでに使われています/,
    );
    await expect(createEditor(conn.db, { login: 'x y', name: '名', password: 'another long password' })).rejects.toBeInstanceOf(
      EditorInputError,
    );
    await expect(createEditor(conn.db, { login: 'short', name: '名', password: 'short' })).rejects.toThrow(/12文字以上/);
    await expect(createEditor(conn.db, { login: 'copycat', name: '名', password: DEMO_PASSWORD })).rejects.toThrow(/デモ用/);
  });

  it('checks credentials: the right pair signs in, a wrong user and a wrong password look the same', async () => {
    expect(await checkCredentials(conn.db, 'SATO', 'a long enough password')).toMatchObject({ login: 'sato', name: '佐藤 花子' });
    expect(await checkCredentials(conn.db, 'sato', 'wrong password here')).toBeNull();
    expect(await checkCredentials(conn.db, 'nobody', 'a long enough password')).toBeNull();
  });

  it('keeps only a hash of the session token, expires sessions and revokes them', async () => {
    const editor = (await checkCredentials(conn.db, 'sato', 'a long enough password'))!;
    const { token, sessionId } = await createSession(conn.db, editor.id, now);
    const row = await conn.db.selectFrom('editor_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(row.id).not.toContain(token);
    expect(await findSession(conn.db, token, now)).toMatchObject({ editor: { login: 'sato' } });
    expect(await findSession(conn.db, token, new Date(now.getTime() + SESSION_LIFETIME_MS))).toBeNull();
    expect(await findSession(conn.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toBeNull();
    expect(await findSession(conn.db, 'not a token', now)).toBeNull();
    await revokeSession(conn.db, token, now);
    expect(await findSession(conn.db, token, now)).toBeNull();
  });

  it('a new password ends every session of that editor', async () => {
    const editor = (await checkCredentials(conn.db, 'sato', 'a long enough password'))!;
    const { token } = await createSession(conn.db, editor.id, now);
    await setEditorPassword(conn.db, 'sato', 'a brand new password', now);
    expect(await findSession(conn.db, token, now)).toBeNull();
    expect(await checkCredentials(conn.db, 'sato', 'a brand new password')).not.toBeNull();
  });

  it('limits failed sign-ins per login and per address, and says when to retry', async () => {
    const keys = { login: 'sato', address: '198.51.100.7' };
    for (let i = 0; i < SIGN_IN_LIMITS.perLogin; i++) {
      expect(await checkSignInAllowed(conn.db, keys, now)).toEqual({ allowed: true });
      await recordSignInFailure(conn.db, keys, now);
    }
    const limited = await checkSignInAllowed(conn.db, keys, new Date(now.getTime() + 60_000));
    expect(limited).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_LIMITS.windowMs / 1000 - 60 });
    // Another login from another address is unaffected; the window passes.
    expect(await checkSignInAllowed(conn.db, { login: 'other', address: '198.51.100.8' }, now)).toEqual({ allowed: true });
    expect(await checkSignInAllowed(conn.db, keys, new Date(now.getTime() + SIGN_IN_LIMITS.windowMs + 1))).toEqual({ allowed: true });
    // Spraying many logins from one address trips the address limit.
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await recordSignInFailure(conn.db, { login: `u${i}`, address: '192.0.2.1' }, now);
    expect((await checkSignInAllowed(conn.db, { login: 'fresh', address: '192.0.2.1' }, now)).allowed).toBe(false);
    // A success clears the login's count.
    await clearLoginFailures(conn.db, 'sato');
    expect(await checkSignInAllowed(conn.db, { login: 'sato', address: null }, now)).toEqual({ allowed: true });
  });

  it('generates one server secret and keeps it; KIJI_SECRET wins when set', async () => {
    const first = await loadServerSecret(conn.db, undefined, now);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(await loadServerSecret(conn.db, undefined, now)).toBe(first);
    expect(await loadServerSecret(conn.db, 'x'.repeat(40), now)).toBe('x'.repeat(40));
  });

  it('seeds the demo editor once, and a public deployment refuses its default password', async () => {
    await conn.db.deleteFrom('editors').execute();
    expect(await prepareNewsroomAccounts(conn.db, { seedDemo: true, publicDeployment: false, now })).toEqual({ createdDemoEditor: true });
    expect(await prepareNewsroomAccounts(conn.db, { seedDemo: true, publicDeployment: false, now })).toEqual({ createdDemoEditor: false });
    expect(await checkCredentials(conn.db, DEMO_EDITOR.login, DEMO_EDITOR.password)).not.toBeNull();
    await expect(prepareNewsroomAccounts(conn.db, { seedDemo: true, publicDeployment: true, now })).rejects.toBeInstanceOf(
      NewsroomStartupError,
    );
    await setEditorPassword(conn.db, DEMO_EDITOR.login, 'a private production password', now);
    await expect(prepareNewsroomAccounts(conn.db, { seedDemo: true, publicDeployment: true, now })).resolves.toEqual({
      createdDemoEditor: false,
    });
  });
});
