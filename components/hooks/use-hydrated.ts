import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * False on the server and while the page hydrates, true once the component
 * runs in the browser: for controls that can do nothing without their script,
 * so they stay hidden (keeping their space) until then. A store rather than an
 * effect that sets state: hydration still sees the server's value, and a
 * component mounted by a client-side navigation is ready in its first render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}
