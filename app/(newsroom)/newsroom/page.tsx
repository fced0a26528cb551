import type { Metadata } from 'next';
import { ArticleList } from '@/components/newsroom/article-list';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { ADMIN_ONLY, canSeeDeleted, FIXED_PAGES_REFUSAL, getArticleList, isArticleStatus, requireEditor, TERM_PAGES_DESK_ONLY } from '@/lib/newsroom';

export const metadata: Metadata = { title: '記事一覧' };

type NewsroomHomeProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function NewsroomHome({ searchParams }: NewsroomHomeProps) {
  const params = await searchParams;
  const signedIn = await requireEditor('/newsroom');
  const statusParam = one(params.status);
  const status = isArticleStatus(statusParam) ? statusParam : undefined;
  const section = one(params.section)?.slice(0, 64) || undefined;
  const q = one(params.q)?.slice(0, 100) || undefined;
  const who = one(params.who)?.slice(0, 32) || undefined;
  const page = Number(one(params.page)) || 1;
  // 削除済み (ADR 0041): the 管理者's only; anyone else asking gets the ordinary list.
  const withDeleted = canSeeDeleted(signedIn.editor.role);
  const deleted = withDeleted && statusParam === 'deleted';
  const { list, counts, options, editors, deletedCount, openBy } = await getArticleList({ status, section, q, who, deleted, page }, { withDeleted, viewerId: signedIn.editor.id });
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-bold">記事一覧</h1>
        {(one(params.denied) === 'accounts' || one(params.denied) === 'pages') && (
          <p role="alert" className="mb-4 rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {one(params.denied) === 'accounts' ? ADMIN_ONLY : FIXED_PAGES_REFUSAL}
          </p>
        )}
        {one(params.denied) === 'terms' && (
          <p role="alert" className="mb-4 rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {TERM_PAGES_DESK_ONLY}
          </p>
        )}
        {one(params.done) === 'deleted' && (
          <p role="status" className="mb-4 rounded border border-rule bg-white px-3 py-2 text-sm">
            下書きを削除しました。版の履歴は残り、管理者が元に戻せます。
          </p>
        )}
        <ArticleList
          list={list}
          counts={counts}
          sections={options.sections}
          editors={editors}
          me={signedIn.editor.login}
          filter={{ status, section, q, who, deleted }}
          deletedCount={deletedCount}
          openBy={openBy}
          csrfToken={signedIn.csrfToken}
        />
      </main>
    </>
  );
}
