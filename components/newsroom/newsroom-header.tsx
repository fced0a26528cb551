import Link from 'next/link';
import type { Editor } from '@/lib/newsroom/editors';
import { ROLE_LABELS } from '@/lib/newsroom/roles';
import { SITE_NAME } from '@/lib/site/config';
import { toNewsroomMenu } from './newsroom-menu';
import { NewsroomNav } from './newsroom-nav.client';

/** `setupOnly`: the account must set up two-factor sign-in first (ADR 0043), so the bar offers nothing it could not open. */
type NewsroomHeaderProps = { editor: Editor; csrfToken: string; setupOnly?: boolean };

/**
 * The newsroom's bar, one row at any width: the desk's home, 記事一覧 and
 * 新規作成, the other pages in the menus the editor's role has
 * (./newsroom-menu.ts), and who is signed in with their account page and
 * sign-out. Relative and above the page, so an open menu lies over the
 * editor instead of pushing it down.
 */
export function NewsroomHeader({ editor, csrfToken, setupOnly = false }: NewsroomHeaderProps) {
  return (
    <header className="relative z-30 border-b border-rule bg-ink text-white">
      <div className="mx-auto flex max-w-7xl items-center gap-x-4 px-3 py-2 sm:px-4 lg:gap-x-6">
        <Link href="/newsroom" className="shrink-0 rounded font-serif text-lg font-bold whitespace-nowrap focus-visible:outline-white">
          記事 {SITE_NAME} <span className="sr-only text-sm font-normal text-white/80 sm:not-sr-only sm:ml-1">ニュースルーム</span>
        </Link>
        <NewsroomNav menu={toNewsroomMenu(editor.role)} editorName={editor.name} roleLabel={ROLE_LABELS[editor.role]} csrfToken={csrfToken} setupOnly={setupOnly} />
      </div>
    </header>
  );
}
