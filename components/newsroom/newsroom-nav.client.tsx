'use client';
// Runs in the browser to close an open menu with Escape, a click elsewhere or focus leaving it, and to move the current-page mark on client-side navigations; the menus are <details>, which open and close without it.

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { decideCurrentGroup, isCurrentMenuLink, type MenuGroup, type MenuLink, type NewsroomMenu } from './newsroom-menu';

type NewsroomNavProps = {
  menu: NewsroomMenu;
  editorName: string;
  roleLabel: string;
  csrfToken: string;
  /** The account must set up two-factor sign-in first (ADR 0043): only its own page and sign-out are offered. */
  setupOnly: boolean;
};

// The ink bar's own focus ring: the site's red one is under 3:1 on ink (WCAG 1.4.11), white is far above.
const ON_BAR = 'whitespace-nowrap rounded focus-visible:outline-white';
// The page being shown is marked by a bar under it, as the reader site's navigation does, never bold (no width change).
const BAR_LINK = `${ON_BAR} block px-2 py-1.5 hover:bg-white/10 aria-[current=page]:shadow-[inset_0_-3px_0_#fff]`;
const SUMMARY = `${ON_BAR} flex cursor-pointer list-none items-center gap-1 px-2 py-1.5 select-none hover:bg-white/10 group-open:bg-white/15 aria-[current=true]:shadow-[inset_0_-3px_0_#fff] [&::-webkit-details-marker]:hidden`;
const PANEL = 'absolute top-full z-40 mt-2 min-w-52 rounded border border-rule bg-white py-1 text-ink shadow-lg';
// Padded by the caller: px-4 in a menu of the wide bar, px-3 under a group's name in the phone's menu.
const PANEL_ITEM =
  'block w-full py-2 text-left whitespace-nowrap hover:bg-paper focus-visible:outline-offset-[-3px] aria-[current=page]:font-bold aria-[current=page]:shadow-[inset_3px_0_0_var(--color-brand)]';
// Both menus of the bar are one set: opening one closes the other, with or without JavaScript (<details name>).
const MENU_SET = 'newsroom-menu';

