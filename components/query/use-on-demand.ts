import { useCallback, useRef, useState } from 'react';

/**
 * A module's default export, loaded the first time `load` is called rather
 * than with the page: for code a reader may never need (React Query's
 * fetching, behind a carousel's end or a form's submit). `load` resolves to
 * the export, rejects when the script cannot be fetched (the next call tries
 * again), and the component re-renders with `loaded` once it is there.
 */
export function useOnDemand<T>(importer: () => Promise<{ default: T }>): { loaded: T | null; load: () => Promise<T> } {
  const [loaded, setLoaded] = useState<T | null>(null);
  const pending = useRef<Promise<T> | null>(null);
  const importerRef = useRef(importer);
  const load = useCallback(() => {
    pending.current ??= importerRef.current().then(
      (module) => {
        setLoaded(() => module.default);
        return module.default;
      },
      (error: unknown) => {
        pending.current = null;
        throw error;
      },
    );
    return pending.current;
  }, []);
  return { loaded, load };
}
