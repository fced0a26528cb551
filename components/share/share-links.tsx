import { CopyLinkButton } from './copy-link-button.client';

/**
 * Where a reader can share an article: plain links to each service's own
 * share page, opened in a new tab. No service's script, button or pixel is
 * loaded with the page, so nothing reaches X, LINE, Hatena or Facebook
 * until the reader clicks; the copy button is the one client leaf.
 */

// Each service's colour, darkened where white text on it would fall short of 4.5:1 (WCAG AA).
type Service = { name: string; label: string; href: (url: string, title: string) => string; className: string };

const SERVICES: Service[] = [
  { name: 'x', label: 'X', href: (url, title) => `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`, className: 'bg-chrome text-white' },
  { name: 'line', label: 'LINE', href: (url) => `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}`, className: 'bg-[#007a36] text-white' },
  { name: 'hatena', label: 'はてブ', href: (url) => `https://b.hatena.ne.jp/entry/panel/?url=${encodeURIComponent(url)}`, className: 'bg-[#00739c] text-white' },
  { name: 'facebook', label: 'Facebook', href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`, className: 'bg-[#0c5ccc] text-white' },
];

export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section aria-label="この記事をシェア" data-testid="share-links" className="flex flex-wrap items-center gap-2 print:hidden">
      <span className="mr-1 text-sm font-bold">シェア</span>
      {SERVICES.map((service) => (
        <a
          key={service.name}
          href={service.href(url, title)}
          target="_blank"
          rel="noopener noreferrer"
          data-share={service.name}
          className={`inline-flex h-9 items-center px-3 text-sm font-bold hover:opacity-85 ${service.className}`}
        >
          {service.label}
          <span className="sr-only">でシェア(新しいタブで開きます)</span>
        </a>
      ))}
      <CopyLinkButton url={url} />
    </section>
  );
}
