import { QueryProvider } from '@/components/query/query-provider.client';
import { formatEditorName, type PresentEditor } from '@/lib/newsroom/presence-rules';
import { usePresence } from './use-presence';

type PresenceNoticeProps = { articleId: string; csrfToken: string; enabled: boolean };

/**
 * The sentence the editor shows when others have the article open (ADR
 * 0047): 「鈴木 一郎さん(デスク)もこの記事を開いています。」, and the editor's
 * own second window, which can overwrite this one just the same. Empty when
 * nobody else has it open.
 */
export function formatPresence(present: readonly PresentEditor[]): string {
  const others = present.filter((p) => !p.self);
  const sentences: string[] = [];
  if (others.length > 0) sentences.push(`${others.map(formatEditorName).join('、')}もこの記事を開いています。`);
  if (present.some((p) => p.self)) sentences.push('あなたも別のタブかブラウザでこの記事を開いています。');
  return sentences.join('');
}

/** The mark itself, for a list of who is there (empty: nothing is shown). */
export function PresenceMark({ present }: { present: readonly PresentEditor[] }) {
  const text = formatPresence(present);
  return (
    // Always in the page, so a screen reader hears a name arrive (a live region must exist before it changes).
    <div aria-live="polite" data-testid="presence">
      {text && (
        <p className="flex gap-2 rounded border border-sky-700 bg-sky-50 px-3 py-2 text-sm">
          <span aria-hidden="true" className="font-bold text-sky-900">
            ●
          </span>
          <span>
            <strong className="block">{text}</strong>
            同時に編集すると、後から保存した人に違いが示され、どちらの版にするか選べます。
          </span>
        </p>
      )}
    </div>
  );
}

function Presence({ articleId, csrfToken, enabled }: PresenceNoticeProps) {
  return <PresenceMark present={usePresence({ articleId, csrfToken, enabled })} />;
}

/** Who else has this article open, refreshed while the tab is visible; in a query client of its own (the editor has no other). */
export function PresenceNotice(props: PresenceNoticeProps) {
  return (
    <QueryProvider>
      <Presence {...props} />
    </QueryProvider>
  );
}
