import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { getSearchResults, parseSearchQuery, type SearchParams } from '@/lib/content';
import { buildSearchMetadata } from '@/lib/seo';

// Results depend on the query string, so this page renders per request (and is never indexed).
type SearchProps = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: SearchProps): Promise<Metadata> {
  const { q } = await searchParams;
  return buildSearchMetadata(parseSearchQuery(q)?.text ?? null);
}

export default async function SearchPage({ searchParams }: SearchProps) {
  const outcome = await getSearchResults(await searchParams);
  if (outcome.kind === 'bad-page') notFound();
  return (
    <div className="max-w-3xl">
      <header className="mb-6 border-b-2 border-ink pb-4">
        <p className="text-xs font-bold tracking-widest text-brand">SEARCH</p>
        <h1 className="mt-1 mb-4 text-2xl font-bold sm:text-3xl">記事を検索</h1>
        <SearchForm defaultValue={outcome.kind === 'results' ? outcome.results.query.text : ''} filters={outcome.filters} />
      </header>
      {outcome.kind === 'empty' ? (
        <p className="py-6 text-muted">キーワードを入力して検索してください。見出し・リード・本文から探します(1文字の語は見出しとリードから)。</p>
      ) : (
        <SearchResults results={outcome.results} />
      )}
    </div>
  );
}
