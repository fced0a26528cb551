import { DEFAULT_LINK_HOURS, LINK_HOURS_CHOICES, previewLinkPath, type ListedPreviewLink, type PreviewLinkStatus } from '@/lib/preview/links';
import { formatDateline } from '@/lib/time/jst';

type PreviewLinksProps = { articleId: string; links: ListedPreviewLink[]; createdId?: string; siteUrl: string; csrfToken: string };

const STATUS_LABELS: Record<PreviewLinkStatus, string> = { active: '有効', expired: '期限切れ', revoked: '取り消し済み' };

function describeHours(hours: number): string {
  return hours < 24 ? `${hours}時間` : `${hours / 24}日`;
}

/** The form that makes a link (with its lifetime) and the article's links with their state and a revoke button. */
export function PreviewLinks({ articleId, links, createdId, siteUrl, csrfToken }: PreviewLinksProps) {
  return (
    <div className="mt-6 space-y-6">
      <form action="/api/newsroom/preview-links" method="post" className="flex flex-wrap items-end gap-3 rounded border border-rule bg-white p-4">
        <input type="hidden" name="csrf" value={csrfToken} />
        <input type="hidden" name="id" value={articleId} />
        <label className="text-sm">
          <span className="block font-semibold">有効期間</span>
          <select name="hours" defaultValue={DEFAULT_LINK_HOURS} className="mt-1 rounded border border-rule bg-white px-2 py-1.5">
            {LINK_HOURS_CHOICES.map((h) => (
              <option key={h} value={h}>
                {describeHours(h)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-bold text-white">
          リンクを作成
        </button>
      </form>
      {links.length === 0 ? (
        <p className="text-sm text-muted">まだリンクはありません。</p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-white" data-testid="preview-links">
          {links.map((link) => {
            const url = `${siteUrl}${previewLinkPath(link.token)}`;
            return (
              <li key={link.id} className={`space-y-2 px-4 py-3 ${link.id === createdId ? 'bg-amber-50' : ''}`}>
                <p className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="font-bold">{STATUS_LABELS[link.status]}</span>
                  <span className="text-muted">期限 {formatDateline(link.expiresAt)}</span>
                  {link.id === createdId && <span className="text-emerald-800">作成しました。下のURLを共有してください。</span>}
                </p>
                {link.status === 'active' && (
                  <div className="flex flex-wrap items-center gap-2">
                    <input readOnly value={url} aria-label="プレビューリンクのURL" className="min-w-0 flex-1 rounded border border-rule bg-paper px-2 py-1 font-mono text-xs" />
                    <form action={`/api/newsroom/preview-links/${link.id}/revoke`} method="post">
                      <input type="hidden" name="csrf" value={csrfToken} />
                      <input type="hidden" name="article" value={articleId} />
                      <button type="submit" className="rounded border border-ink px-3 py-1 text-sm">
                        取り消す
                      </button>
                    </form>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
