import Link from 'next/link';
import type { EditionListItem } from '@/lib/newsletter/edition-rules';
import { formatDateline } from '@/lib/time/jst';
import { EditionDeliveryCounts } from './edition-delivery';

type EditionListProps = { editions: EditionListItem[] };

/** The newsletter's editions, newest change first: drafts to finish, and sent ones with how their mail is doing. */
export function EditionList({ editions }: EditionListProps) {
  if (editions.length === 0) return <p className="rounded border border-rule bg-white px-3 py-4 text-sm">まだ号はありません。「新しい号を作る」から始めてください。</p>;
  return (
    <ul className="divide-y divide-rule rounded border border-rule bg-white" data-testid="edition-list">
      {editions.map((edition) => (
        <li key={edition.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3">
          <span
            className={`mt-0.5 w-16 shrink-0 rounded px-2 py-0.5 text-center text-xs font-bold ${edition.status === 'sent' ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
          >
            {edition.status === 'sent' ? '送信済み' : '下書き'}
          </span>
          <span className="min-w-0 flex-1">
            <Link href={`/newsroom/editions/${edition.id}`} className="block font-medium underline-offset-2 [overflow-wrap:anywhere] hover:underline">
              {edition.subject || '(件名なし)'}
            </Link>
            <span className="text-xs text-muted">
              記事{edition.articleCount}本 ・ {edition.sentAt ? `送信 ${formatDateline(edition.sentAt)}` : `最終保存 ${formatDateline(edition.updatedAt)}`}
            </span>
            {edition.status === 'sent' && (
              <span className="mt-1 block">
                <EditionDeliveryCounts delivery={edition.delivery} recipients={edition.recipients} />
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
