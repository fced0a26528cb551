import Link from 'next/link';

export type Crumb = { name: string; path: string };

/**
 * Where the page sits in the site, as crawlers read it from the JSON-LD
 * beside it (lib/seo/json-ld.ts buildBreadcrumbs, same crumbs): every crumb
 * but the last is a link, the last is this page. On a phone a long last
 * crumb (a headline) is cut to one line; the page's own heading says it whole.
 */
export function Breadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <nav aria-label="パンくずリスト" className="mb-4 text-sm text-muted print:hidden">
      <ol className="flex min-w-0 items-center gap-1.5">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={crumb.path} className={last ? 'min-w-0 truncate' : 'flex shrink-0 items-center gap-1.5'}>
              {last ? (
                <span aria-current="page">{crumb.name}</span>
              ) : (
                <>
                  <Link href={crumb.path} className="hover:text-brand hover:underline">
                    {crumb.name}
                  </Link>
                  <span aria-hidden="true">›</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
