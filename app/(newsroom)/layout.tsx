import type { Metadata } from 'next';

// Every newsroom page depends on who is signed in: never prerendered, never
// cached (Next.js sends `Cache-Control: private, no-cache, no-store` for
// dynamic pages), never indexed.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'ニュースルーム', template: '%s | ニュースルーム' },
  robots: { index: false, follow: false },
};

export default function NewsroomLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-paper">{children}</div>;
}
