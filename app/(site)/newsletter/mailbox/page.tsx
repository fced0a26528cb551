import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OutboxList } from '@/components/newsletter/outbox-list';
import { getDevMailbox } from '@/lib/newsletter';

// Per request, never cached: it shows live outbox contents.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '開発用メールボックス', robots: { index: false, follow: false }, referrer: 'no-referrer' };

/**
 * The dev mailbox: mail in the outbox, readable without an SMTP server, so
 * the whole signup can be tried on one machine. It shows live confirmation
 * and unsubscribe links, so it is off in production unless KIJI_DEV_MAILBOX=true.
 */
export default async function DevMailboxPage() {
  const mailbox = await getDevMailbox();
  if (!mailbox) notFound();
  return (
    <div className="py-6">
      <h1 className="text-2xl font-bold">開発用メールボックス</h1>
      <p className="mt-2 mb-6 text-sm leading-relaxed text-muted">
        {mailbox.smtpConfigured
          ? 'SMTP_URL が設定されています。メールは送信され、ここには送信の記録が残ります。'
          : 'SMTP_URL が未設定のため、メールは送信されずにここに残ります。本文のリンクから登録の流れを試せます。'}
        最新の50通を表示しています。
      </p>
      <OutboxList mails={mailbox.mails} />
    </div>
  );
}
