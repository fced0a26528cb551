import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials, createEditor, EditorInputError, setEditorPassword } from './editors';
import { DEMO_PASSWORD, hashPassword, PASSWORD_QUEUE_LIMIT, PasswordCheckBusyError, runPasswordCheck, verifyPassword } from './password';
import { admitSignInAttempt, forgiveSignInAttempt, issueDeviceToken, readDeviceToken, SIGN_IN_LIMITS } from './rate-limit';
import { loadSecret, SERVER_SECRET } from '../signing';
import { createSession, findSession, revokeSession, SESSION_LIFETIME_MS } from './sessions';
import { DEMO_EDITOR, NewsroomStartupError, prepareNewsroomAccounts } from './startup';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';

describe('password hashing', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('checks passwords one at a time: a full queue turns unknown browsers away at once, and a known one goes first', async () => {
    const order: string[] = [];
    let release = () => {};
    const first = runPasswordCheck(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('running')), { trusted: false });
    const waiting = Array.from({ length: PASSWORD_QUEUE_LIMIT }, (_, i) => runPasswordCheck(async () => void order.push(`queued ${i}`), { trusted: false }));
    await expect(runPasswordCheck(async () => void order.push('over'), { trusted: false })).rejects.toBeInstanceOf(PasswordCheckBusyError);
    const owner = runPasswordCheck(async () => void order.push('owner'), { trusted: true });
    release();
    await Promise.all([first, owner, ...waiting]);
    expect(order).toEqual(['running', 'owner', ...waiting.map((_, i) => `queued ${i}`)]);
  });

  it('never opens an account with a damaged hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$3$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5', 'scrypt$1099511627776$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5']) {
      expect(await verifyPassword('anything', bad)).toBe(false);
    }
  });
});

describe.each(TEST_ENGINES)('accounts on %s', (engine) => {
  let conn: TestDatabase;
  const now = new Date('2026-11-20T03:00:00.000Z');

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'accounts', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());

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

  it('counts each attempt before its password is checked: of 40 at once against one login, 5 get through', async () => {
    const at = new Date(now.getTime() + 1);
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => admitSignInAttempt(conn.db, { login: 'race', address: `203.0.113.${i}`, device: null }, at)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMITS.perLogin.max);
    expect(verdicts.find((v) => !v.allowed)).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_LIMITS.perLogin.windowSeconds });
  });

  it('locks a login against unknown browsers, full-width spellings included, but not against the browser its owner uses', async () => {
    const secret = 's'.repeat(43);
    const owner = readDeviceToken(secret, 'sato', issueDeviceToken(secret, 'SATO'));
    expect(owner).not.toBeNull();
    for (let i = 0; i < SIGN_IN_LIMITS.perLogin.max; i++) {
      expect((await admitSignInAttempt(conn.db, { login: i % 2 ? 'ＳＡＴＯ' : 'sato', address: `198.51.100.${i}`, device: null }, now)).allowed).toBe(true);
    }
    expect((await admitSignInAttempt(conn.db, { login: 'sato', address: '198.51.100.99', device: null }, now)).allowed).toBe(false);
    // The owner's browser has its own count; a device cookie is good for its own account only.
    expect(await admitSignInAttempt(conn.db, { login: 'sato', address: '192.0.2.50', device: owner }, now)).toEqual({ allowed: true });
    expect(readDeviceToken(secret, 'tanaka', issueDeviceToken(secret, 'sato'))).toBeNull();
    expect(readDeviceToken(secret, 'sato', 'forged.token')).toBeNull();
    // The window passes.
    const later = new Date(now.getTime() + SIGN_IN_LIMITS.perLogin.windowSeconds * 1000 + 1);
    expect((await admitSignInAttempt(conn.db, { login: 'sato', address: '198.51.100.99', device: null }, later)).allowed).toBe(true);
  });

  it('limits one address spraying many logins, and gives a signed-in attempt back', async () => {
    const address = '192.0.2.1';
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      expect((await admitSignInAttempt(conn.db, { login: `u${i}`, address, device: null }, now)).allowed).toBe(true);
    }
    expect((await admitSignInAttempt(conn.db, { login: 'fresh', address, device: null }, now)).allowed).toBe(false);
    // An IPv6 client is its /64: rotating the last 64 bits is not a new address.
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      await admitSignInAttempt(conn.db, { login: `v${i}`, address: `2001:db8:1:2::${i.toString(16)}`, device: null }, now);
    }
    expect((await admitSignInAttempt(conn.db, { login: 'fresh6', address: '2001:db8:1:2:ffff::1', device: null }, now)).allowed).toBe(false);
    // Twenty colleagues behind one office address sign in: each right password takes its attempt back.
    const office = { login: 'suzuki', address: '192.0.2.2', device: null };
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max * 2; i++) {
      expect((await admitSignInAttempt(conn.db, office, now)).allowed).toBe(true);
      await forgiveSignInAttempt(conn.db, office, 'signed-in');
    }
  });

  it('generates one server secret and keeps it; KIJI_SECRET wins when set', async () => {
    const first = await loadSecret(conn.db, SERVER_SECRET, undefined, now);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(await loadSecret(conn.db, SERVER_SECRET, undefined, now)).toBe(first);
    expect(await loadSecret(conn.db, SERVER_SECRET, 'x'.repeat(40), now)).toBe('x'.repeat(40));
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
