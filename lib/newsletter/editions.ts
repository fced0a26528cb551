import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { articlePath } from '../content/urls';
import type { Database, OutboxStatus } from '../db/schema';
import { listDeskCandidates, selectDeskArticles, toDeskArticle, type CandidateRules, type DeskArticleRow } from '../newsroom/desk-articles';
import {
  EDITION_LIMITS,
  EDITION_MESSAGES,
  EditionError,
  NOT_PUBLIC,
  decideSendProblems,
  isEditionId,
  quote,
  type Edition,
  type EditionArticle,
  type EditionDelivery,
  type EditionListItem,
} from './edition-rules';
import { enqueueMail } from './outbox';
import { buildNewsletterLinks, editionMail, type EditionMailInput, type MailContent } from './templates';
import { createToken, createUnsubscribeToken } from './tokens';

/**
 * Newsletter editions (docs/adr/0044-newsletter-editions.md): a
 * subject, an intro and chosen public articles, drafted in the newsroom and
 * sent once, through the outbox, to every confirmed subscriber. Who may
 * draft and who may send is lib/newsroom's (roles.ts); this module keeps
 * the edition, decides what may go out and queues the mail.
 */

type Db = Kysely<Database>;

/** The body of a create or save; anything else is the newsroom's 入力内容を確認してください。 */
export const editionInputSchema = z.object({
  subject: z.string().max(1000),
  intro: z.string().max(20_000),
  // Bounded before the count check, so an absurd body is refused without a query.
  articleIds: z.array(z.string().max(64)).max(100),
});
export type EditionInput = z.infer<typeof editionInputSchema>;

/** The subject as stored: trimmed, one line, within its limit; throws EditionError otherwise. */
function toSubject(subject: string): string {
  const trimmed = subject.trim();
  // A line break in a subject could start a header of its own in the mail.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new EditionError(EDITION_MESSAGES.subjectLine, 400);
  if ([...trimmed].length > EDITION_LIMITS.subject) throw new EditionError(EDITION_MESSAGES.subjectLength, 400);
  return trimmed;
}

function toIntro(intro: string): string {
  const text = intro.replaceAll('\r\n', '\n').trim();
  if ([...text].length > EDITION_LIMITS.intro) throw new EditionError(EDITION_MESSAGES.introLength, 400);
  return text;
}

type ArticleRow = DeskArticleRow & { standfirst: string | null };

function toEditionArticle(row: ArticleRow, now: Date): EditionArticle {
  return { ...toDeskArticle(row, now), standfirst: row.standfirst, path: articlePath(row.id) };
}

/**
 * Checks the chosen ids before anything is written: each a real article,
 * each once, at most EDITION_LIMITS.articles, and public now (a draft is
 * never offered; an id for one is forged or stale).
 */
async function checkArticleIds(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length > EDITION_LIMITS.articles) throw new EditionError(EDITION_MESSAGES.tooMany, 400);
  if (ids.some((id) => !isArticleId(id))) throw new EditionError(EDITION_MESSAGES.articleNotFound, 404);
  if (ids.length === 0) return;
  const rows = await selectDeskArticles(db).where('articles.id', 'in', ids).execute();
  const found = new Map(rows.map((r) => [r.id, toEditionArticle(r, now)]));
  const seen = new Set<string>();
  for (const id of ids) {
    const article = found.get(id);
    if (!article) throw new EditionError(EDITION_MESSAGES.articleNotFound, 404);
    if (seen.has(id)) throw new EditionError(`${quote(article.headline)}が二度選ばれています。一つの記事は一度だけ載せられます。`, 400);
    seen.add(id);
    if (!article.visible) throw new EditionError(`${quote(article.headline)}は${NOT_PUBLIC[article.status]}です。公開中の記事だけを選べます。`, 400);
  }
}

async function writeArticles(trx: Transaction<Database>, editionId: string, ids: string[]): Promise<void> {
  await trx.deleteFrom('newsletter_edition_articles').where('edition_id', '=', editionId).execute();
  if (ids.length > 0) {
    await trx
      .insertInto('newsletter_edition_articles')
      .values(ids.map((article_id, position) => ({ edition_id: editionId, position, article_id })))
      .execute();
  }
}

