import Link from 'next/link';
import { PhraseText } from '@/components/article/phrase-text';
import { getRailsSnapshot } from '@/lib/rails';

/**
 * The site's newest headlines as a plain list (the not-found page), from the
 * rails snapshot every page already reads. Nothing when it cannot be read
 * (the database down): the page around it still answers.
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
      <ul className="mt-3 divide-y divide-rule">
        {latest.map((item) => (
          <li key={item.id} className="py-3">
            <Link href={item.url} className="font-bold hover:text-brand hover:underline">
              <PhraseText text={item.headline} />
            </Link>
            <p className="mt-1 text-sm text-muted">
              {item.sectionName}・<time dateTime={item.datetime}>{item.timeLabel}</time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
