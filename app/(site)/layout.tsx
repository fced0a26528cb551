import type { Viewport } from 'next';
import { SiteChrome } from '@/components/layout/site-chrome';

// Reader pages follow the system's light or dark setting (app/globals.css); form controls and scrollbars with them.
export const viewport: Viewport = { colorScheme: 'light dark' };

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
