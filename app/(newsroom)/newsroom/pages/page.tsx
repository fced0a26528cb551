import type { Metadata } from 'next';
import { FixedPageList } from '@/components/newsroom/fixed-page-list';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getEditableFixedPages, requireFixedPageEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '固定ページ' };

/** The site's fixed pages (docs/adr/0048-fixed-pages.md): each one's last save, and a way into its editor. */
export default async function FixedPagesPage() {
  const signedIn = await requireFixedPageEditor('/newsroom/pages');
  const pages = await getEditableFixedPages();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">固定ページ</h1>
          <p className="mt-1 text-sm">
            フッターからリンクしている、サイトについてのページです。保存するとすぐに読者のページに反映されます。会社名や所在地などは設定(SITE_PUBLISHER_*)から差し込まれます。
          </p>
        </div>
        <FixedPageList pages={pages} />
      </main>
    </>
  );
}
