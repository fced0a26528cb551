import 'server-only';
import { getDb } from '../db';
import { getRoutingSnapshot, loadRoutingSnapshot, setRoutingSnapshot, type RoutingSnapshot } from './routing';
import { reportBackgroundError } from '../db/errors';

/**
 * The routing snapshot as proxy.ts reads it in front of every article URL.
 * The newsroom refreshes it at once after its own changes; this also reloads
 * it in the background at most once per {@link REFRESH_MS}, so a takedown or
 * move made by another instance or straight in the database shows within
 * about a second, and an article request never waits on the database (only
 * the very first one after start does).
 */

const REFRESH_MS = 1_000;

type State = { loadedAt: number; loading: Promise<void> | null };
type Global = typeof globalThis & { __kijiRoutingState?: State };

async function reload(state: State): Promise<void> {
  setRoutingSnapshot(await loadRoutingSnapshot(await getDb()));
  state.loadedAt = Date.now();
}

export async function getFreshRoutingSnapshot(): Promise<RoutingSnapshot | undefined> {
  const g = globalThis as Global;
  const state = (g.__kijiRoutingState ??= { loadedAt: 0, loading: null });
  if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
    state.loading = reload(state)
      .catch((error: unknown) => reportBackgroundError('newsroom', 'could not reload article routing', error))
      .finally(() => {
        state.loading = null;
      });
  }
  if (!getRoutingSnapshot() && state.loading) await state.loading;
  return getRoutingSnapshot();
}
