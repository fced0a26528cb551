import { revalidateTagsInPageCache, startInvalidationListener } from '../cache/invalidation-bus';
import { CACHE_TAGS } from '../cache/tags';
import { readSettings } from '../config';
import { getDatabase } from '../db/global';
import { forgetRailsAfter } from '../rails';
import { replayRecentInvalidations } from './invalidate';
import { refreshRouting } from './routing';
import { onShutdown } from '../ops/shutdown';
import { startScheduler, stopScheduler } from './scheduler';
import { readNewsroomSettings } from './settings';
import { refreshAfterInvalidation } from './warm';
import { DEMO_EDITOR, NewsroomStartupError, prepareNewsroomAccounts } from './startup';
import { logger } from '../log';

/**
 * The newsroom's part of server start (instrumentation.ts): the demo editor
 * on a fresh demo database, the refusal to serve a public site with the
 * demo password, the 410/301 snapshot, the replay of invalidations made
 * while it was down, the listener for other instances' cache invalidations,
 * and the scheduler. A refusal ends
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
    logger('newsroom').fatal(`refusing to start: ${error.message}`);
    process.exit(1);
  });
  if (createdDemoEditor) {
    // In the text, not in fields (which would be redacted): the demo's password is public (README), and this line is how a first start tells it.
    logger('newsroom').info(
      `newsroom demo editor created: sign in at ${settings.siteUrl}/newsroom with ` +
        `user "${DEMO_EDITOR.login}" and password "${DEMO_EDITOR.password}" (demo only; see README)`,
    );
  }
  await refreshRouting(db);
  // Before the first request (Next.js awaits instrumentation's register):
  // a page cached before a change made while this process was down is
  // rendered afresh, never served once more (ADR 0014, ADR 0024).
  await replayRecentInvalidations(db);
  // What other instances invalidate, applied here too (docs/adr/0024-invalidation-across-instances.md).
  const stopListener = await startInvalidationListener({
    db,
    redisUrl: settings.redisUrl,
    redisPrefix: settings.redisPrefix,
    apply: async (tags, expire) => {
      await revalidateTagsInPageCache(tags, expire);
      forgetRailsAfter(tags);
      // A withdrawal or move answers 410/301 here before the pages are re-rendered and
      // nginx's copies purged: a 404 rendered on an old routing list would stay in nginx for its minute.
      if (tags.some((tag) => tag.startsWith(CACHE_TAGS.article('')))) await refreshRouting(db);
      // As the instance that made the change does: re-render before a reader asks.
      void refreshAfterInvalidation(newsroom.internalUrl, tags);
    },
  });
  startScheduler(db, newsroom.internalUrl);
  onShutdown('work', 'invalidation listener', stopListener);
  onShutdown('work', 'scheduler', stopScheduler);
}
