import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { CONSENT_WORDINGS, type ConsentVersion, type SignupPlacement } from './consent';
import { maskEmail } from './email';
import { cancelPendingMail, enqueueMail } from './outbox';
import { alreadySubscribedMail, buildNewsletterLinks, confirmationMail, welcomeMail } from './templates';
import { createToken, createUnsubscribeToken, hashToken, readUnsubscribeToken } from './tokens';

type Db = Kysely<Database>;

/** What every newsletter operation needs: the database, the time, where links point and who mail is from. */
export type NewsletterContext = { db: Db; now: Date; siteUrl: string; mailFrom: string; secret: string };

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_HOURS = 48;

/** What a signup did. Never shown to the requester: the reply is the same for all four. */
export type SignupOutcome = 'created' | 'resent' | 'resubscribed' | 'already-active';

export type ConfirmState = 'valid' | 'already-confirmed' | 'expired' | 'used' | 'invalid';
export type ConfirmOutcome = Exclude<ConfirmState, 'valid'> | 'confirmed';
export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'invalid';

function linksFor(ctx: NewsletterContext, subscriberId: string, confirmToken?: string) {
  return buildNewsletterLinks(ctx.siteUrl, { confirm: confirmToken, unsubscribe: createUnsubscribeToken(ctx.secret, subscriberId) });
}

async function recordConsent(
  trx: Transaction<Database>,
  ctx: NewsletterContext,
  entry: { subscriberId: string; email: string; event: 'requested' | 'confirmed' | 'unsubscribed'; ipHash: string | null; consent?: ConsentVersion; placement?: SignupPlacement },
) {
  await trx
    .insertInto('newsletter_consents')
    .values({
      id: createToken(16),
      subscriber_id: entry.subscriberId,
      event: entry.event,
      email: entry.email,
      form_version: entry.consent ?? null,
      placement: entry.placement ?? null,
      wording: entry.consent ? CONSENT_WORDINGS[entry.consent] : null,
      ip_hash: entry.ipHash,
      created_at: ctx.now.toISOString(),
    })
    .execute();
}

/**
 * A signup from a form: confirmed opt-in. A new or unsubscribed address
 * becomes pending with a consent record and gets a confirmation mail with a
 * fresh single-use link; a pending one gets a new link (earlier links keep
 * working until they expire); an address already on the list gets a note
 * saying so instead, so the form's reply never tells anyone which addresses
 * are known. `email` must be normalised (lib/newsletter/email.ts).
 */
export async function requestSubscription(
  ctx: NewsletterContext,
  input: { email: string; consent: ConsentVersion; placement: SignupPlacement; ipHash: string | null },
): Promise<SignupOutcome> {
  const now = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('newsletter_subscribers')
      .values({ id: createToken(16), email: input.email, status: 'pending', created_at: now, updated_at: now, confirmed_at: null, unsubscribed_at: null })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    const subscriber = await trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', input.email).executeTakeFirstOrThrow();

    if (subscriber.status === 'active') {
      await enqueueMail(trx, { from: ctx.mailFrom, to: subscriber.email, content: alreadySubscribedMail(linksFor(ctx, subscriber.id)), now: ctx.now });
      return 'already-active';
    }
    if (subscriber.status === 'unsubscribed') {
      await trx.updateTable('newsletter_subscribers').set({ status: 'pending', updated_at: now }).where('id', '=', subscriber.id).execute();
    }
    await recordConsent(trx, ctx, { subscriberId: subscriber.id, email: subscriber.email, event: 'requested', ipHash: input.ipHash, consent: input.consent, placement: input.placement });
    const token = createToken();
    const expiresAt = new Date(ctx.now.getTime() + CONFIRMATION_TTL_HOURS * 3_600_000);
    await trx
      .insertInto('newsletter_confirmations')
      .values({ token_hash: hashToken(token), subscriber_id: subscriber.id, created_at: now, expires_at: expiresAt.toISOString(), used_at: null })
      .execute();
    const links = linksFor(ctx, subscriber.id, token);
    await enqueueMail(trx, { from: ctx.mailFrom, to: subscriber.email, content: confirmationMail({ ...links, confirm: links.confirm! }, expiresAt), now: ctx.now });
    if (inserted) return 'created';
    return subscriber.status === 'unsubscribed' ? 'resubscribed' : 'resent';
  });
}

