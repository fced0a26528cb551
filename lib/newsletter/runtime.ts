import { getDatabase } from '../db/global';
import { onShutdown } from '../ops/shutdown';
import { readNewsletterSettings } from './settings';
import { createSmtpTransport, OutboxWorker } from './worker';

type Global = typeof globalThis & { __kijiOutboxWorker?: OutboxWorker };

/**
 * Starts this process's outbox worker (instrumentation.ts, after the
 * database is ready). Without SMTP_URL it sends nothing (mail waits in the
 * outbox, readable in the dev mailbox) and only does housekeeping. Kept on
 * globalThis: Next.js loads server code in several bundles of one process.
 */
export async function startOutboxWorker(): Promise<OutboxWorker> {
  const g = globalThis as Global;
  if (g.__kijiOutboxWorker) return g.__kijiOutboxWorker;
  const settings = readNewsletterSettings();
  const worker = new OutboxWorker({ db: await getDatabase(), transport: settings.smtpUrl ? createSmtpTransport(settings.smtpUrl) : null });
  g.__kijiOutboxWorker = worker;
  // At shutdown the batch being sent finishes (bounded by the shutdown's
  // grace); a mail cut off mid-send is retried by the next worker once its claim expires.
  worker.start();
  onShutdown('work', 'newsletter outbox', () => worker.stop());
  return worker;
}

/** Asks the worker to send what was just queued now rather than at its next poll; a no-op where none runs. */
export function nudgeOutbox(): void {
  (globalThis as Global).__kijiOutboxWorker?.nudge();
}
