import { articlePath } from '@/lib/content/urls';

type PageLinksProps = { id: string; page: number; totalPages: number; siteUrl: string };

/**
 * `<link rel="prev">` / `<link rel="next">` between the pages of a
 * multi-page article (the Metadata API has no field for them). React 19
 * hoists these elements into `<head>`.
 */
export function ArticlePageLinks({ id, page, totalPages, siteUrl }: PageLinksProps) {
  return (
    <>
      {page > 1 && <link rel="prev" href={`${siteUrl}${articlePath(id, page - 1)}`} />}
      {page < totalPages && <link rel="next" href={`${siteUrl}${articlePath(id, page + 1)}`} />}
    </>
  );
}
