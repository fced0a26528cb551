import { after } from 'next/server';
import { publishDueArticles } from '@/lib/newsroom/articles';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { jsonError, jsonOk } from '@/lib/newsroom/http';
import { invalidateTags, replayRecentInvalidations } from '@/lib/newsroom/invalidate';
import { refreshRouting } from '@/lib/newsroom/routing';
import { isSchedulerToken } from '@/lib/newsroom/scheduler';
import { toWarmPaths, warmPages } from '@/lib/newsroom/warm';

/**
 * Publishes the scheduled articles that are due, and on the first call after
 * the server starts replays recent cache invalidations. Called only by this
 * process's own scheduler (lib/newsroom/scheduler.ts), which holds the
 * per-process token; route handlers are where revalidateTag works.
 */
export async function POST(request: Request) {
  if (!isSchedulerToken(request.headers.get('x-kiji-scheduler'))) return jsonError(403, 'このURLは内部専用です。');
  const { db, settings } = await getNewsroomContext();
  const replayed = request.headers.get('x-kiji-replay') === '1' ? await replayRecentInvalidations(db) : 0;
  const { published, invalidate } = await publishDueArticles(db);
  await invalidateTags(db, invalidate);
  after(() => warmPages(settings.internalUrl, toWarmPaths(invalidate)));
  if (published.length > 0) await refreshRouting(db);
  return jsonOk({ published, replayed });
}
