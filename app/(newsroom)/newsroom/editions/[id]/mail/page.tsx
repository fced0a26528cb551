import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditionMailPreview } from '@/components/newsroom/edition-mail-preview';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getEditionMailPreview, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'メールで確認' };

type EditionMailPageProps = { params: Promise<{ id: string }> };

/** 「メールで確認」: the saved edition rendered by the same function that writes each subscriber's mail. */
export default async function EditionMailPage({ params }: EditionMailPageProps) {
  const { id } = await params;
  const signedIn = await requireEditor(`/newsroom/editions/${id}/mail`);
  const preview = await getEditionMailPreview(id);
  if (!preview) notFound();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/editions/${id}`} className="text-link underline">
            {preview.edition.status === 'sent' ? '号に戻る' : '編集に戻る'}
          </Link>
        </p>
        <div>
          <h1 className="text-2xl font-bold">メールで確認</h1>
          <p className="mt-1 text-sm">
            {preview.edition.status === 'sent' ? '送信したメール' : '保存した内容で、購読者に届くメール'}
            のとおりに表示しています。配信停止のリンクだけは購読者ごとに異なり、ここでは見本のリンク(押しても何も起きません)です。
          </p>
        </div>
        <EditionMailPreview mail={preview.mail} from={preview.mailFrom} />
      </main>
    </>
  );
}
