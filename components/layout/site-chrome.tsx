import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Skip link, header, the page's main content and footer: the frame of every reader page (`theme-reader` lets app/globals.css turn the dark theme on). */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-surface focus:px-4 focus:py-2 focus:text-ink"
      >
        本文へスキップ
      </a>
      <SiteHeader />
      <main id="main" className="theme-reader mx-auto w-full max-w-6xl px-4 pt-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
