import type { OutboxMail } from '@/lib/newsletter';
import { formatDateline } from '@/lib/time/jst';

const STATUS_LABELS: Record<OutboxMail['status'], string> = {
  pending: '送信待ち',
  sending: '送信中',
  sent: '送信済み',
  failed: '送信失敗',
  cancelled: '取り消し',
};

/** A mail's text with its addresses as links, so the whole signup can be tried from this page. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Outbox mail, newest first: the dev mailbox now, the newsroom later. */
export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  if (mails.length === 0) return <p className="text-muted">メールはまだありません。</p>;
  return (
    <ol className="space-y-4">
      {mails.map((mail) => (
        <li key={mail.id} className="border border-rule" data-testid="outbox-mail">
          <details>
            <summary className="cursor-pointer px-4 py-3">
              <span className="mr-2 inline-block bg-paper px-1.5 text-xs font-semibold">{STATUS_LABELS[mail.status]}</span>
              <span className="font-semibold">{mail.subject}</span>
              <span className="block text-sm text-muted">
                宛先 {mail.to} ・ <time dateTime={mail.createdAt}>{formatDateline(mail.createdAt)}</time>
                {mail.attempts > 0 && ` ・ 試行${mail.attempts}回`}
              </span>
            </summary>
            <div className="space-y-2 border-t border-rule px-4 py-3 text-sm">
              {mail.lastError && <p className="text-brand">最後のエラー: {mail.lastError}</p>}
              <p className="text-muted">
                {Object.entries(mail.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join(' / ')}
              </p>
              <pre className="font-sans leading-relaxed whitespace-pre-wrap">
                <TextWithLinks text={mail.text} />
              </pre>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
