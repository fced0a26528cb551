import { REVISION_LABELS } from '@/lib/newsroom/labels';
import type { RevisionListItem } from '@/lib/newsroom/queries';
import { formatDateline } from '@/lib/time/jst';
import Link from 'next/link';
import { RestoreButton } from './restore-button';

type RevisionListProps = {
  articleId: string;
  revisions: RevisionListItem[];
  current: number;
  live: boolean;
  csrfToken: string;
  /** Whether the signed-in editor's role may restore this article as it stands (lib/newsroom/roles.ts). */
  canRestore: boolean;
};

/**
 * Every saved version of an article, newest first: each can be viewed as
 * readers saw it and compared with the one before (ADR 0041), and each but
 * the current one restored; a 差し戻し with the desk's note. Above, a form
 * to compare any two.
 */
export function RevisionList({ articleId, revisions, current, live, csrfToken, canRestore }: RevisionListProps) {
  const base = `/newsroom/articles/${articleId}/revisions`;
  return (
    <>
      {revisions.length > 1 && (
        <form action={`${base}/compare`} method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded border border-rule bg-white px-4 py-3 text-sm">
          <RevisionSelect name="from" label="古い方の版" revisions={revisions} value={revisions[1]!.number} />
          <RevisionSelect name="to" label="新しい方の版" revisions={revisions} value={revisions[0]!.number} />
          <button type="submit" className="rounded bg-ink px-4 py-1.5 font-bold text-white">
            比較する
          </button>
        </form>
      )}
      <ol className="mt-6 divide-y divide-rule rounded border border-rule bg-white" data-testid="revisions">
        {revisions.map((r) => (
          <li key={r.number} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <span className="font-bold">{`第${r.number}版`}</span>
            <span className="rounded bg-paper px-2 py-0.5 text-xs">{REVISION_LABELS[r.action]}</span>
            <span className="text-sm text-muted">
              {formatDateline(r.createdAt)}・{r.editorName ?? 'システム'}
            </span>
            <span className="min-w-0 flex-1 truncate text-sm">{r.headline || '(見出しなし)'}</span>
            <Link href={`${base}/${r.number}`} className="text-sm underline">
              表示
            </Link>
            {r.number > 1 && (
              <Link href={`${base}/compare?from=${r.number - 1}&to=${r.number}`} className="text-sm underline">
                前の版と比較
              </Link>
            )}
            {r.number === current ? (
              <span className="text-sm text-muted">現在の版</span>
            ) : (
              canRestore && <RestoreButton articleId={articleId} number={r.number} baseRevision={current} live={live} csrfToken={csrfToken} />
            )}
            {r.correction && (
              <p className="w-full border-l-4 border-brand bg-brand/5 px-3 py-1 text-sm break-words whitespace-pre-line" data-testid="revision-correction">
                <span className="font-bold text-brand-dark">訂正文: </span>
                {r.correction}
              </p>
            )}
            {r.note && <p className="w-full text-sm whitespace-pre-wrap">差し戻しの理由:{r.note}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

type RevisionSelectProps = { name: string; label: string; revisions: RevisionListItem[]; value: number };

/** One side of the comparison: a revision by its number, kind and time. */
export function RevisionSelect({ name, label, revisions, value }: RevisionSelectProps) {
  return (
    <label>
      <span className="block font-semibold">{label}</span>
      <select name={name} defaultValue={value} className="mt-1 rounded border border-rule bg-white px-2 py-1.5">
        {revisions.map((r) => (
          <option key={r.number} value={r.number}>
            {`第${r.number}版 ${REVISION_LABELS[r.action]} ${formatDateline(r.createdAt)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
