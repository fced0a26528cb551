import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesMigration } from '../db/migrations/0014-roles';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { changeEditorRole, checkCredentials, createEditor, EditorInputError, listEditors } from './editors';
import { createSession, findSession } from './sessions';
import { canPublish, canSendEdition, decideDeleteRefusal, isOpenWhileTwoFactorDue, isTwoFactorDue, listAllowedCommands, toRole } from './roles';

describe('roles', () => {
  it('reads a role from its name or its Japanese label, and nothing else', () => {
    expect(toRole('デスク')).toBe('desk');
    expect(toRole(' 記者 ')).toBe('reporter');
    expect(toRole('admin')).toBe('admin');
    expect(toRole('編集長')).toBeNull();
  });

  it('gives the editor a 記者 only the buttons of their own work', () => {
    expect(listAllowedCommands('reporter', 'draft')).toEqual(['save', 'submit', 'restore', 'delete']);
    expect(listAllowedCommands('reporter', 'submitted')).toEqual(['save', 'submit', 'restore', 'delete']);
    expect(listAllowedCommands('reporter', 'published')).toEqual([]);
    expect(listAllowedCommands('desk', 'published')).toContain('unpublish');
    // Bringing back a deleted draft is the 管理者's alone (ADR 0041).
    expect(listAllowedCommands('desk', 'draft')).not.toContain('undelete');
    expect(listAllowedCommands('admin', 'draft')).toContain('undelete');
  });

  it('deletes only drafts that never went public: a 記者 their own, the desk any', () => {
    const draft = { status: 'draft' as const, own: true, everPublished: false };
    expect(decideDeleteRefusal('reporter', draft)).toBeNull();
    expect(decideDeleteRefusal('reporter', { ...draft, status: 'submitted' })).toBeNull();
    expect(decideDeleteRefusal('reporter', { ...draft, own: false })).toMatchObject({ status: 403, message: expect.stringContaining('デスク') });
    expect(decideDeleteRefusal('desk', { ...draft, own: false })).toBeNull();
    for (const role of ['reporter', 'desk', 'admin'] as const) {
      expect(decideDeleteRefusal(role, { ...draft, status: 'published' })).toMatchObject({ status: 409, message: expect.stringContaining('公開中') });
      expect(decideDeleteRefusal(role, { ...draft, status: 'unpublished' })).toMatchObject({ status: 409, message: expect.stringContaining('一度公開') });
      expect(decideDeleteRefusal(role, { ...draft, status: 'scheduled' })).toMatchObject({ status: 409, message: expect.stringContaining('予約') });
      // A draft again after being public (no path today, but the history decides, not the status alone).
      expect(decideDeleteRefusal(role, { ...draft, everPublished: true })).toMatchObject({ status: 409 });
    }
  });

  it('lets the desk and 管理者 send a newsletter edition, and a 記者 only draft one', () => {
    expect(['reporter', 'desk', 'admin'].map((r) => canSendEdition(r as 'reporter'))).toEqual([false, true, true]);
  });
});

describe('two-factor sign-in required of roles that publish (ADR 0043): who must set it up, and what they reach meanwhile', () => {
  it('publishes as デスク and 管理者 only', () => {
    expect([canPublish('reporter'), canPublish('desk'), canPublish('admin')]).toEqual([false, true, true]);
  });

  it('is due only for roles that publish, when required, without it', () => {
    expect(isTwoFactorDue({ role: 'desk', twoFactorOn: false, requiredForPublishers: true })).toBe(true);
    expect(isTwoFactorDue({ role: 'admin', twoFactorOn: false, requiredForPublishers: true })).toBe(true);
    expect(isTwoFactorDue({ role: 'reporter', twoFactorOn: false, requiredForPublishers: true })).toBe(false);
    expect(isTwoFactorDue({ role: 'desk', twoFactorOn: true, requiredForPublishers: true })).toBe(false);
    expect(isTwoFactorDue({ role: 'admin', twoFactorOn: false, requiredForPublishers: false })).toBe(false);
  });

  it('leaves open the set-up page, its start and confirm, and sign-out; nothing else', () => {
    for (const open of ['/newsroom/account', '/api/newsroom/two-factor/start', '/api/newsroom/two-factor/confirm', '/api/newsroom/sign-out']) expect(isOpenWhileTwoFactorDue(open), open).toBe(true);
    for (const shut of ['/newsroom', '/newsroom/accounts', '/api/newsroom/two-factor/disable', '/api/newsroom/articles', '/api/newsroom/accounts/two-factor-policy', '/newsroom/account/x']) {
      expect(isOpenWhileTwoFactorDue(shut), shut).toBe(false);
    }
  });
});

