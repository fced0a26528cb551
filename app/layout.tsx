import type { Metadata, Viewport } from 'next';
import { readSettings } from '@/lib/config';
import { decideFeedLinks, PUBLIC_ROBOTS } from '@/lib/seo';
import { SITE_NAME, SITE_TAGLINE } from '@/lib/site';
import { TextSizeScript } from '@/components/article/text-size-script';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(readSettings().siteUrl),
  title: { default: `${SITE_NAME} | ${SITE_TAGLINE}`, template: `%s | ${SITE_NAME}` },
  description: '国内外のニュースを深く、速く伝えるニュースサイト。',
  // Every public page may show large image previews; pages that must not be indexed override this.
  robots: PUBLIC_ROBOTS,
  alternates: { types: { 'application/rss+xml': decideFeedLinks() } },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b4121b' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The head's script sets the reader's 文字サイズ (data-text-size) on <html> before React hydrates it;
    // suppressHydrationWarning covers that attribute on this element only, not its children.
    <html lang="ja" suppressHydrationWarning>
      <head>
        <TextSizeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
