import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { isRole, ROLE_LABELS, type Role } from './roles';

export type Editor = { id: string; login: string; name: string; role: Role };

/** Logins are short lowercase ASCII handles (`sato`, `k.tanaka`), typed on any keyboard. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** A refused account change, with the reason in Japanese for the screen or CLI, and the HTTP status it answers. */
export class EditorInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

/** The login as stored: trimmed, NFKC (full-width letters become ASCII), lowercase. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/**
 * Creates an editor account. Refuses a malformed or taken login, an empty
 * name and a weak password (unless `allowWeakPassword`, only for the seeded
 * demo editor whose password is printed in the README anyway). Without a
 * role, the first account is 管理者 (someone must be able to make the
 * others) and every later one 記者, the least a newsroom account can do.
 */
export async function createEditor(
  db: Kysely<Database>,
  input: { login: string; name: string; password: string; role?: Role },
  options: { now?: Date; allowWeakPassword?: boolean } = {},
): Promise<Editor> {
  if (input.role !== undefined && !isRole(input.role)) throw new EditorInputError('役割を選んでください。');
  const login = normaliseLogin(input.login);
  const name = input.name.trim();
  if (!LOGIN_PATTERN.test(login)) throw new EditorInputError('ユーザー名は半角英小文字・数字・「.」「_」「-」で2〜32文字にしてください。');
  if (name === '' || name.length > 60) throw new EditorInputError('表示名は1〜60文字で入力してください。');
  const weak = checkPasswordStrength(input.password);
  if (weak && !options.allowWeakPassword) throw new EditorInputError(weak);
  const taken = await db.selectFrom('editors').select('id').where('login', '=', login).executeTakeFirst();
  if (taken) throw new EditorInputError(`ユーザー名「${login}」はすでに使われています。`);
  const now = (options.now ?? new Date()).toISOString();
  const role = input.role ?? ((await countEditors(db)) === 0 ? 'admin' : 'reporter');
  const editor: Editor = { id: randomBytes(9).toString('base64url'), login, name, role };
  await db
    .insertInto('editors')
    .values({ ...editor, password_hash: await hashPassword(input.password), created_at: now, password_changed_at: now })
    .execute();
  return editor;
}

/** Sets a new password and signs the editor out everywhere (a changed password should end stolen sessions too). */
export async function setEditorPassword(db: Kysely<Database>, login: string, password: string, now = new Date()): Promise<void> {
  const weak = checkPasswordStrength(password);
  if (weak) throw new EditorInputError(weak);
  const editor = await db.selectFrom('editors').select('id').where('login', '=', normaliseLogin(login)).executeTakeFirst();
  if (!editor) throw new EditorInputError(`ユーザー名「${normaliseLogin(login)}」の編集者はいません。`);
  await db
    .updateTable('editors')
    .set({ password_hash: await hashPassword(password), password_changed_at: now.toISOString() })
    .where('id', '=', editor.id)
    .execute();
  await db.deleteFrom('editor_sessions').where('editor_id', '=', editor.id).execute();
}

/**
 * The editor whose login and password these are, or null. An unknown login
 * costs the same time as a wrong password, so timing does not reveal which
 * logins exist.
 */
export async function checkCredentials(db: Kysely<Database>, login: string, password: string): Promise<Editor | null> {
  const row = await db
    .selectFrom('editors')
    .select(['id', 'login', 'name', 'role', 'password_hash'])
    .where('login', '=', normaliseLogin(login))
    .executeTakeFirst();
  if (!row) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return { id: row.id, login: row.login, name: row.name, role: row.role };
}

/** The account `id`, or null. */
export async function findEditor(db: Kysely<Database>, id: string): Promise<Editor | null> {
  const row = await db.selectFrom('editors').select(['id', 'login', 'name', 'role']).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

export async function countEditors(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom('editors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** An account as the accounts page lists it. */
export type EditorAccount = Editor & { createdAt: string; twoFactorOn: boolean };

/** Every account, 管理者 first, then デスク, then 記者, each by login. */
export async function listEditors(db: Kysely<Database>): Promise<EditorAccount[]> {
  const rows = await db.selectFrom('editors').select(['id', 'login', 'name', 'role', 'created_at', 'totp_secret']).orderBy('login').execute();
  const rank: Record<Role, number> = { admin: 0, desk: 1, reporter: 2 };
  return rows
    .map((r) => ({ id: r.id, login: r.login, name: r.name, role: r.role, createdAt: r.created_at, twoFactorOn: r.totp_secret !== null }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.login.localeCompare(b.login));
}

/**
 * Gives the account `editorId` the role `role`. Refuses to leave the
 * newsroom without a 管理者: the last one cannot be made anything else
 * (by themselves or, were there a way, by anyone), since no one could then
 * manage accounts again but from the command line. Runs in a transaction
 * so two admins demoting each other at once cannot both succeed.
 */
export async function changeEditorRole(db: Kysely<Database>, input: { editorId: string; role: Role }): Promise<EditorAccount> {
  if (!isRole(input.role)) throw new EditorInputError('役割を選んでください。');
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('editors').select(['id', 'login', 'name', 'role', 'created_at', 'totp_secret']).where('id', '=', input.editorId).executeTakeFirst();
    if (!row) throw new EditorInputError('アカウントが見つかりません。', 404);
    if (row.role === 'admin' && input.role !== 'admin') {
      // A write to every 管理者 row first: PostgreSQL then holds their row
      // locks (a concurrent demotion waits, and the count below sees what it
      // committed); SQLite's transaction holds the one write lock.
      await trx.updateTable('editors').set({ role: 'admin' }).where('role', '=', 'admin').execute();
      const admins = await trx.selectFrom('editors').select('id').where('role', '=', 'admin').execute();
      if (admins.length <= 1) {
        throw new EditorInputError(`${ROLE_LABELS.admin}がいなくなるため、最後の${ROLE_LABELS.admin}の役割は変更できません。先にほかのアカウントを${ROLE_LABELS.admin}にしてください。`, 409);
      }
    }
    await trx.updateTable('editors').set({ role: input.role }).where('id', '=', row.id).execute();
    return { id: row.id, login: row.login, name: row.name, role: input.role, createdAt: row.created_at, twoFactorOn: row.totp_secret !== null };
  });
}
