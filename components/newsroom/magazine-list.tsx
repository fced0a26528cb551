import Image from 'next/image';
import Link from 'next/link';
import type { DeskIssueSummary, DeskPublication } from '@/lib/newsroom/magazine';
import { ISSUE_STANDING_LABELS, PUBLICATION_KINDS } from '@/lib/newsroom/magazine-rules';
import { formatDateline, formatIssueDates, formatJstDate } from '@/lib/time/jst';

type MagazineListProps = {
  issues: DeskIssueSummary[];
  publications: DeskPublication[];
  /** デスク and 管理者: links to create and edit; a 記者 reads the list only. */
  canEdit: boolean;
};

function Cover({ cover }: { cover: { src: string; width: number; height: number } }) {
  return <Image src={cover.src} alt="" width={cover.width} height={cover.height} sizes="64px" className="h-auto w-16 shrink-0 border border-rule" />;
}

function Edited({ at, by }: { at: string | null; by: string | null }) {
  if (!at) return null;
  return (
    <span>
      {' '}
      ・ 最終更新 {formatDateline(at)}
      {by && `(${by})`}
    </span>
  );
}

const STANDING_STYLE = { upcoming: 'bg-paper text-ink border border-rule', current: 'bg-brand text-white', back: 'text-muted border border-rule' } as const;

/** The magazine desk's list (ADR 0049): every issue newest first with where it stands for readers, then the MOOKs and special editions. */
export function MagazineList({ issues, publications, canEdit }: MagazineListProps) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="mag-issues-heading" className="rounded border border-rule bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="mag-issues-heading" className="text-lg font-bold">
            週刊Kiji の号
          </h2>
          {canEdit && (
            <Link href="/newsroom/magazine/issues/new" className="rounded bg-brand px-4 py-2 text-sm font-bold text-white hover:bg-brand-dark">
              次の号を作る
            </Link>
          )}
        </div>
        {issues.length === 0 ? (
          <p className="mt-3 text-sm text-muted">まだ号がありません。</p>
        ) : (
          <ul className="mt-3 divide-y divide-rule" data-testid="magazine-issues">
            {issues.map((issue) => (
              <li key={issue.slug} className="flex gap-3 py-3">
                <Cover cover={issue.cover} />
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span>{formatIssueDates(issue.issueDate, issue.onSaleDate)}</span>
                    <span className={`rounded px-1.5 py-0.5 text-xs ${STANDING_STYLE[issue.standing]}`}>{ISSUE_STANDING_LABELS[issue.standing]}</span>
                  </p>
                  <p className="font-bold [overflow-wrap:anywhere]">
                    {canEdit ? (
                      <Link href={`/newsroom/magazine/issues/${issue.slug}`} className="text-link underline">
                        特集 {issue.featureTitle}
                      </Link>
                    ) : (
                      <>特集 {issue.featureTitle}</>
                    )}
                  </p>
                  <p className="text-xs text-muted">
                    目次 {issue.contentCount}本
                    <Edited at={issue.updatedAt} by={issue.updatedBy} />
                  </p>
                  {issue.standing !== 'upcoming' && (
                    <p className="text-xs">
                      <Link href={`/magazine/${issue.slug}`} className="text-link underline">
                        読者のページ
                      </Link>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mag-publications-heading" className="rounded border border-rule bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="mag-publications-heading" className="text-lg font-bold">
            別冊・ムック
          </h2>
          {canEdit && (
            <Link href="/newsroom/magazine/publications/new" className="rounded border border-ink px-4 py-2 text-sm font-bold hover:bg-paper">
              別冊・ムックを追加
            </Link>
          )}
        </div>
        {publications.length === 0 ? (
          <p className="mt-3 text-sm text-muted">まだ別冊・ムックがありません。</p>
        ) : (
          <ul className="mt-3 divide-y divide-rule" data-testid="magazine-publications">
            {publications.map((p) => (
              <li key={p.slug} className="flex gap-3 py-3">
                <Cover cover={p.cover} />
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span>
                      {PUBLICATION_KINDS[p.kind]}・{formatJstDate(p.onSaleDate)}発売・定価{p.priceYen.toLocaleString('ja-JP')}円
                    </span>
                    <span className={`rounded px-1.5 py-0.5 text-xs ${!p.listed ? STANDING_STYLE.upcoming : p.onSale ? STANDING_STYLE.current : STANDING_STYLE.back}`}>
                      {!p.listed ? '発売前' : p.onSale ? '好評発売中' : '販売終了'}
                    </span>
                  </p>
                  <p className="font-bold [overflow-wrap:anywhere]">
                    {canEdit ? (
                      <Link href={`/newsroom/magazine/publications/${p.slug}`} className="text-link underline">
                        {p.title}
                      </Link>
                    ) : (
                      p.title
                    )}
                  </p>
                  <p className="text-xs text-muted">
                    <Edited at={p.updatedAt} by={p.updatedBy} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
