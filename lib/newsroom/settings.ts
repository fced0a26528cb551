import { z } from 'zod';
import { parseSettings, readSettings } from '../config';
import { trustedProxyHopsSetting } from '../http/client-address';

const schema = z.object({
  KIJI_SECRET: z.string().min(32, 'KIJI_SECRET must be at least 32 characters').optional(),
  KIJI_TRUSTED_PROXY_HOPS: trustedProxyHopsSetting,
  KIJI_INTERNAL_URL: z.url().optional(),
});

export type NewsroomSettings = {
  /** HMAC key for CSRF tokens and preview links; when unset one is generated and kept in the database. */
  secret: string | undefined;
  /** Proxies in front of the server that append to X-Forwarded-For (0 = none: the address Next.js saw). */
  trustedProxyHops: number;
  /** Whether cookies carry `Secure` (the site is served over https). */
  secureCookies: boolean;
  /** A public https deployment: refuses the demo password (see isPublicDeployment). */
  publicDeployment: boolean;
  /** Where this server reaches itself: the scheduler's route, and warming pages after a publish. */
  internalUrl: string;
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A site served over https at a name other than this machine is a real
 * deployment: the embedded demo (http://localhost, the e2e server) is not.
 */
export function isPublicDeployment(siteUrl: string): boolean {
  const url = new URL(siteUrl);
  return url.protocol === 'https:' && !LOOPBACK.test(url.hostname);
}

/** The newsroom's settings (see .env.example), read from the environment. */
export function readNewsroomSettings(env: Record<string, string | undefined> = process.env): NewsroomSettings {
  const settings = parseSettings(schema, env);
  const { siteUrl } = readSettings(env);
  const port = env.PORT && /^\d+$/.test(env.PORT) ? env.PORT : '3000';
  return {
    secret: settings.KIJI_SECRET,
    trustedProxyHops: settings.KIJI_TRUSTED_PROXY_HOPS,
    secureCookies: siteUrl.startsWith('https:'),
    publicDeployment: isPublicDeployment(siteUrl),
    internalUrl: (settings.KIJI_INTERNAL_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
  };
}
