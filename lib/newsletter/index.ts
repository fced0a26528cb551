import 'server-only';
import { readSettings } from '../config';
import { getDb } from '../db';
import { listOutbox, type OutboxMail } from './outbox';
import { nudgeOutbox } from './runtime';
import { peekConfirmation, peekUnsubscribe, type ConfirmState } from './service';
import { readNewsletterSettings } from './settings';
import { getSigningSecret } from './tokens';
import { tokenSchema } from './validation';
import type { NewsletterHttpDeps } from './http';
import type { SendContext } from './editions';

/** The newsletter for pages and route handlers: bound to this process's database and settings. */

/** What sending an edition needs (the newsroom's send command, ADR 0044): this process's database, the time, the origin, the sender and the unsubscribe key. */
export async function getEditionSendContext(): Promise<SendContext> {
  const db = await getDb();
  return { db, now: new Date(), siteUrl: readSettings().siteUrl, mailFrom: readNewsletterSettings().mailFrom, secret: await getSigningSecret(db) };
}

/** What the route handlers in app/api/newsletter need. */
export async function getNewsletterDeps(): Promise<NewsletterHttpDeps> {
  const { siteUrl } = readSettings();
  const { mailFrom, proxyHops } = readNewsletterSettings();
  return { db: await getDb(), siteUrl, mailFrom, proxyHops, onQueued: nudgeOutbox };
}

/** What the confirmation link would do (the page shows it, and a button that POSTs). Reads only. */
export async function getConfirmationState(token: string | undefined): Promise<ConfirmState> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return 'invalid';
  return peekConfirmation(await getDb(), parsed.data, new Date());
}

/** Who an unsubscribe link is for (masked) and whether they are still subscribed; null for a link we did not make. */
export async function getUnsubscribeState(token: string | undefined) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const db = await getDb();
  return peekUnsubscribe({ db, secret: await getSigningSecret(db) }, parsed.data);
}

/** Whether the dev mailbox may be shown (KIJI_DEV_MAILBOX; off in production by default). */
export function isDevMailboxEnabled(): boolean {
  return readNewsletterSettings().devMailbox;
}

/** The newest outbox mail for the dev mailbox page; null when that page is switched off. */
export async function getDevMailbox(limit = 50): Promise<{ mails: OutboxMail[]; smtpConfigured: boolean } | null> {
  if (!isDevMailboxEnabled()) return null;
  return { mails: await listOutbox(await getDb(), { limit }), smtpConfigured: Boolean(readNewsletterSettings().smtpUrl) };
}

export { CONSENT_WORDINGS, CURRENT_CONSENT_VERSION, type SignupPlacement } from './consent';
export { HTTP_MESSAGES, handleConfirm, handleSignup, handleUnsubscribe } from './http';
export { NEWSLETTER_ENDPOINTS, NEWSLETTER_PAGES, withToken } from './paths';
export type { ConfirmState } from './service';
export type { OutboxMail } from './outbox';
export { nudgeOutbox };
