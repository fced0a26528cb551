import type { Metadata } from 'next';
import { FrontPageEditor } from '@/components/newsroom/front-page-editor.client';
import { FrontPageNow } from '@/components/newsroom/front-page-now';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { canCurateFrontPage, getFrontPageDesk, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'トップページ編集' };

/** The desk's front page (docs/adr/0033-front-page.md): what readers get now, and the pins to change. */
export default async function FrontPagePage() {
  const signedIn = await requireEditor('/newsroom/front-page');
  const desk = await getFrontPageDesk();
  const canCurate = canCurateFrontPage(signedIn.editor);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">トップページ編集</h1>
          <p className="mt-1 text-sm">
            トップ(リード)と、その横に並ぶ注目記事{desk.featuredSlots}本を固定できます。固定しない枠と、その下のセクションは新しい順に自動で並びます。
          </p>
        </div>
        <FrontPageNow home={desk.home} featuredSlots={desk.featuredSlots} savedBy={desk.savedBy} />
        {canCurate ? (
          <FrontPageEditor lead={desk.lead} featured={desk.featured} candidates={desk.candidates} featuredSlots={desk.featuredSlots} csrfToken={signedIn.csrfToken} />
        ) : (
          <p className="rounded border border-rule bg-white px-3 py-2 text-sm">トップページの記事を固定できるのはデスクと管理者です。</p>
        )}
      </main>
    </>
  );
}
