import type { RateLimit } from '../http/rate-limit';

/**
 * Signup limits. Per client (IPv4 address or IPv6 /64): a household or office
 * behind one address can still sign several people up. Per address: stops
 * anyone from using the form to flood one inbox with confirmation mails.
 */
export const SIGNUP_LIMITS = {
  perClient: { name: 'client', max: 10, windowSeconds: 600 },
  perAddress: { name: 'address', max: 3, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

export const RATE_LIMIT_MESSAGE = '短時間に多くのお申し込みがありました。しばらく時間をおいてから、もう一度お試しください。';
