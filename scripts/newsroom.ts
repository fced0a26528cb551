// Newsroom accounts from the command line (see README):
//   npm run newsroom:add-editor -- --login sato --name "佐藤 花子" [--role 記者|デスク|管理者]
//     (without --role: 管理者 for the first account, 記者 after that)
//   npm run newsroom:set-password -- --login demo
//   npm run newsroom:reset-two-factor -- --login demo
//     (turns the account's two-factor sign-in off: a lost phone when no 管理者 can do it from /newsroom/accounts)
// The password is asked for without echo, or read from KIJI_EDITOR_PASSWORD
// (for scripts; never put it on the command line, where `ps` shows it).
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { readSettings } from '../lib/config';
import { migrateToLatest, openDatabase } from '../lib/db/connect';
import { createEditor, EditorInputError, normaliseLogin, setEditorPassword } from '../lib/newsroom/editors';
import { ROLE_LABELS, toRole } from '../lib/newsroom/roles';
import { turnOffTwoFactor } from '../lib/newsroom/two-factor';

const USAGE = [
  '使い方: npm run newsroom:add-editor -- --login <ユーザー名> --name <表示名> [--role 記者|デスク|管理者]',
  '        npm run newsroom:set-password -- --login <ユーザー名>',
  '        npm run newsroom:reset-two-factor -- --login <ユーザー名>',
].join('\n');

const [command, ...rest] = process.argv.slice(2);
let values: { login?: string; name?: string; role?: string; help?: boolean };
try {
  ({ values } = parseArgs({ args: rest, options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  // An unknown or incomplete option is the operator's typo: say which, and how it is used, not a stack trace.
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    // Echo nothing but the prompt itself.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (process.env.KIJI_EDITOR_PASSWORD) return process.env.KIJI_EDITOR_PASSWORD;
  if (!process.stdin.isTTY) throw new EditorInputError('パスワードを KIJI_EDITOR_PASSWORD で渡すか、端末から実行してください。');
  const first = await askHidden('パスワード(12文字以上): ');
  const again = await askHidden('もう一度: ');
  if (first !== again) throw new EditorInputError('パスワードが一致しません。');
  return first;
}

if ((command !== 'add-editor' && command !== 'set-password' && command !== 'reset-two-factor') || !values.login || (command === 'add-editor' && !values.name)) {
  console.error(USAGE);
  process.exit(2);
}

const role = values.role === undefined ? undefined : toRole(values.role);
if (role === null) {
  console.error(`役割「${values.role}」はありません。記者・デスク・管理者(reporter・desk・admin)のどれかを指定してください。`);
  process.exit(2);
}

const conn = openDatabase(readSettings());
try {
  await migrateToLatest(conn);
  if (command === 'reset-two-factor') {
    const editor = await conn.db.selectFrom('editors').select('id').where('login', '=', normaliseLogin(values.login)).executeTakeFirst();
    if (!editor) throw new EditorInputError(`ユーザー名「${normaliseLogin(values.login)}」の編集者はいません。`);
    const wasOn = await turnOffTwoFactor(conn.db, editor.id);
    console.log(wasOn ? `${values.login} の二段階認証を解除しました。パスワードだけでサインインできます。` : `${values.login} の二段階認証は有効になっていません。`);
  } else if (command === 'add-editor') {
    const password = await readPassword();
    const editor = await createEditor(conn.db, { login: values.login, name: values.name!, password, role });
    console.log(`編集者「${editor.name}」(${editor.login})を${ROLE_LABELS[editor.role]}として作成しました。/newsroom からサインインできます。`);
  } else {
    await setEditorPassword(conn.db, values.login, await readPassword());
    console.log(`${values.login} のパスワードを変更しました。この編集者のセッションはすべて終了しました。`);
  }
} catch (error) {
  if (!(error instanceof EditorInputError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await conn.db.destroy();
}
