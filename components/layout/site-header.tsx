import Link from 'next/link';
import { MAGAZINE_PATH, PUBLICATIONS_PATH, sectionPath } from '@/lib/content/urls';
import { SITE_NAME, SITE_TAGLINE, siteSections } from '@/lib/site/config';
import { SearchForm } from '../search/search-form';

/** Masthead and section navigation. Renders from configuration, so it needs no database. */
export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-6xl items-end justify-between gap-4 px-4 pt-4 pb-2">
        {/* The link's name starts with the words it shows (WCAG 2.5.3, axe label-content-name-mismatch). */}
        <Link href="/" className="group flex items-baseline gap-3">
          <span className="font-serif text-3xl font-bold tracking-tight text-brand group-hover:text-brand-dark">記事 {SITE_NAME}</span>
          <span className="hidden text-sm text-muted sm:inline">{SITE_TAGLINE}</span>
          <span className="sr-only">トップページ</span>
        </Link>
        <nav aria-label="サービス" className="hidden items-center gap-4 text-sm md:flex print:hidden">
          <SearchForm id="header-search-q" compact />
          <Link href={MAGAZINE_PATH} className="hover:underline">
            雑誌
          </Link>
          <Link href={PUBLICATIONS_PATH} className="hover:underline">
            別冊・ムック
          </Link>
        </nav>
      </div>
      <nav aria-label="セクション" className="border-t border-rule bg-ink text-white print:hidden">
        {/* One row on phones, scrolled sideways (as Japanese news sites do), instead of three rows above every page. */}
        <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 text-[15px] font-semibold whitespace-nowrap [scrollbar-width:none] md:flex-wrap md:overflow-visible">
          <li>
            <Link href="/" className="block px-3 py-2 hover:bg-white/15">
              トップ
            </Link>
          </li>
          {siteSections.map((section) => (
            <li key={section.slug}>
              <Link href={sectionPath(section.slug)} className="block px-3 py-2 hover:bg-white/15">
                {section.name}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/ranking" className="block px-3 py-2 hover:bg-white/15">
              ランキング
            </Link>
          </li>
          <li className="md:hidden">
            <Link href={MAGAZINE_PATH} className="block px-3 py-2 hover:bg-white/15">
              雑誌
            </Link>
          </li>
          <li className="md:hidden">
            <Link href="/search" className="block px-3 py-2 hover:bg-white/15">
              検索
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
