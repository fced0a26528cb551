import Link from 'next/link';
import type { Edition } from '@/lib/newsletter/edition-rules';
import { formatDateline } from '@/lib/time/jst';
import { EditionDeliveryCounts } from './edition-delivery';

type SentEditionProps = { edition: Edition };

/** A sent edition: when and by whom, how its mail is doing, and what it carried. It no longer changes. */
export function SentEdition({ edition }: SentEditionProps) {
  return (
    <div className="max-w-4xl space-y-4">
      <section aria-labelledby="sent-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="sent-heading" className="text-lg font-bold">
          送信済み
        </h2>
        <p className="mt-1 text-sm">
          {edition.sentAt && formatDateline(edition.sentAt)}に{edition.sentBy ?? '(削除されたアカウント)'}が送信しました。送信済みの号は変更できません。
        </p>
        <div className="mt-2">
          <EditionDeliveryCounts delivery={edition.delivery} recipients={edition.recipients} />
        </div>
        <p className="mt-3 text-sm">
          <Link href={`/newsroom/editions/${edition.id}/mail`} className="font-semibold text-link underline">
            メールで確認
          </Link>
        </p>
      </section>
      <section aria-labelledby="sent-articles-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="sent-articles-heading" className="text-lg font-bold">
          載せた記事
        </h2>
        <ol className="mt-2 list-decimal space-y-2 pl-5">
          {edition.articles.map((article) => (
            <li key={article.id}>
              <span className="block font-medium [overflow-wrap:anywhere]">{article.headline}</span>
              {article.standfirst && <span className="block text-sm text-muted">{article.standfirst}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