/**
 * A new draft edition from the editor's first save. An empty subject or no
 * articles yet is fine for a draft (sending asks for both); what is stored
 * is checked as {@link saveEdition} checks it.
 */
export async function createEdition(db: Db, input: EditionInput & { editorId: string }, now = new Date()): Promise<{ id: string; revision: number }> {
  const subject = toSubject(input.subject);
  const intro = toIntro(input.intro);
  await checkArticleIds(db, input.articleIds, now);
  const id = createToken(12);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('newsletter_editions')
      .values({ id, subject, intro, status: 'draft', revision: 1, created_by: input.editorId, updated_by: input.editorId, sent_by: null, created_at: at, updated_at: at, sent_at: null, recipients: null })
      .execute();
    await writeArticles(trx, id, input.articleIds);
  });
  return { id, revision: 1 };
}

/**
 * Saves a draft edition over `baseRevision`, the one the editor's form was
 * loaded with: a save from a stale form is refused (409) rather than
 * overwriting another editor's work, and a sent edition never changes.
 */
export async function saveEdition(
  db: Db,
  input: EditionInput & { id: string; baseRevision: number; editorId: string },
  now = new Date(),
): Promise<{ revision: number }> {
  if (!isEditionId(input.id)) throw new EditionError(EDITION_MESSAGES.notFound, 404);
  const subject = toSubject(input.subject);
  const intro = toIntro(input.intro);
  await checkArticleIds(db, input.articleIds, now);
  return db.transaction().execute(async (trx) => {
    // The condition is the claim: of two saves over one revision, one updates the row and the other finds it moved on.
    const updated = await trx
      .updateTable('newsletter_editions')
      .set({ subject, intro, revision: input.baseRevision + 1, updated_by: input.editorId, updated_at: now.toISOString() })
      .where('id', '=', input.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.baseRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw await explainRefusal(trx, input.id, EDITION_MESSAGES.stale);
    await writeArticles(trx, input.id, input.articleIds);
    return { revision: input.baseRevision + 1 };
  });
}

/** Why a conditional update of an edition matched nothing: gone, sent, or changed since. */
async function explainRefusal(db: Db, id: string, changed: string): Promise<EditionError> {
  const row = await db.selectFrom('newsletter_editions').select('status').where('id', '=', id).executeTakeFirst();
  if (!row) return new EditionError(EDITION_MESSAGES.notFound, 404);
  if (row.status === 'sent') return new EditionError(EDITION_MESSAGES.alreadySent, 409);
  return new EditionError(changed, 409);
}

async function readDelivery(db: Db, editionIds: string[]): Promise<Map<string, EditionDelivery>> {
  const result = new Map<string, EditionDelivery>();
  if (editionIds.length === 0) return result;
  const rows = await db
    .selectFrom('newsletter_edition_mails')
    .innerJoin('mail_outbox', 'mail_outbox.id', 'newsletter_edition_mails.outbox_id')
    .select(['newsletter_edition_mails.edition_id', 'mail_outbox.status', (eb) => eb.fn.countAll<number | string>().as('mails')])
    .where('newsletter_edition_mails.edition_id', 'in', editionIds)
    .groupBy(['newsletter_edition_mails.edition_id', 'mail_outbox.status'])
    .execute();
  for (const row of rows) {
    const counts = result.get(row.edition_id) ?? { sent: 0, pending: 0, failed: 0, cancelled: 0 };
    counts[toDeliveryKey(row.status)] += Number(row.mails);
    result.set(row.edition_id, counts);
  }
  return result;
}

function toDeliveryKey(status: OutboxStatus): keyof EditionDelivery {
  return status === 'sending' ? 'pending' : status;
}

const NO_DELIVERY: EditionDelivery = { sent: 0, pending: 0, failed: 0, cancelled: 0 };

/** The newest editions first, with their article counts and delivery. */
export async function listEditions(db: Db, limit = 50): Promise<EditionListItem[]> {
  const rows = await db
    .selectFrom('newsletter_editions')
    .select(['id', 'subject', 'status', 'updated_at', 'sent_at', 'recipients'])
    .select((eb) =>
      eb
        .selectFrom('newsletter_edition_articles')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('newsletter_edition_articles.edition_id', '=', 'newsletter_editions.id')
        .as('article_count'),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  const delivery = await readDelivery(db, rows.filter((r) => r.status === 'sent').map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    status: r.status,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    recipients: r.recipients,
    articleCount: Number(r.article_count ?? 0),
    delivery: delivery.get(r.id) ?? NO_DELIVERY,
  }));
}