/** The newsroom's navigation: 記事一覧 and 新規作成 on the bar, the other pages in menus, the account at the right; on a phone, one menu for all. */
export function NewsroomNav({ menu, editorName, roleLabel, csrfToken, setupOnly }: NewsroomNavProps) {
  const pathname = usePathname();
  const root = useRef<HTMLDivElement>(null);
  useCloseMenus(root, pathname);
  const currentGroup = decideCurrentGroup(menu.groups, pathname);
  const current = (link: MenuLink) => (isCurrentMenuLink(link, pathname) ? 'page' : undefined);
  const accountCurrent = isCurrentMenuLink(menu.account, pathname);

  const signOut = (className: string) => (
    <form action="/api/newsroom/sign-out" method="post">
      <input type="hidden" name="csrf" value={csrfToken} />
      <button type="submit" className={className}>
        サインアウト
      </button>
    </form>
  );

  return (
    <div ref={root} className="flex min-w-0 flex-1 items-center justify-end gap-2 text-sm lg:justify-between">
      <nav aria-label="ニュースルーム" className="flex items-center gap-1 sm:gap-2">
        {!setupOnly && (
          <>
            <Link href={menu.home.href} className={BAR_LINK} aria-current={current(menu.home)}>
              {menu.home.label}
            </Link>
            {/* A new article opens unsaved: it is stored at its first save, once something is typed (ADR 0041). */}
            <form action="/newsroom/articles/new" method="get">
              <button type="submit" className={`${ON_BAR} bg-brand px-3 py-1.5 font-bold hover:bg-brand-dark`}>
                新規作成
              </button>
            </form>
            <ul className="hidden items-center gap-1 lg:flex">
              {menu.groups.map((group) => (
                <li key={group.id}>
                  {group.links.length === 1 ? (
                    <Link href={group.links[0]!.href} className={BAR_LINK} aria-current={current(group.links[0]!)}>
                      {group.links[0]!.label}
                    </Link>
                  ) : (
                    <details name={MENU_SET} className="group relative" data-testid={`menu-${group.id}`}>
                      <summary className={SUMMARY} aria-current={currentGroup === group.id ? 'true' : undefined}>
                        {group.label}
                        <Chevron />
                      </summary>
                      <ul className={`${PANEL} left-0`}>
                        {group.links.map((link) => (
                          <li key={link.href}>
                            <Link href={link.href} className={`${PANEL_ITEM} px-4`} aria-current={current(link)}>
                              {link.label}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {/* A phone's one menu: every group, then the account, in a panel across the page under the bar. */}
        <details className="group lg:hidden" data-testid="menu-phone">
          {/* Marked like a group of the wide bar when the page shown is one of its own: every page but 記事一覧. */}
          <summary className={SUMMARY} aria-current={currentGroup !== null || accountCurrent ? 'true' : undefined}>
            <MenuIcon />
            メニュー
          </summary>
          <div className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-rule bg-white text-ink shadow-lg">
            <div className="mx-auto grid max-w-7xl gap-x-6 gap-y-4 px-4 py-4 sm:grid-cols-2">
              {!setupOnly &&
                menu.groups.map((group) => (
                  <PhoneGroup key={group.id} group={group} current={currentGroup === group.id}>
                    {group.links.map((link) => (
                      <li key={link.href}>
                        <Link href={link.href} className={`${PANEL_ITEM} rounded px-3`} aria-current={current(link)}>
                          {link.label}
                        </Link>
                      </li>
                    ))}
                  </PhoneGroup>
                ))}
              <div className="border-t border-rule pt-3 sm:col-span-2">
                <p className="px-3 text-xs text-muted">
                  {editorName}
                  <span className="ml-2 rounded bg-paper px-2 py-0.5 text-ink">{roleLabel}</span>
                </p>
                <ul className="mt-1">
                  <li>
                    <Link href={menu.account.href} className={`${PANEL_ITEM} rounded px-3`} aria-current={accountCurrent ? 'page' : undefined}>
                      {menu.account.label}
                    </Link>
                  </li>
                  <li>{signOut(`${PANEL_ITEM} rounded px-3`)}</li>
                </ul>
              </div>
            </div>
          </div>
        </details>
      </nav>
      {/* Who is signed in, as a menu of their own: their account page (two-factor sign-in) and sign-out. */}
      <details name={MENU_SET} className="group relative hidden lg:block" data-testid="menu-account">
        <summary className={SUMMARY} aria-current={accountCurrent ? 'true' : undefined}>
          {editorName}
          <span className="ml-1 rounded bg-white/15 px-2 py-0.5 text-xs" data-testid="editor-role">
            {roleLabel}
          </span>
          <span className="sr-only">のアカウント</span>
          <Chevron />
        </summary>
        <ul className={`${PANEL} right-0`}>
          <li>
            <Link href={menu.account.href} className={`${PANEL_ITEM} px-4`} aria-current={accountCurrent ? 'page' : undefined}>
              {menu.account.label}
            </Link>
          </li>
          <li>{signOut(`${PANEL_ITEM} px-4`)}</li>
        </ul>
      </details>
    </div>
  );
}

/** A group in the phone's menu: its name over its links, named for assistive technology by that name. */
function PhoneGroup({ group, current, children }: { group: MenuGroup; current: boolean; children: React.ReactNode }) {
  const id = `newsroom-menu-${group.id}`;
  return (
    <div>
      <p id={id} className={`px-3 text-xs font-bold ${current ? 'text-brand' : 'text-muted'}`}>
        {group.label}
      </p>
      <ul aria-labelledby={id} className="mt-1">
        {children}
      </ul>
    </div>
  );
}

/**
 * Closes the bar's open menu when Escape is pressed (focus back on its
 * summary: WAI-ARIA's disclosure navigation), on a click or focus outside it,
 * on following one of its links, and when the page changes (a client-side
 * navigation keeps the bar, and its open menu with it).
 */
function useCloseMenus(root: React.RefObject<HTMLDivElement | null>, pathname: string | null) {
  useEffect(() => {
    for (const details of root.current?.querySelectorAll('details[open]') ?? []) (details as HTMLDetailsElement).open = false;
  }, [root, pathname]);
  useEffect(() => {
    const bar = root.current;
    if (!bar) return;
    const openMenus = () => [...bar.querySelectorAll<HTMLDetailsElement>('details[open]')];
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      for (const details of openMenus()) {
        const hadFocus = details.contains(document.activeElement);
        details.open = false;
        if (hadFocus) details.querySelector('summary')?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      for (const details of openMenus()) {
        const followed = target.closest('a') !== null && details.contains(target);
        if (followed || !details.contains(target)) details.open = false;
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node)) return;
      for (const details of openMenus()) if (!details.contains(next)) details.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    bar.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
      bar.removeEventListener('focusout', onFocusOut);
    };
  }, [root]);
}

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 motion-safe:transition-transform group-open:rotate-180">
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function MenuIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4">
      <path d="M2 4h12M2 8h12M2 12h12" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