describe.each(TEST_ENGINES)('accounts and roles on %s', (engine) => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'roles', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());

  it('makes the first account 管理者 and later ones 記者 unless told, and a session carries the role', async () => {
    const first = await createEditor(conn.db, { login: 'first', name: '最初の人', password: 'a long enough password' });
    const second = await createEditor(conn.db, { login: 'second', name: '二人目', password: 'a long enough password' });
    const desk = await createEditor(conn.db, { login: 'third', name: '三人目', password: 'a long enough password', role: 'desk' });
    expect([first.role, second.role, desk.role]).toEqual(['admin', 'reporter', 'desk']);
    expect(await checkCredentials(conn.db, 'third', 'a long enough password')).toMatchObject({ role: 'desk' });
    await expect(createEditor(conn.db, { login: 'forged', name: '偽', password: 'a long enough password', role: 'root' as never })).rejects.toThrow(
      /役割/,
    );
    const { token } = await createSession(conn.db, second.id);
    expect((await findSession(conn.db, token))?.editor.role).toBe('reporter');
    // A change of role applies to the running session at once.
    await changeEditorRole(conn.db, { editorId: second.id, role: 'desk' });
    expect((await findSession(conn.db, token))?.editor.role).toBe('desk');
    expect((await listEditors(conn.db)).map((e) => `${e.login}:${e.role}`)).toEqual(['first:admin', 'second:desk', 'third:desk']);
  });

  it('never leaves the newsroom without a 管理者, even when two demote each other at once', async () => {
    const [first] = await listEditors(conn.db);
    const error = await changeEditorRole(conn.db, { editorId: first!.id, role: 'desk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditorInputError);
    expect((error as EditorInputError).status).toBe(409);
    expect((error as EditorInputError).message).toMatch(/最後の管理者/);
    const other = await createEditor(conn.db, { login: 'fourth', name: '四人目', password: 'a long enough password', role: 'admin' });
    const results = await Promise.allSettled([
      changeEditorRole(conn.db, { editorId: first!.id, role: 'reporter' }),
      changeEditorRole(conn.db, { editorId: other.id, role: 'reporter' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await listEditors(conn.db)).filter((e) => e.role === 'admin')).toHaveLength(1);
    await expect(changeEditorRole(conn.db, { editorId: 'nobody', role: 'desk' })).rejects.toMatchObject({ status: 404 });
  });
});

describe.each(TEST_ENGINES)('migration 0014 on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'roles-migration');
  }, 60_000);
  afterAll(() => conn?.close());

  it('makes every existing account 管理者, and a row written without a role a 記者', async () => {
    // The two tables as migration 0005 left them, trimmed to what 0014 touches.
    await conn.db.schema.createTable('editors').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('login', 'text').execute();
    await conn.db.schema.createTable('article_revisions').addColumn('id', 'text', (c) => c.primaryKey()).execute();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before 0014 is not the Database type
    const db = conn.db as any;
    await db.insertInto('editors').values([{ id: 'a', login: 'old1' }, { id: 'b', login: 'old2' }]).execute();
    await rolesMigration().up(db);
    await db.insertInto('editors').values({ id: 'c', login: 'new' }).execute();
    await db.insertInto('article_revisions').values({ id: 'r' }).execute();
    expect(await db.selectFrom('editors').select(['login', 'role']).orderBy('login').execute()).toEqual([
      { login: 'new', role: 'reporter' },
      { login: 'old1', role: 'admin' },
      { login: 'old2', role: 'admin' },
    ]);
    expect(await db.selectFrom('article_revisions').select('note').execute()).toEqual([{ note: null }]);
  });
});
