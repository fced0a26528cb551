import Link from 'next/link';
import { MAGAZINE_PATH, PUBLICATIONS_PATH, sectionPath } from '@/lib/content/urls';
import { SITE_NAME, SITE_TAGLINE, siteSections } from '@/lib/site/config';
import { SearchForm } from '../search/search-form';
import { NavLink } from './nav-link.client';

// The page being read (aria-current, set by NavLink: current-nav.ts says how) is marked by a
// bar or underline, never bold: a wider link would push its neighbours when an article's mark
// appears on hydration. White on the ink bar, ink on white: both far above 3:1 (WCAG 1.4.11).
const SECTION_LINK = 'block px-3 py-2 hover:bg-white/15 aria-[current=page]:bg-white/15 aria-[current=page]:shadow-[inset_0_-3px_0_#fff]';
const SERVICE_LINK = 'hover:underline aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4';

/** Masthead and section navigation. Renders from configuration, so it needs no database. */
export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-surface">
      <div className="mx-auto flex max-w-6xl items-end justify-between gap-4 px-4 pt-4 pb-2">
        {/* The link's name starts with the words it shows (WCAG 2.5.3, axe label-content-name-mismatch). */}
        <Link href="/" className="group flex items-baseline gap-3">
          <span className="font-serif text-3xl font-bold tracking-tight text-brand group-hover:text-brand-dark">記事 {SITE_NAME}</span>
          <span className="hidden text-sm text-muted sm:inline">{SITE_TAGLINE}</span>
          <span className="sr-only">トップページ</span>
        </Link>
        <nav aria-label="サービス" className="hidden items-center gap-4 text-sm md:flex print:hidden">
          <SearchForm id="header-search-q" compact />
          <NavLink href={MAGAZINE_PATH} className={SERVICE_LINK}>
            雑誌
          </NavLink>
          <NavLink href={PUBLICATIONS_PATH} className={SERVICE_LINK}>
            別冊・ムック
          </NavLink>
        </nav>
      </div>
      <nav aria-label="セクション" className="border-t border-rule bg-chrome text-white print:hidden">
        {/* One row on phones, scrolled sideways (as Japanese news sites do), instead of three rows above every page. */}
        <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 text-[15px] font-semibold whitespace-nowrap [scrollbar-width:none] md:flex-wrap md:overflow-visible">
          <li>
            <NavLink href="/" className={SECTION_LINK}>
              トップ
            </NavLink>
          </li>
          {siteSections.map((section) => (
            <li key={section.slug}>
              <NavLink href={sectionPath(section.slug)} section={section.slug} className={SECTION_LINK}>
                {section.name}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink href="/ranking" className={SECTION_LINK}>
              ランキング
            </NavLink>
          </li>
          <li className="md:hidden">
            <NavLink href={MAGAZINE_PATH} className={SECTION_LINK}>
              雑誌
            </NavLink>
          </li>
          <li className="md:hidden">
            <NavLink href="/search" className={SECTION_LINK}>
              検索
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
