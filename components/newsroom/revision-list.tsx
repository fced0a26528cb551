import { REVISION_LABELS } from '@/lib/newsroom/labels';
import type { RevisionListItem } from '@/lib/newsroom/queries';
import { formatDateline } from '@/lib/time/jst';
import { RestoreButton } from './restore-button.client';

type RevisionListProps = {
  articleId: string;
  revisions: RevisionListItem[];
  current: number;
  live: boolean;
  csrfToken: string;
  /** Whether the signed-in editor's role may restore this article as it stands (lib/newsroom/roles.ts). */
  canRestore: boolean;
};

/** Every saved version of an article, newest first, each restorable except the current one; a 差し戻し with the desk's note. */
export function RevisionList({ articleId, revisions, current, live, csrfToken, canRestore }: RevisionListProps) {
  return (
    <ol className="mt-6 divide-y divide-rule rounded border border-rule bg-white" data-testid="revisions">
      {revisions.map((r) => (
        <li key={r.number} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
          <span className="font-bold">{`第${r.number}版`}</span>
          <span className="rounded bg-paper px-2 py-0.5 text-xs">{REVISION_LABELS[r.action]}</span>
          <span className="text-sm text-muted">
            {formatDateline(r.createdAt)}・{r.editorName ?? 'システム'}
          </span>
          <span className="min-w-0 flex-1 truncate text-sm">{r.headline || '(見出しなし)'}</span>
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
  );
}
