import { logger } from '../log';

/**
 * A value read from the database and kept in the server process, served
 * from memory and reloaded in the background once it is older than
 * `maxAgeMs` (stale-while-revalidate, one load at a time). Used where a
 * Next.js cached read would not do: `unstable_cache` attaches its tags and
 * lifetime to the page being rendered, and some data (the shared rails) must
 * not set the lifetime of the pages around it.
 *
 * The state lives on `globalThis` under `key`, so every server bundle that
 * includes this module shares one copy.
 */
export type RefreshingValue<T> = {
  /** The value: fresh, or stale while a reload runs; waits only when there is none. */
  get(): Promise<T>;
  /** Drops the value: the next `get` waits for a new load (after a write this process knows of). */
  forget(): void;
};

type State<T> = { value: { data: T; loadedAt: number } | null; loading: Promise<T> | null; generation: number };

export function createRefreshingValue<T>(key: string, load: () => Promise<T>, { maxAgeMs, now = Date.now }: { maxAgeMs: number; now?: () => number }): RefreshingValue<T> {
  const slot = Symbol.for(`kiji.refreshing-value.${key}`);
  const g = globalThis as typeof globalThis & Record<symbol, State<T> | undefined>;
  const state = (): State<T> => (g[slot] ??= { value: null, loading: null, generation: 0 });

  function reload(s: State<T>): Promise<T> {
    const generation = s.generation;
    const loading = load().then(
      (data) => {
        // A load that started before `forget` may hold what was just changed: it answers its callers but is not kept.
        if (s.generation === generation) s.value = { data, loadedAt: now() };
        return data;
      },
    );
    s.loading = loading;
    void loading
      .catch(() => undefined)
      .finally(() => {
        if (s.loading === loading) s.loading = null;
      });
    return loading;
  }

  return {
    async get() {
      const s = state();
      if (!s.value) return s.loading ?? reload(s);
      if (now() - s.value.loadedAt > maxAgeMs && !s.loading) {
        reload(s).catch((error: unknown) => logger('cache').error({ err: error, value: key }, 'could not reload a value; serving the previous one'));
      }
      return s.value.data;
    },
    forget() {
      const s = state();
      s.generation += 1;
      s.value = null;
      s.loading = null;
    },
  };
}
