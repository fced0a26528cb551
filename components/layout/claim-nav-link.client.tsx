'use client';
// Runs in the browser: the header is in the shared layout and cannot see the article, so the article tells it, once hydrated, which link is its section.

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { claimNavLink } from './current-nav';

/** Marks the navigation link to `href` as the page being read while this page is shown (current-nav.ts). Renders nothing. */
export function ClaimNavLink({ href }: { href: string }) {
  const pathname = usePathname();
  useEffect(() => (pathname === null ? undefined : claimNavLink({ href, pathname })), [href, pathname]);
  return null;
}
