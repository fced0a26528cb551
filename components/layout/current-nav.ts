/**
 * Which link of the site navigation is the page being read: it gets
 * aria-current="page" and a visible mark.
 *
 * The header sits in the shared layout, which never sees the page, and pages
 * are cached and the same for everyone, so nothing page-specific can reach
 * it on the server except the address. Hence two sources, both client state
 * and no extra request:
 *
 * - the address (usePathname, known while the server renders too): a section
 *   page, its later pages, /ranking, /magazine… are in the server HTML already,
 *   with or without JavaScript;
 * - on an article, whose address does not name its section, a claim: the
 *   page renders a tiny leaf (ClaimNavLink) that names its section's link
 *   once it runs in the browser, so aria-current appears on hydration. The
 *   visible bar is in the server HTML already: the article also renders a
 *   hidden [data-page-section] that a stylesheet rule per section matches
 *   (app/globals.css), so a reader without JavaScript sees it too.
 *
 * A page segment for the header (a parallel route reading the article) would
 * put aria-current in the server HTML as well, at the cost of a second route
 * tree for every address; judged not worth it.
 */

/** What an article page says: "my section is `href`", valid only while the address is still `pathname`. */
export type NavClaim = { href: string; pathname: string };

/**
 * True when the link to `href` is the page being read: the address is that
 * page or below it (`/sections/world/2` under `/sections/world`; `/` only
 * itself), or the page at this address claims it. A claim left from the
 * previous page during a client-side navigation names another address and
 * is ignored, so two links are never marked at once.
 */
export function isCurrentNavLink(href: string, pathname: string | null, claim: NavClaim | null): boolean {
  if (pathname === null) return false;
  if (pathname === href || (href !== '/' && pathname.startsWith(`${href}/`))) return true;
  return claim !== null && claim.href === href && claim.pathname === pathname;
}

// In the browser only: the claim is set by an effect, which never runs on the server (no reader's state is shared there).
let current: NavClaim | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function subscribeNavClaim(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getNavClaim(): NavClaim | null {
  return current;
}

/** Claims a link for the page at `claim.pathname`; the returned function withdraws it, unless a later claim replaced it. */
export function claimNavLink(claim: NavClaim): () => void {
  current = claim;
  notify();
  return () => {
    if (current !== claim) return;
    current = null;
    notify();
  };
}
