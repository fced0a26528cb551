import type { Metadata } from 'next';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { Picture } from '@/components/media/picture';
import { getPublications, PUBLICATIONS_PATH } from '@/lib/content';
import { NOT_FOUND_METADATA, buildPageMetadata } from '@/lib/seo';
import { formatJstDate } from '@/lib/time';

// Optional catch-all: rendered on first request, never at build (docs/adr/0003-caching.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const METADATA: Metadata = buildPageMetadata({
  title: '別冊・ムック',
  description: '週刊Kijiの別冊・ムック。好評発売中のタイトルと既刊の一覧。',
  path: PUBLICATIONS_PATH,
});

type PublicationsProps = { params: Promise<{ rest?: string[] }> };

// An address below this page (/publications/…) is a 404 with a not-found page's head, not this page's.
export async function generateMetadata({ params }: PublicationsProps): Promise<Metadata> {
  const { rest } = await params;
  return rest && rest.length > 0 ? NOT_FOUND_METADATA : METADATA;
}

export default async function PublicationsPage({ params }: PublicationsProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return <NotFoundPage />;
  const publications = await getPublications();
  return (
    <div>
      <header className="mb-6 border-b-2 border-ink pb-3">
        <p className="text-xs font-bold tracking-widest text-brand">MOOK / 別冊</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">別冊・ムック</h1>
      </header>
      <ul className="grid grid-cols-1 gap-8 sm:grid-cols-2">
        {publications.map((p) => (
          <li key={p.slug} className="flex gap-4">
            <Picture src={p.cover.src} alt={p.cover.alt} width={p.cover.width} height={p.cover.height} sizes="128px" className="h-auto w-32 shrink-0 border border-rule" />
            <div className="space-y-1.5">
              <p className={p.onSale ? 'text-xs font-bold text-brand' : 'text-xs font-bold text-muted'}>
                {p.onSale ? '好評発売中' : '販売終了'}・{p.kind === 'mook' ? 'ムック' : '別冊'}
              </p>
              <h2 className="leading-snug font-bold">{p.title}</h2>
              <p className="text-xs text-muted">
                {formatJstDate(p.onSaleDate)}発売・定価{p.priceYen.toLocaleString('ja-JP')}円(税込)
              </p>
              <p className="text-sm leading-relaxed text-muted">{p.blurb}</p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
