import type { Kysely } from 'kysely';
import type { Database, MailOutboxTable, OutboxStatus } from '../db/schema';
import type { MailContent } from './templates';
import { createToken } from './tokens';

type Db = Kysely<Database>;

/** A mail in the outbox as editors and the dev mailbox see it. */
export type OutboxMail = {
  id: string;
  kind: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

/**
 * Writes a mail to the outbox, inside the caller's transaction: the mail
 * exists exactly when the change that asked for it does, and the worker
 * sends it later (an SMTP outage delays mail, it never loses it).
 */
export async function enqueueMail(db: Db, mail: { from: string; to: string; content: MailContent; now: Date; id?: string }): Promise<string> {
  // A caller that records the mail elsewhere first (an edition's delivery record) chooses its id.
  const id = mail.id ?? createToken(16);
  const now = mail.now.toISOString();
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      kind: mail.content.kind,
      from_address: mail.from,
      to_address: mail.to,
      subject: mail.content.subject,
      text_body: mail.content.text,
      html_body: mail.content.html,
      headers: JSON.stringify(mail.content.headers),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return id;
}

/** Stops mail that has not gone out yet to an address that just unsubscribed (a confirmation still queued, say). */
export async function cancelPendingMail(db: Db, to: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'cancelled' }).where('to_address', '=', to).where('status', '=', 'pending').execute();
}

/** Shapes an outbox row for display. */
export function toOutboxMail(row: MailOutboxTable): OutboxMail {
  return {
    id: row.id,
    kind: row.kind,
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: JSON.parse(row.headers) as Record<string, string>,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** The newest mails in the outbox, newest first (the dev mailbox; the newsroom later). */
export async function listOutbox(db: Db, options: { limit: number; to?: string }): Promise<OutboxMail[]> {
  let query = db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit);
  if (options.to) query = query.where('to_address', '=', options.to);
  return (await query.execute()).map(toOutboxMail);
}
