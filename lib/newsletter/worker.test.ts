import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/connect';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { enqueueMail } from './outbox';
import { welcomeMail } from './templates';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/smtp-server';
import { createSmtpTransport, OutboxWorker, retryDelayMs } from './worker';

/** The outbox worker against a real SMTP server in this process (ports 2525–2526), on both engines. */

const T0 = new Date('2026-11-20T03:00:00.000Z');
const links = { unsubscribe: { page: 'https://kiji.example/newsletter/unsubscribe?token=a.b', oneClick: 'https://kiji.example/api/newsletter/unsubscribe?token=a.b' }, site: 'https://kiji.example' };
let n = 0;

describe.each([
  ['sqlite', 2525],
  ['postgres', 2526],
] as const)('outbox worker on %s', (engine, port) => {
  let conn: TestDatabase;
  let smtp: TestSmtpServer | null = null;
  const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
  const queue = async (to = `worker${++n}@example.jp`) => {
    const id = await enqueueMail(conn.db, { from: 'Kiji <news@kiji.example>', to, content: welcomeMail(links), now: T0 });
    return { id, to };
  };
  const row = (id: string) => conn.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'newsletter-worker');
    await migrateToLatest(conn);
  }, 60_000);
  afterAll(async () => {
    transport.close?.();
    await smtp?.close();
    await conn?.close();
  });

  it('keeps mail in the outbox while SMTP is down, and sends it once SMTP is back', async () => {
    const { id, to } = await queue();
    let clock = T0;
    const worker = new OutboxWorker({ db: conn.db, transport, now: () => clock });

    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, claimed_by: null, next_attempt_at: new Date(T0.getTime() + retryDelayMs(1)).toISOString() });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due again before the retry delay.
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });

    smtp = await startTestSmtpServer(port);
    clock = new Date(T0.getTime() + retryDelayMs(1));
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, sent_at: clock.toISOString(), message_id: `<${id}@kiji.example>` });
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(to));
    expect(mail.headers.get('list-unsubscribe')).toBe(`<${links.unsubscribe.oneClick}>`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers.get('message-id')).toBe(`<${id}@kiji.example>`);
    expect(mail.text).toContain(links.unsubscribe.page);
    expect(mail.text).toContain('ご登録いただき、ありがとうございます');
    // Sent means done: nothing goes out again.
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('waits longer after each failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it('gives up on a mail the server refuses for good (5xx), and keeps sending the rest', async () => {
    smtp ??= await startTestSmtpServer(port);
    const refused = await queue();
    const fine = await queue();
    smtp.rejecting.add(refused.to);
    const worker = new OutboxWorker({ db: conn.db, transport, now: () => T0 });
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 1 });
    expect(await row(refused.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(refused.id)).last_error).toMatch(/550/);
    expect((await row(fine.id)).status).toBe('sent');
  });

  it('sends each mail exactly once when two instances work the same outbox', async () => {
    smtp ??= await startTestSmtpServer(port);
    const mails = await Promise.all(Array.from({ length: 24 }, () => queue()));
    // A second instance: its own connection to the same database.
    const other = conn.openAnother();
    const a = new OutboxWorker({ db: conn.db, transport, now: () => T0, batchSize: 5 });
    const b = new OutboxWorker({ db: other.db, transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), now: () => T0, batchSize: 5 });
    const due = async () => (await conn.db.selectFrom('mail_outbox').select('id').where('status', 'in', ['pending', 'sending']).execute()).length;
    const drain = async (worker: OutboxWorker) => {
      let total = 0;
      for (let pass = 0; pass < 50 && (await due()) > 0; pass++) {
        const result = await worker.runOnce();
        expect(result).toMatchObject({ retried: 0, failed: 0 });
        total += result.sent;
      }
      return total;
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    await other.db.destroy();
    expect(byA + byB).toBe(mails.length);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    for (const { to } of mails) expect(smtp.received.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
  });

  it('takes over mail an instance claimed and never finished (it crashed)', async () => {
    smtp ??= await startTestSmtpServer(port);
    const { id, to } = await queue();
    await conn.db.updateTable('mail_outbox').set({ status: 'sending', claimed_by: 'crashed', claim_expires_at: new Date(T0.getTime() + 60_000).toISOString() }).where('id', '=', id).execute();
    const worker = new OutboxWorker({ db: conn.db, transport, now: () => T0 });
    expect((await worker.runOnce()).sent).toBe(0);
    const later = new OutboxWorker({ db: conn.db, transport, now: () => new Date(T0.getTime() + 60_000) });
    expect((await later.runOnce()).sent).toBe(1);
    await smtp.waitFor((m) => m.envelopeTo.includes(to));
  });
});
