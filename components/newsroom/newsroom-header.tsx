import Link from 'next/link';
import type { Editor } from '@/lib/newsroom/editors';
import { canEditFixedPages, canManageAccounts, ROLE_LABELS } from '@/lib/newsroom/roles';
import { canEditTermPages } from '@/lib/newsroom/term-pages-labels';
import { SITE_NAME } from '@/lib/site/config';

/** `setupOnly`: the account must set up two-factor sign-in first (ADR 0043), so the bar offers nothing it could not open. */
type NewsroomHeaderProps = { editor: Editor; csrfToken: string; setupOnly?: boolean };

/** The newsroom's bar: home of the desk, the front page, the picture library, the newsletter, the magazine, topics/series/authors and the fixed pages (the desk's), a new article, who is signed in (a link to their own account), and sign-out. */
export function NewsroomHeader({ editor, csrfToken, setupOnly = false }: NewsroomHeaderProps) {
  return (
    <header className="border-b border-rule bg-ink text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/newsroom" className="font-serif text-lg font-bold">
          記事 {SITE_NAME} <span className="ml-1 text-sm font-normal text-white/80">ニュースルーム</span>
        </Link>
        {!setupOnly && (
          <nav aria-label="ニュースルーム" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm [&_a]:whitespace-nowrap [&_button]:whitespace-nowrap">
            <Link href="/newsroom" className="hover:underline">
              記事一覧
            </Link>
            <Link href="/newsroom/front-page" className="hover:underline">
              トップページ編集
            </Link>
            <Link href="/newsroom/pictures" className="hover:underline">
              写真ライブラリ
            </Link>
            <Link href="/newsroom/editions" className="hover:underline">
              メールマガジン
            </Link>
            <Link href="/newsroom/magazine" className="hover:underline">
              雑誌・別冊
            </Link>
            {/* The desk's (ADR 0050): a 記者 asks the desk to change what readers see of a topic, series or author. */}
            {canEditTermPages(editor.role) && (
              <Link href="/newsroom/terms" className="hover:underline">
                特集・連載・筆者
              </Link>
            )}
            {/* 会社概要, プライバシーポリシー, 利用規約, お問い合わせ (ADR 0048): the desk's and the 管理者's. */}
            {canEditFixedPages(editor) && (
              <Link href="/newsroom/pages" className="hover:underline">
                固定ページ
              </Link>
            )}
            {canManageAccounts(editor.role) && (
              <Link href="/newsroom/accounts" className="hover:underline">
                アカウント
              </Link>
            )}
            {/* A new article opens unsaved: it is stored at its first save, once something is typed (ADR 0041). */}
            <form action="/newsroom/articles/new" method="get">
              <button type="submit" className="rounded bg-brand px-3 py-1.5 font-bold hover:bg-brand-dark">
                新規作成
              </button>
            </form>
            {/* A live page (速報ライブ, ADR 0036): an article whose body is followed by a stream of posts. */}
            <form action="/newsroom/articles/new" method="get">
              <input type="hidden" name="kind" value="live" />
              <button type="submit" className="rounded border border-white/40 px-3 py-1.5 hover:bg-white/10">
                ライブ記事を作成
              </button>
            </form>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/newsroom/account" className="hover:underline" title="自分のアカウント(二段階認証)">
            {editor.name}
            <span className="ml-2 rounded bg-white/15 px-2 py-0.5 text-xs" data-testid="editor-role">
              {ROLE_LABELS[editor.role]}
            </span>
          </Link>
          <form action="/api/newsroom/sign-out" method="post">
            <input type="hidden" name="csrf" value={csrfToken} />
            <button type="submit" className="rounded border border-white/40 px-3 py-1.5 hover:bg-white/10">
              サインアウト
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