/** One edition with its articles (whatever their status now) and delivery; null for an unknown or malformed id. */
export async function getEdition(db: Db, id: string, now = new Date()): Promise<Edition | null> {
  if (!isEditionId(id)) return null;
  const row = await db
    .selectFrom('newsletter_editions')
    .leftJoin('editors as creator', 'creator.id', 'newsletter_editions.created_by')
    .leftJoin('editors as updater', 'updater.id', 'newsletter_editions.updated_by')
    .leftJoin('editors as sender', 'sender.id', 'newsletter_editions.sent_by')
    .selectAll('newsletter_editions')
    .select(['creator.name as created_by_name', 'updater.name as updated_by_name', 'sender.name as sent_by_name'])
    .where('newsletter_editions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [articles, delivery] = await Promise.all([
    selectDeskArticles(db)
      .innerJoin('newsletter_edition_articles', 'newsletter_edition_articles.article_id', 'articles.id')
      .where('newsletter_edition_articles.edition_id', '=', id)
      .orderBy('newsletter_edition_articles.position')
      .execute(),
    readDelivery(db, [id]),
  ]);
  return {
    id: row.id,
    subject: row.subject,
    intro: row.intro,
    status: row.status,
    revision: row.revision,
    articles: articles.map((a) => toEditionArticle(a, now)),
    createdBy: row.created_by_name,
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at,
    sentBy: row.sent_by_name,
    sentAt: row.sent_at,
    recipients: row.recipients,
    delivery: delivery.get(id) ?? NO_DELIVERY,
  };
}

/** How many recent public articles the editor offers to pick from (it filters them by headline). */
export const EDITION_CANDIDATES = 200;

/** An edition carries only what readers see now: the picker offers nothing else (a forged id for a draft is refused on save). */
const CANDIDATE_RULES: CandidateRules = { offer: 'public', limit: EDITION_CANDIDATES };

/** The newest public articles, for the editor's picker. */
export async function listEditionCandidates(db: Db, now = new Date()): Promise<EditionArticle[]> {
  return (await listDeskCandidates(db, CANDIDATE_RULES, now)).map((r) => toEditionArticle(r, now));
}

/** Confirmed subscribers: the addresses an edition sent now would go to. */
export async function countConfirmedSubscribers(db: Db): Promise<number> {
  const row = await db.selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'active').executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** An edition as its mail shows it, links made absolute with the public origin (SITE_URL). */
export function toEditionMailInput(edition: Pick<Edition, 'subject' | 'intro' | 'articles'>, siteUrl: string): EditionMailInput {
  return {
    subject: edition.subject,
    intro: edition.intro,
    articles: edition.articles.map((a) => ({ headline: a.headline, standfirst: a.standfirst, url: siteUrl + a.path })),
  };
}

/** The token the preview's 配信停止 links carry in place of a subscriber's: a link we never signed, so it unsubscribes no one. */
export const PREVIEW_UNSUBSCRIBE_TOKEN = 'preview';

/**
 * The mail exactly as a subscriber gets it, but for the unsubscribe links,
 * which are each subscriber's own (the preview's lead to an invalid link).
 */
export function previewEditionMail(edition: Pick<Edition, 'subject' | 'intro' | 'articles'>, siteUrl: string): MailContent {
  return editionMail(toEditionMailInput(edition, siteUrl), buildNewsletterLinks(siteUrl, { unsubscribe: PREVIEW_UNSUBSCRIBE_TOKEN }));
}

/** What sending needs besides the database: the time, the public origin, the sender and the unsubscribe signing key. */
export type SendContext = { db: Db; now: Date; siteUrl: string; mailFrom: string; secret: string };

