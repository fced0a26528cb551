import type { Metadata } from 'next';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { cache } from 'react';
import { IssueCard } from '@/components/promo/issue-card';
import { IssueDetail } from '@/components/promo/issue-detail';
import { getMagazineContents, getMagazineIssues, MAGAZINE_PATH, magazineIssuePath } from '@/lib/content';
import { buildPageMetadata, NOT_FOUND_METADATA } from '@/lib/seo';

// `/magazine` (the list) and `/magazine/{issue}` share one optional catch-all
// so neither is prerendered at build time (docs/adr/0003-caching.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type MagazineProps = { params: Promise<{ issue?: string[] }> };

const resolve = cache(async (segments: string[] | undefined) => {
  const issues = await getMagazineIssues();
  if (!segments || segments.length === 0) return { issues, issue: null };
  if (segments.length !== 1) return null;
  const issue = issues.find((i) => i.slug === segments[0]);
  return issue ? { issues, issue } : null;
});

export async function generateMetadata({ params }: MagazineProps): Promise<Metadata> {
  const found = await resolve((await params).issue);
  if (!found) return NOT_FOUND_METADATA;
  if (!found.issue) {
    return buildPageMetadata({
      title: '週刊Kiji バックナンバー',
      description: '週刊Kijiの最新号とバックナンバー。毎週火曜日発売。',
      path: MAGAZINE_PATH,
      image: found.issues[0]?.cover,
    });
  }
  return buildPageMetadata({
    title: `週刊Kiji ${found.issue.issueDate}号 特集「${found.issue.featureTitle}」`,
    description: found.issue.blurb,
    path: magazineIssuePath(found.issue.slug),
    image: found.issue.cover,
  });
}

export default async function MagazinePage({ params }: MagazineProps) {
  const found = await resolve((await params).issue);
  if (!found) return <NotFoundPage />;
  if (found.issue) {
    const contents = await getMagazineContents(found.issue.slug);
    return <IssueDetail issue={found.issue} current={found.issues[0]?.slug === found.issue.slug} contents={contents} />;
  }
  const [current, ...backNumbers] = found.issues;
  const contents = current ? await getMagazineContents(current.slug) : [];
  return (
    <div className="space-y-10">
      {current ? <IssueDetail issue={current} current contents={contents} /> : <p>まだ号がありません。</p>}
      {backNumbers.length > 0 && (
        <section aria-labelledby="back-numbers">
          <h2 id="back-numbers" className="mb-4 border-b-2 border-ink pb-1.5 text-lg font-bold">
            バックナンバー
          </h2>
          <ul className="grid grid-cols-2 gap-6 sm:grid-cols-3 lg:grid-cols-5">
            {backNumbers.map((issue) => (
              <li key={issue.slug}>
                <IssueCard issue={issue} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
