import { z } from 'zod';
import { flag, parseSettings } from '../config';
import { trustedProxyHopsSetting } from '../http/client-address';

const schema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL (leave it unset to keep mail in the outbox)')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kiji メールマガジン <newsletter@kiji.example>'),
  KIJI_DEV_MAILBOX: flag.optional(),
  // One setting for every per-client limit (the newsroom reads it too); 0 and 1 both take the last entry.
  KIJI_TRUSTED_PROXY_HOPS: trustedProxyHopsSetting,
  NODE_ENV: z.string().optional(),
});

export type NewsletterSettings = {
  /** Where the worker sends mail; undefined = mail stays in the outbox (the embedded default). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Whether /newsletter/mailbox shows the outbox: on in development, off in production unless KIJI_DEV_MAILBOX=true. */
  devMailbox: boolean;
  /**
   * Proxies in front of the server that append the client's address to
   * X-Forwarded-For; the client is the entry this many places from the right.
   */
  proxyHops: number;
};

/**
 * The newsletter's settings (see .env.example). Bad values throw with the
 * variable's name, so the server stops at start rather than on a reader's
 * request.
 */
export function readNewsletterSettings(env: Record<string, string | undefined> = process.env): NewsletterSettings {
  const s = parseSettings(schema, env);
  return {
    smtpUrl: s.SMTP_URL,
    mailFrom: s.MAIL_FROM,
    devMailbox: s.KIJI_DEV_MAILBOX ?? s.NODE_ENV !== 'production',
    proxyHops: s.KIJI_TRUSTED_PROXY_HOPS,
  };
}
