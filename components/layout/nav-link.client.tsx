'use client';
// Runs in the browser to move its mark on client-side navigations and when an article claims its section; the mark from the address is in the server HTML too.

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { getNavClaim, isCurrentNavLink, subscribeNavClaim } from './current-nav';

type NavLinkProps = {
  href: string;
  className: string;
  /** A section's slug, for the CSS that marks an article's section before hydration (app/globals.css). */
  section?: string;
  children: React.ReactNode;
};

const getNoClaim = () => null;

/** A link of the site navigation with aria-current="page" when it is the page being read (current-nav.ts says when). */
export function NavLink({ href, className, section, children }: NavLinkProps) {
  const pathname = usePathname();
  const claim = useSyncExternalStore(subscribeNavClaim, getNavClaim, getNoClaim);
  return (
    <Link href={href} className={className} data-nav-section={section} aria-current={isCurrentNavLink(href, pathname, claim) ? 'page' : undefined}>
      {children}
    </Link>
  );
}
