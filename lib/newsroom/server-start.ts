import { readSettings } from '../config';
import { getDatabase } from '../db/global';
import { refreshRouting } from './routing';
import { startScheduler } from './scheduler';
import { readNewsroomSettings } from './settings';
import { DEMO_EDITOR, NewsroomStartupError, prepareNewsroomAccounts } from './startup';

/**
 * The newsroom's part of server start (instrumentation.ts): the demo editor
 * on a fresh demo database, the refusal to serve a public site with the
 * demo password, the 410/301 snapshot, and the scheduler. A refusal ends
 * the process: Next.js would otherwise log a failed instrumentation hook and
 * keep listening.
 */
export async function startNewsroom(): Promise<void> {
  const settings = readSettings();
  const newsroom = readNewsroomSettings();
  const db = await getDatabase();
  const { createdDemoEditor } = await prepareNewsroomAccounts(db, {
    seedDemo: settings.seedDemo,
    publicDeployment: newsroom.publicDeployment,
  }).catch((error: unknown) => {
    if (!(error instanceof NewsroomStartupError)) throw error;
    console.error(`Kiji: refusing to start. ${error.message}`);
    process.exit(1);
  });
  if (createdDemoEditor) {
    console.log(
      `Kiji: newsroom demo editor created. Sign in at ${settings.siteUrl}/newsroom with ` +
        `user "${DEMO_EDITOR.login}" and password "${DEMO_EDITOR.password}" (demo only; see README).`,
    );
  }
  await refreshRouting(db);
  startScheduler(db, newsroom.internalUrl);
}
