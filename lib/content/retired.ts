import 'server-only';
import { getDb } from '../db';

/**
 * Articles taken down (status `unpublished`): their URLs answer 410 Gone,
 * so search engines drop them at once instead of retrying a 404. Read by
 * the proxy in front of every article URL, so the set lives in memory and
 * is reloaded in the background at most once per {@link REFRESH_MS}: a
 * takedown shows within about a second, and an article request never waits
 * on the database (only the very first one after start does).
 */

const REFRESH_MS = 1_000;

type Retired = { ids: Set<string>; loadedAt: number; loading: Promise<void> | null };
type Global = typeof globalThis & { __kijiRetired?: Retired };

async function load(state: Retired): Promise<void> {
  const db = await getDb();
  const rows = await db.selectFrom('articles').select('id').where('status', '=', 'unpublished').execute();
  state.ids = new Set(rows.map((r) => r.id));
  state.loadedAt = Date.now();
}

/** Whether the article with this id was published and then taken down. */
export async function isArticleRetired(id: string): Promise<boolean> {
  const g = globalThis as Global;
  const state = (g.__kijiRetired ??= { ids: new Set(), loadedAt: 0, loading: null });
  if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
    state.loading = load(state)
      .catch((error: unknown) => console.error('Kiji: could not reload retired articles', error))
      .finally(() => {
        state.loading = null;
      });
  }
  if (state.loadedAt === 0 && state.loading) await state.loading;
  return state.ids.has(id);
}
