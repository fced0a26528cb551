import Link from 'next/link';
import { MAGAZINE_PATH, PUBLICATIONS_PATH, sectionPath } from '@/lib/content/urls';
import { SITE_FEED_PATH } from '@/lib/seo/feeds';
import { SITE_NAME, siteSections } from '@/lib/site/config';
import { TRUST_PAGE_LIST } from '@/lib/site/pages';

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t-4 border-brand bg-chrome text-sm text-white/85 print:hidden">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-2">
        <nav aria-label="フッター" className="space-y-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {siteSections.map((section) => (
              <li key={section.slug}>
                <Link href={sectionPath(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
            <li>
              <Link href={MAGAZINE_PATH} className="hover:underline">
                雑誌
              </Link>
            </li>
            <li>
              <Link href={PUBLICATIONS_PATH} className="hover:underline">
                別冊・ムック
              </Link>
            </li>
          </ul>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 border-t border-white/20 pt-4" data-testid="footer-site-links">
            {TRUST_PAGE_LIST.map((page) => (
              <li key={page.path}>
                <Link href={page.path} className="hover:underline">
                  {page.name}
                </Link>
              </li>
            ))}
            <li>
              {/* A plain link: the feed is XML for a reader app, not a page for the client router. */}
              <a href={SITE_FEED_PATH} type="application/rss+xml" className="hover:underline">
                RSS
              </a>
            </li>
          </ul>
        </nav>
        <p className="sm:text-right">
          掲載記事の無断転載を禁じます。
          <br />© {SITE_NAME}
        </p>
      </div>
    </footer>
  );
}