async function findConfirmation(db: Db, token: string) {
  return db
    .selectFrom('newsletter_confirmations')
    .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_confirmations.subscriber_id')
    .select([
      'newsletter_confirmations.token_hash',
      'newsletter_confirmations.expires_at',
      'newsletter_confirmations.used_at',
      'newsletter_subscribers.id as subscriber_id',
      'newsletter_subscribers.email',
      'newsletter_subscribers.status',
    ])
    .where('newsletter_confirmations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

function decideConfirmState(row: Awaited<ReturnType<typeof findConfirmation>>, now: Date): ConfirmState {
  if (!row) return 'invalid';
  if (row.status === 'active') return 'already-confirmed';
  if (row.used_at) return 'used';
  if (Date.parse(row.expires_at) <= now.getTime()) return 'expired';
  return 'valid';
}

/** What a confirmation link would do, without doing it: the page a link opens shows this and a button. */
export async function peekConfirmation(db: Db, token: string, now: Date): Promise<ConfirmState> {
  return decideConfirmState(await findConfirmation(db, token), now);
}

/**
 * Completes a signup (the POST behind the confirmation page's button): the
 * link's token is spent, the address becomes active, the consent record gains
 * the confirmation, and a welcome mail is queued. Confirming twice is not an
 * error: it changes nothing and sends nothing.
 */
export async function confirmSubscription(ctx: NewsletterContext, token: string, ipHash: string | null): Promise<ConfirmOutcome> {
  const now = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findConfirmation(trx, token);
    const state = decideConfirmState(row, ctx.now);
    if (state !== 'valid') return state;
    if (!row) return 'invalid';
    // Spend the token first: of two concurrent POSTs only one updates the row.
    const spent = await trx
      .updateTable('newsletter_confirmations')
      .set({ used_at: now })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return 'already-confirmed';
    await trx.updateTable('newsletter_subscribers').set({ status: 'active', confirmed_at: now, updated_at: now }).where('id', '=', row.subscriber_id).execute();
    await recordConsent(trx, ctx, { subscriberId: row.subscriber_id, email: row.email, event: 'confirmed', ipHash });
    await enqueueMail(trx, { from: ctx.mailFrom, to: row.email, content: welcomeMail(linksFor(ctx, row.subscriber_id)), now: ctx.now });
    return 'confirmed';
  });
}

/** Who an unsubscribe link is for, masked, and whether they are still on the list; null for a link we did not make. */
export async function peekUnsubscribe(ctx: Pick<NewsletterContext, 'db' | 'secret'>, token: string) {
  const id = readUnsubscribeToken(ctx.secret, token);
  if (!id) return null;
  const row = await ctx.db.selectFrom('newsletter_subscribers').select(['email', 'status']).where('id', '=', id).executeTakeFirst();
  return row ? { maskedEmail: maskEmail(row.email), subscribed: row.status !== 'unsubscribed' } : null;
}

/**
 * Takes an address off the list from a signed link, no sign-in needed
 * (the page's button and RFC 8058 one-click both end here). Open
 * confirmation links stop working and queued mail to the address is
 * cancelled, so nothing more arrives.
 */
export async function unsubscribe(ctx: NewsletterContext, token: string, ipHash: string | null): Promise<UnsubscribeOutcome> {
  const id = readUnsubscribeToken(ctx.secret, token);
  if (!id) return 'invalid';
  const now = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('newsletter_subscribers').select(['id', 'email', 'status']).where('id', '=', id).executeTakeFirst();
    if (!subscriber) return 'invalid';
    const changed = await trx
      .updateTable('newsletter_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '!=', 'unsubscribed')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return 'already-unsubscribed';
    await trx.updateTable('newsletter_confirmations').set({ used_at: now }).where('subscriber_id', '=', id).where('used_at', 'is', null).execute();
    await cancelPendingMail(trx, subscriber.email);
    await recordConsent(trx, ctx, { subscriberId: id, email: subscriber.email, event: 'unsubscribed', ipHash });
    return 'unsubscribed';
  });
}

/** Drops confirmation links that expired a week ago or more (the worker's housekeeping). */
export async function pruneConfirmations(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('newsletter_confirmations')
    .where('expires_at', '<', new Date(now.getTime() - 7 * 86_400_000).toISOString())
    .execute();
}
