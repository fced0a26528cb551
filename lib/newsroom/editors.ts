import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from './password';

export type Editor = { id: string; login: string; name: string };

/** Logins are short lowercase ASCII handles (`sato`, `k.tanaka`), typed on any keyboard. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** A refused account change, with the reason in Japanese for the screen or CLI. */
export class EditorInputError extends Error {}

/** The login as stored: trimmed, NFKC (full-width letters become ASCII), lowercase. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/**
 * Creates an editor account. Refuses a malformed or taken login, an empty
 * name and a weak password (unless `allowWeakPassword`, only for the seeded
 * demo editor whose password is printed in the README anyway).
 */
export async function createEditor(
  db: Kysely<Database>,
  input: { login: string; name: string; password: string },
  options: { now?: Date; allowWeakPassword?: boolean } = {},
): Promise<Editor> {
  const login = normaliseLogin(input.login);
  const name = input.name.trim();
  if (!LOGIN_PATTERN.test(login)) throw new EditorInputError('ユーザー名は半角英小文字・数字・「.」「_」「-」で2〜32文字にしてください。');
  if (name === '' || name.length > 60) throw new EditorInputError('表示名は1〜60文字で入力してください。');
  const weak = checkPasswordStrength(input.password);
  if (weak && !options.allowWeakPassword) throw new EditorInputError(weak);
  const taken = await db.selectFrom('editors').select('id').where('login', '=', login).executeTakeFirst();
  if (taken) throw new EditorInputError(`ユーザー名「${login}」はすでに使われています。`);
  const now = (options.now ?? new Date()).toISOString();
  const editor: Editor = { id: randomBytes(9).toString('base64url'), login, name };
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
    .select(['id', 'login', 'name', 'password_hash'])
    .where('login', '=', normaliseLogin(login))
    .executeTakeFirst();
  if (!row) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return { id: row.id, login: row.login, name: row.name };
}

export async function countEditors(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom('editors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
