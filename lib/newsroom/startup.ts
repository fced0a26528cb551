import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { countEditors, createEditor } from './editors';
import { DEMO_PASSWORD, verifyPassword } from './password';

/** The embedded demo's editor; README lists the same credentials. */
export const DEMO_EDITOR = { login: 'demo', name: 'デモ編集者', password: DEMO_PASSWORD } as const;

/** Why the server refuses to start. */
export class NewsroomStartupError extends Error {}

/**
 * Readies the newsroom's accounts when the server starts. With demo content
 * on and no editor yet, creates the demo editor (and says so, so the caller
 * can print the credentials). On a public deployment, refuses to start while
 * any account still signs in with the published demo password.
 */
export async function prepareNewsroomAccounts(
  db: Kysely<Database>,
  options: { seedDemo: boolean; publicDeployment: boolean; now?: Date },
): Promise<{ createdDemoEditor: boolean }> {
  let createdDemoEditor = false;
  if (options.seedDemo && (await countEditors(db)) === 0) {
    // 管理者, so the demo can show every part of the newsroom (ADR 0032).
    await createEditor(db, { ...DEMO_EDITOR, role: 'admin' }, { now: options.now, allowWeakPassword: true });
    createdDemoEditor = true;
  }
  if (options.publicDeployment) {
    const demo = await db.selectFrom('editors').select('password_hash').where('login', '=', DEMO_EDITOR.login).executeTakeFirst();
    if (demo && (await verifyPassword(DEMO_PASSWORD, demo.password_hash))) {
      throw new NewsroomStartupError(
        `The newsroom account "${DEMO_EDITOR.login}" still has the published demo password. ` +
          `Change it (npm run newsroom:set-password -- --login ${DEMO_EDITOR.login}) before serving a public site.`,
      );
    }
  }
  return { createdDemoEditor };
}
