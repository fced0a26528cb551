import { hostname } from 'node:os';
import type { ExpressionBuilder, Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema';
import { toOutboxMail, type OutboxMail } from './outbox';
import { pruneRateLimits } from '../http/rate-limit';
import { pruneConfirmations } from './service';
import { createToken } from './tokens';
import { reportBackgroundError } from '../db/errors';
import { logger } from '../log';

type Db = Kysely<Database>;

/** Something that delivers one mail; throws on failure (`responseCode` 5xx = permanent). */
export type MailTransport = { send(mail: OutboxMail & { messageId: string }): Promise<void>; close?(): void };

/** SMTP through nodemailer, from an smtp:// or smtps:// URL (SMTP_URL). */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Fail fast on a dead server: the outbox retries, and a claim must not outlive its lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
      });
    },
    close: () => transporter.close(),
  };
}

export type WorkerOptions = {
  db: Db;
  /** Null: nothing is sent (no SMTP_URL); mail waits in the outbox and housekeeping still runs. */
  transport: MailTransport | null;
  /** The clock, injectable so tests can step over retry delays. */
  now?: () => Date;
  batchSize?: number;
  /** How long a claim holds before another worker may take the mail over (a crashed instance's mail is not stuck). */
  leaseMs?: number;
  pollMs?: number;
};

export type RunResult = { sent: number; retried: number; failed: number };

// First retry after 30 s, doubling to at most 15 min: an outage of a few
// hours costs a few dozen attempts, and mail goes out soon after it ends.
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 15 * 60_000;
const HOUSEKEEPING_MS = 3_600_000;

/** Delay before attempt `attempts + 1` after `attempts` failures. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function domainOf(address: string): string {
  return /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'kiji.localhost';
}

/**
 * Sends the outbox. Several instances sharing PostgreSQL may run one each:
 * a mail is claimed by a conditional UPDATE that only one of them can win
 * (the row must still be due when the update runs), so no mail is sent
 * twice; a claim expires after `leaseMs`, so a crashed instance's mail is
 * retried by another.
 */
export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${createToken(6)}`;
  private readonly db: Db;
  private readonly transport: MailTransport | null;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private nudged = false;
  private lastHousekeeping = 0;

  constructor(options: WorkerOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 10;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 5_000;
  }

  /** Claims and sends what is due, once. */
  async runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, retried: 0, failed: 0 };
    if (!this.transport) return result;
    for (const mail of await this.claim()) {
      try {
        await this.transport.send({ ...mail, messageId: `<${mail.id}@${domainOf(mail.from)}>` });
        await this.finish(mail.id, { status: 'sent', sent_at: this.now().toISOString(), message_id: `<${mail.id}@${domainOf(mail.from)}>`, last_error: null });
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isPermanent(error)) {
          await this.finish(mail.id, { status: 'failed', last_error: message.slice(0, 500) });
          result.failed++;
        } else {
          const next = new Date(this.now().getTime() + retryDelayMs(mail.attempts)).toISOString();
          await this.finish(mail.id, { status: 'pending', next_attempt_at: next, last_error: message.slice(0, 500) });
          result.retried++;
        }
      }
    }
    return result;
  }

  private due(nowIso: string) {
    return (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('claim_expires_at', '<=', nowIso)]),
      ]);
  }

  private async claim(): Promise<OutboxMail[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    const claimed: string[] = [];
    const lost = new Set<string>();
    // Another instance may win every row we picked; then look again past them.
    for (let round = 0; round < 3 && claimed.length === 0; round++) {
      let query = this.db.selectFrom('mail_outbox').select('id').where(this.due(nowIso));
      if (lost.size > 0) query = query.where('id', 'not in', [...lost]);
      const candidates = await query.orderBy('created_at').orderBy('id').limit(this.batchSize).execute();
      if (candidates.length === 0) break;
      for (const { id } of candidates) {
        // The same condition again, inside the UPDATE: whoever updates first
        // changes the row so it no longer matches, and the other gets 0 rows.
        const won = await this.db
          .updateTable('mail_outbox')
          .set((eb) => ({
            status: 'sending',
            claimed_by: this.id,
            claim_expires_at: new Date(now.getTime() + this.leaseMs).toISOString(),
            attempts: eb('attempts', '+', 1),
          }))
          .where('id', '=', id)
          .where(this.due(nowIso))
          .executeTakeFirst();
        if (Number(won.numUpdatedRows) === 1) claimed.push(id);
        else lost.add(id);
      }
    }
    if (claimed.length === 0) return [];
    const rows = await this.db.selectFrom('mail_outbox').selectAll().where('id', 'in', claimed).where('claimed_by', '=', this.id).orderBy('created_at').execute();
    return rows.map(toOutboxMail);
  }

  private async finish(
    id: string,
    update: { status: 'sent' | 'failed' | 'pending'; sent_at?: string; message_id?: string; next_attempt_at?: string; last_error: string | null },
  ) {
    await this.db
      .updateTable('mail_outbox')
      .set({ ...update, claimed_by: null, claim_expires_at: null })
      .where('id', '=', id)
      .where('claimed_by', '=', this.id)
      .execute();
  }

  private async housekeeping(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastHousekeeping < HOUSEKEEPING_MS) return;
    this.lastHousekeeping = now.getTime();
    await pruneRateLimits(this.db, now);
    await pruneConfirmations(this.db, now);
  }

  private async tick(): Promise<void> {
    try {
      await this.housekeeping();
      // Keep going while batches come back full: a backlog drains at once.
      for (;;) {
        const { sent, retried, failed } = await this.runOnce();
        if (sent + retried + failed > 0) logger('newsletter').info({ sent, retrying: retried, failed }, 'outbox batch done');
        if (this.stopped || sent + retried + failed < this.batchSize) break;
      }
    } catch (error) {
      reportBackgroundError('newsletter', 'outbox worker pass failed', error);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) return this.schedule(this.pollMs);
      this.nudged = false;
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule(this.nudged ? 0 : this.pollMs);
      });
    }, delayMs);
    // Never keep a process alive just to poll.
    this.timer.unref();
  }

  /** Polls every `pollMs` until stopped. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs a pass soon (new mail was just queued), instead of at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.nudged = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close?.();
  }
}
