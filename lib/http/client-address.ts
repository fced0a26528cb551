/**
 * The client's address from X-Forwarded-For, for every per-client limit
 * (newsroom sign-in, newsletter signup). Next.js fills the header with the
 * socket's address only when the request has none, so with no trusted proxy
 * (hops 0 or 1) the last entry is either that address or one the client made
 * up; with N trusted proxies (KIJI_TRUSTED_PROXY_HOPS), the Nth entry from the
 * end is the address the outermost trusted proxy saw. IPv4-mapped IPv6 is
 * written as plain IPv4 so one client has one spelling. Null when there is none.
 */
export function readClientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - Math.max(1, trustedHops))];
  return entry ? entry.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').toLowerCase() : null;
}

/**
 * KIJI_TRUSTED_PROXY_HOPS: how many proxies in front of the server append to
 * X-Forwarded-For (0, the default: none, the address Next.js saw). Read by
 * every per-client limit and the rankings' visitor hash; 0 when unset or
 * not a whole number from 0 to 5 (the settings modules reject those at start).
 */
export function readTrustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.KIJI_TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 5 ? hops : 0;
}