// Subscribers are read and queued this many at a time, inside the one transaction.
const SEND_BATCH = 200;

/**
 * Queues one mail of `editionId` for each of `subscribers`, inside the
 * caller's transaction. The delivery record is written first and keyed by
 * edition and subscriber: a subscriber already mailed this edition is
 * skipped, so calling this twice (a retried send, a second instance) never
 * mails anyone twice. Returns how many mails it queued.
 */
export async function enqueueEditionMails(
  trx: Transaction<Database>,
  ctx: Omit<SendContext, 'db'>,
  editionId: string,
  mail: EditionMailInput,
  subscribers: { id: string; email: string }[],
): Promise<number> {
  if (subscribers.length === 0) return 0;
  const outboxIds = new Map(subscribers.map((s) => [s.id, createToken(16)]));
  const at = ctx.now.toISOString();
  const recorded = await trx
    .insertInto('newsletter_edition_mails')
    .values(subscribers.map((s) => ({ edition_id: editionId, subscriber_id: s.id, outbox_id: outboxIds.get(s.id)!, created_at: at })))
    .onConflict((oc) => oc.columns(['edition_id', 'subscriber_id']).doNothing())
    .returning('subscriber_id')
    .execute();
  const fresh = new Set(recorded.map((r) => r.subscriber_id));
  for (const subscriber of subscribers) {
    if (!fresh.has(subscriber.id)) continue;
    const links = buildNewsletterLinks(ctx.siteUrl, { unsubscribe: createUnsubscribeToken(ctx.secret, subscriber.id) });
    await enqueueMail(trx, { id: outboxIds.get(subscriber.id), from: ctx.mailFrom, to: subscriber.email, content: editionMail(mail, links), now: ctx.now });
  }
  return fresh.size;
}

/**
 * Sends a draft edition: checks it can go (a subject, at least one article,
 * every article public now), marks it sent and queues one mail per
 * confirmed subscriber, all in one transaction, then the outbox worker
 * delivers with its retries. `revision` is the one the desk confirmed: an
 * edition changed since is refused, so what goes out is what was checked.
 * Marking it sent is a conditional update, so of two sends (a double click,
 * two desks, two instances) one wins and the other is told it is sent; the
 * delivery record's key keeps anyone from being mailed twice regardless.
 */
export async function sendEdition(ctx: SendContext, input: { id: string; revision: number; editorId: string }): Promise<{ recipients: number }> {
  if (!isEditionId(input.id)) throw new EditionError(EDITION_MESSAGES.notFound, 404);
  return ctx.db.transaction().execute(async (trx) => {
    const edition = await getEdition(trx, input.id, ctx.now);
    if (!edition) throw new EditionError(EDITION_MESSAGES.notFound, 404);
    if (edition.status === 'sent') throw new EditionError(EDITION_MESSAGES.alreadySent, 409);
    if (edition.revision !== input.revision) throw new EditionError(EDITION_MESSAGES.changedBeforeSend, 409);
    const problems = decideSendProblems(edition);
    if (problems.length > 0) throw new EditionError(problems.join(''), 400);
    const claimed = await trx
      .updateTable('newsletter_editions')
      .set({ status: 'sent', sent_at: ctx.now.toISOString(), sent_by: input.editorId })
      .where('id', '=', input.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw await explainRefusal(trx, input.id, EDITION_MESSAGES.changedBeforeSend);
    const mail = toEditionMailInput(edition, ctx.siteUrl);
    let recipients = 0;
    let after = '';
    for (;;) {
      const batch = await trx
        .selectFrom('newsletter_subscribers')
        .select(['id', 'email'])
        .where('status', '=', 'active')
        .where('id', '>', after)
        .orderBy('id')
        .limit(SEND_BATCH)
        .execute();
      if (batch.length === 0) break;
      recipients += await enqueueEditionMails(trx, ctx, input.id, mail, batch);
      after = batch[batch.length - 1]!.id;
    }
    if (recipients === 0) throw new EditionError(EDITION_MESSAGES.noSubscribers, 409);
    await trx.updateTable('newsletter_editions').set({ recipients }).where('id', '=', input.id).execute();
    return { recipients };
  });
}
