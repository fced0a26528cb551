import { HeadlineList } from '@/components/cards/headline-list';
import { getRailsSnapshot } from '@/lib/rails';

/**
 * The site's newest headlines (the not-found page), from the rails snapshot
 * every page already reads, in the 最新記事 rail's own list. Nothing when it
 * cannot be read (the database down): the page around it still answers.
 */
export async function LatestHeadlines({ count = 5 }: { count?: number }) {
  const latest = await getRailsSnapshot().then(
    (snapshot) => snapshot.latest.slice(0, count),
    () => [],
  );
  if (latest.length === 0) return null;
  return (
    <section aria-labelledby="latest-headlines" className="mt-12 border-t border-rule pt-6">
      <h2 id="latest-headlines" className="text-lg font-bold">
        最新記事
      </h2>
      <HeadlineList items={latest} />
    </section>
  );
}
