import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FixedPageEditor } from '@/components/newsroom/fixed-page-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { FixedPageView } from '@/components/trust/fixed-page-view';
import { readSettings } from '@/lib/config';
import { FIXED_PAGE_LIMITS, getEditableFixedPage, requireFixedPageEditor } from '@/lib/newsroom';
import { TRUST_PAGES } from '@/lib/site';
import { previewFixedPageAction } from './preview-action';

export const metadata: Metadata = { title: '固定ページの編集' };

type FixedPageEditorPageProps = { params: Promise<{ slug: string }> };

/** One fixed page's editor: title, description and body with a live preview, saved over the version loaded. */
export default async function FixedPageEditorPage({ params }: FixedPageEditorPageProps) {
  const { slug } = await params;
  const signedIn = await requireFixedPageEditor(`/newsroom/pages/${slug}`);
  const page = await getEditableFixedPage(slug);
  if (!page) notFound();
  const { publisher, siteUrl } = readSettings();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/pages" className="text-link underline">
            固定ページ
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{TRUST_PAGES[page.slug].name}の編集</h1>
        <FixedPageEditor
          page={page}
          path={TRUST_PAGES[page.slug].path}
          limits={FIXED_PAGE_LIMITS}
          csrfToken={signedIn.csrfToken}
          renderPreview={previewFixedPageAction}
          initialPreview={<FixedPageView page={page} publisher={publisher} siteUrl={siteUrl} preview />}
        />
      </main>
    </>
  );
}
