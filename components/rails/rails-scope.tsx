import { getRailsSnapshot } from '@/lib/rails';
import { RailsProvider } from './rails-provider.client';

/**
 * Gives a page its shared rails (ニュース速報, 最新記事, 人気ランキング):
 * read from the process's snapshot (lib/rails), not from a tagged cache,
 * so they never set the page's lifetime or make a publish re-render it
 * (docs/adr/0018-page-lifetimes-and-tags.md). The browser refreshes them.
 */
export async function RailsScope({ children }: { children: React.ReactNode }) {
  return <RailsProvider initial={await getRailsSnapshot()}>{children}</RailsProvider>;
}
