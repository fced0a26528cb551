import { z } from 'zod';

/**
 * The client's address from X-Forwarded-For, for every per-client limit
 * (newsroom sign-in, newsletter signup, the rankings' visitor; most of them
 * count it by {@link toClientSubject}). Next.js, as
 * patched here (patches/next+16.4.6.patch), appends the socket's peer to the
 * header the way a proxy does, so the last entry is always the machine that
 * connected; everything before it is what the client and any proxies sent.
 * With N trusted proxies (KIJI_TRUSTED_PROXY_HOPS) the client is the entry
 * N places before the last: the address the outermost trusted proxy saw.
 * With none (0, the default) it is the peer itself, whatever the client
 * wrote in the header. IPv4-mapped IPv6 is written as plain IPv4 so one
 * client has one spelling. Null when there is none.
 */
export function readClientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - 1 - trustedHops)];
  return entry ? entry.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').toLowerCase() : null;
}

/**
 * The unit a per-client rule counts: an IPv4 address, or an IPv6 /64 (one
 * home or phone gets a whole /64, so counting single IPv6 addresses limits
 * nothing: the client picks a new one per request). The newsletter's signup
 * limit and the rankings' visitor both count this.
 */
export function toClientSubject(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * KIJI_TRUSTED_PROXY_HOPS: how many proxies in front of the server append to
 * X-Forwarded-For (0, the default: none, the peer of the socket). One rule
 * for every reader of the setting: the newsroom's and the newsletter's
 * settings schemas and the rankings' visitor hash.
 */
export const trustedProxyHopsSetting = z.coerce.number().int().min(0).max(5).default(0);

/** KIJI_TRUSTED_PROXY_HOPS from the environment; a value that is not a whole number from 0 to 5 is an error. */
export function readTrustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const parsed = trustedProxyHopsSetting.safeParse(env.KIJI_TRUSTED_PROXY_HOPS || undefined);
  if (!parsed.success) throw new Error(`Invalid settings: KIJI_TRUSTED_PROXY_HOPS: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}
