import Link from 'next/link';
import { articlePath } from '@/lib/content';
import type { FrontPageArticle } from '@/lib/newsroom/front-page';
import { formatDateline } from '@/lib/time/jst';

type FrontPageNowProps = {
  home: { article: FrontPageArticle; pinned: boolean }[];
  featuredSlots: number;
  savedBy?: { name: string | null; at: string } | null;
};

/** The top of the home page as an anonymous reader gets it now: the lead and the places the desk can pin, each marked 固定 or 自動. */
export function FrontPageNow({ home, featuredSlots, savedBy = null }: FrontPageNowProps) {
  const shown = home.slice(0, 1 + featuredSlots);
  return (
    <section aria-labelledby="fp-now-heading" className="rounded border border-rule bg-white p-4">
      <h2 id="fp-now-heading" className="text-lg font-bold">
        いまのトップページ
      </h2>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-muted">公開中の記事がまだありません。</p>
      ) : (
        <ol className="mt-2 divide-y divide-rule" data-testid="front-page-now">
          {shown.map(({ article, pinned }, i) => (
            <li key={article.id} className="flex flex-wrap items-baseline gap-3 py-2">
              <span className="w-20 shrink-0 text-sm font-bold">{i === 0 ? 'トップ' : `${i}番目`}</span>
              <span className="min-w-0 flex-1">
                <Link href={articlePath(article.id)} className="font-medium [overflow-wrap:anywhere] hover:underline">
                  {article.headline}
                </Link>
                <span className="block text-xs text-muted">
                  {article.sectionName}
                  {article.publishedAt && ` ・ ${formatDateline(article.publishedAt)}`}
                </span>
              </span>
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${pinned ? 'bg-amber-100 text-amber-900' : 'bg-zinc-100 text-zinc-700'}`}>
                {pinned ? '固定' : '自動'}
              </span>
            </li>
          ))}
        </ol>
      )}
      {savedBy && (
        <p className="mt-2 text-xs text-muted">
          固定の最終保存:{formatDateline(savedBy.at)} ・ {savedBy.name ?? '削除されたアカウント'}
        </p>
      )}
      <p className="mt-2 text-xs text-muted">保存すると、読者のトップページは公開と同じようにすぐ作り直されます。</p>
    </section>
  );
}
