import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/connect';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { CONSENT_WORDINGS, CURRENT_CONSENT_VERSION } from './consent';
import { listOutbox } from './outbox';
import { confirmSubscription, peekConfirmation, peekUnsubscribe, requestSubscription, unsubscribe, type NewsletterContext } from './service';
import { getSigningSecret } from './tokens';

/** Confirmed opt-in from request to unsubscribe, on both engines. */

const T0 = new Date('2026-11-20T03:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
let n = 0;
const freshAddress = () => `reader${++n}@example.jp`;

const confirmToken = (text: string) => /\/newsletter\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
const unsubscribeToken = (text: string) => decodeURIComponent(/\/newsletter\/unsubscribe\?token=([^\s&"]+)/.exec(text)?.[1] ?? '');

describe.each(['sqlite', 'postgres'] as const)('newsletter on %s', (engine) => {
  let conn: TestDatabase;
  let ctx: NewsletterContext;
  const at = (now: Date): NewsletterContext => ({ ...ctx, now });
  const signUp = (email: string, now = T0) => requestSubscription(at(now), { email, consent: CURRENT_CONSENT_VERSION, placement: 'sidebar', ipHash: 'iphash' });
  const mailsTo = async (email: string) => (await listOutbox(conn.db, { limit: 50, to: email })).reverse();
  const subscriber = (email: string) => conn.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'newsletter-service');
    await migrateToLatest(conn);
    ctx = { db: conn.db, now: T0, siteUrl: 'https://kiji.example', mailFrom: 'Kiji <news@kiji.example>', secret: await getSigningSecret(conn.db) };
  }, 60_000);
  afterAll(async () => conn?.close());

  it('stores a new address as pending with a consent record, and queues a confirmation mail', async () => {
    const email = freshAddress();
    expect(await signUp(email)).toBe('created');
    expect(await subscriber(email)).toMatchObject({ status: 'pending', confirmed_at: null });
    const consents = await conn.db.selectFrom('newsletter_consents').selectAll().where('email', '=', email).execute();
    expect(consents).toEqual([
      expect.objectContaining({ event: 'requested', form_version: CURRENT_CONSENT_VERSION, wording: CONSENT_WORDINGS[CURRENT_CONSENT_VERSION], placement: 'sidebar', ip_hash: 'iphash', created_at: T0.toISOString() }),
    ]);
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ kind: 'confirm', status: 'pending', from: 'Kiji <news@kiji.example>' });
    expect(mail!.text).toContain('https://kiji.example/newsletter/confirm?token=');
    expect(mail!.text).toContain('https://kiji.example/newsletter/unsubscribe?token=');
    expect(mail!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/kiji\.example\/api\/newsletter\/unsubscribe\?token=[^>]+>$/);
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // Only a hash of the link's token is stored.
    const rows = await conn.db.selectFrom('newsletter_confirmations').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(confirmToken(mail!.text));
  });

  it('confirms only through the POST step, once, and welcomes once', async () => {
    const email = freshAddress();
    await signUp(email);
    const token = confirmToken((await mailsTo(email))[0]!.text);
    // Opening the link (the page's read) changes nothing.
    expect(await peekConfirmation(conn.db, token, hours(1))).toBe('valid');
    expect((await subscriber(email)).status).toBe('pending');

    expect(await confirmSubscription(at(hours(1)), token, 'iphash-2')).toBe('confirmed');
    expect(await subscriber(email)).toMatchObject({ status: 'active', confirmed_at: hours(1).toISOString() });
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['confirm', 'welcome']);
    const events = await conn.db.selectFrom('newsletter_consents').select(['event', 'ip_hash']).where('email', '=', email).orderBy('created_at').execute();
    expect(events).toEqual([
      { event: 'requested', ip_hash: 'iphash' },
      { event: 'confirmed', ip_hash: 'iphash-2' },
    ]);

    expect(await confirmSubscription(at(hours(2)), token, null)).toBe('already-confirmed');
    expect(await peekConfirmation(conn.db, token, hours(2))).toBe('already-confirmed');
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['confirm', 'welcome']);
  });

  it('lets a link expire after 48 hours and leaves the address pending', async () => {
    const email = freshAddress();
    await signUp(email);
    const token = confirmToken((await mailsTo(email))[0]!.text);
    expect(await peekConfirmation(conn.db, token, hours(47.9))).toBe('valid');
    expect(await confirmSubscription(at(hours(48)), token, null)).toBe('expired');
    expect((await subscriber(email)).status).toBe('pending');
  });

  it('refuses a token it never issued', async () => {
    expect(await confirmSubscription(ctx, 'x'.repeat(43), null)).toBe('invalid');
    expect(await peekConfirmation(conn.db, 'x'.repeat(43), T0)).toBe('invalid');
  });

  it('sends a pending address a new link when asked again, and the earlier link still works', async () => {
    const email = freshAddress();
    await signUp(email);
    expect(await signUp(email, hours(1))).toBe('resent');
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.kind)).toEqual(['confirm', 'confirm']);
    expect(confirmToken(mails[0]!.text)).not.toBe(confirmToken(mails[1]!.text));
    expect(await confirmSubscription(at(hours(2)), confirmToken(mails[0]!.text), null)).toBe('confirmed');
    expect(await confirmSubscription(at(hours(2)), confirmToken(mails[1]!.text), null)).toBe('already-confirmed');
  });

  it('tells an address already on the list so by mail, without a new confirmation', async () => {
    const email = freshAddress();
    await signUp(email);
    await confirmSubscription(at(hours(1)), confirmToken((await mailsTo(email))[0]!.text), null);
    expect(await signUp(email, hours(2))).toBe('already-active');
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['confirm', 'welcome', 'already-subscribed']);
    expect((await subscriber(email)).status).toBe('active');
  });

  it('unsubscribes from the link in any mail without signing in, once', async () => {
    const email = freshAddress();
    await signUp(email);
    await confirmSubscription(at(hours(1)), confirmToken((await mailsTo(email))[0]!.text), null);
    const welcome = (await mailsTo(email))[1]!;
    const token = unsubscribeToken(welcome.text);
    expect(await peekUnsubscribe(ctx, token)).toEqual({ maskedEmail: expect.stringMatching(/^re\*+@example\.jp$/), subscribed: true });
    expect(await unsubscribe(at(hours(3)), token, 'iphash-3')).toBe('unsubscribed');
    expect(await subscriber(email)).toMatchObject({ status: 'unsubscribed', unsubscribed_at: hours(3).toISOString() });
    expect(await unsubscribe(at(hours(4)), token, null)).toBe('already-unsubscribed');
    expect(await peekUnsubscribe(ctx, token)).toMatchObject({ subscribed: false });
    // The signature is checked: another id with this signature is refused.
    expect(await unsubscribe(ctx, token.replace(/^[^.]+/, 'someone-else'), null)).toBe('invalid');
  });

  it('stops a pending signup when its owner unsubscribes from the confirmation mail', async () => {
    const email = freshAddress();
    await signUp(email);
    const [confirm] = await mailsTo(email);
    await signUp(email, hours(0.5)); // a second confirmation, still queued
    expect(await unsubscribe(at(hours(1)), unsubscribeToken(confirm!.text), null)).toBe('unsubscribed');
    expect(await confirmSubscription(at(hours(2)), confirmToken(confirm!.text), null)).toBe('used');
    expect((await subscriber(email)).status).toBe('unsubscribed');
    expect((await mailsTo(email)).map((m) => m.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('takes a returning reader back through confirmation', async () => {
    const email = freshAddress();
    await signUp(email);
    await confirmSubscription(at(hours(1)), confirmToken((await mailsTo(email))[0]!.text), null);
    await unsubscribe(at(hours(2)), unsubscribeToken((await mailsTo(email))[1]!.text), null);
    expect(await signUp(email, hours(3))).toBe('resubscribed');
    expect((await subscriber(email)).status).toBe('pending');
    const latest = (await mailsTo(email)).at(-1)!;
    expect(latest.kind).toBe('confirm');
    expect(await confirmSubscription(at(hours(4)), confirmToken(latest.text), null)).toBe('confirmed');
    expect((await subscriber(email)).status).toBe('active');
  });
});
