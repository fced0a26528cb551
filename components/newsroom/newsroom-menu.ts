import { canEditFixedPages, canManageAccounts, type Role } from '@/lib/newsroom/roles';
import { canEditTermPages } from '@/lib/newsroom/term-pages-labels';

/**
 * What the newsroom's bar offers each role, and which entry is the page being
 * shown. Pure data, so the server decides the role's entries and the bar
 * (newsroom-nav.client.tsx) only draws them.
 *
 * The everyday pages (記事一覧, 新規作成) sit on the bar itself; the rest are
 * grouped into menus by what they work on: 編集 (what the desk makes besides
 * articles), サイト (what readers see of the site around the articles), 管理
 * (the accounts). A group with a single entry for a role is drawn as a plain
 * link: a menu that opens onto one link only hides it behind a click.
 */

/** An entry: a page of the newsroom. `match` says which addresses it is the current page for. */
export type MenuLink = {
  href: string;
  label: string;
  /** `exact`: the address is `href` itself; `below`: `href` or any page under it; `never`: never marked (an action, not a page). */
  match: 'exact' | 'below' | 'never';
};

export type MenuGroup = { id: 'edit' | 'site' | 'admin'; label: string; links: MenuLink[] };

export type NewsroomMenu = {
  /** The article list, always on the bar. The 新規作成 button sits beside it (a form, not a page). */
  home: MenuLink;
  groups: MenuGroup[];
  /** The account's own page: who is signed in and their two-factor sign-in (ADR 0043). */
  account: MenuLink;
};

type Entry = MenuLink & { may?: (role: Role) => boolean };

const GROUPS: { id: MenuGroup['id']; label: string; entries: Entry[] }[] = [
  {
    id: 'edit',
    label: '編集',
    entries: [
      // A live page (速報ライブ, ADR 0036) opens unsaved, as 新規作成 does (ADR 0041): only a GET of the editor.
      { href: '/newsroom/articles/new?kind=live', label: 'ライブ記事を作成', match: 'never' },
      { href: '/newsroom/pictures', label: '写真ライブラリ', match: 'below' },
      // Every role reads the magazine list; only the desk edits issues (ADR 0049).
      { href: '/newsroom/magazine', label: '雑誌・別冊', match: 'below' },
      // Every role drafts an edition; the desk sends it (ADR 0044).
      { href: '/newsroom/editions', label: 'メールマガジン', match: 'below' },
    ],
  },
  {
    id: 'site',
    label: 'サイト',
    entries: [
      // Every role opens it; only the desk saves.
      { href: '/newsroom/front-page', label: 'トップページ編集', match: 'below' },
      // The desk's (ADR 0050): a 記者 asks the desk to change what readers see of a topic, series or author.
      { href: '/newsroom/terms', label: '特集・連載・筆者', match: 'below', may: canEditTermPages },
      // 会社概要, プライバシーポリシー, 利用規約, お問い合わせ (ADR 0048): the desk's and the 管理者's.
      { href: '/newsroom/pages', label: '固定ページ', match: 'below', may: (role) => canEditFixedPages({ role }) },
    ],
  },
  {
    id: 'admin',
    label: '管理',
    entries: [{ href: '/newsroom/accounts', label: 'アカウント管理', match: 'below', may: canManageAccounts }],
  },
];

/** The bar's entries for `role`: only pages the role may open (e2e/newsroom-access.spec.ts holds the server to the same). */
export function toNewsroomMenu(role: Role): NewsroomMenu {
  const groups = GROUPS.map(({ id, label, entries }) => ({
    id,
    label,
    links: entries.filter((e) => e.may === undefined || e.may(role)).map(({ href, label: text, match }) => ({ href, label: text, match })),
  })).filter((g) => g.links.length > 0);
  return {
    home: { href: '/newsroom', label: '記事一覧', match: 'exact' },
    groups,
    account: { href: '/newsroom/account', label: '自分のアカウント・二段階認証', match: 'exact' },
  };
}

/** Whether `link` is the page at `pathname` (the address without its query). */
export function isCurrentMenuLink(link: MenuLink, pathname: string | null): boolean {
  if (pathname === null || link.match === 'never') return false;
  if (pathname === link.href) return true;
  return link.match === 'below' && pathname.startsWith(`${link.href}/`);
}

/** The group holding the page at `pathname`, if any: its menu is marked on the bar so the editor sees where they are with it closed. */
export function decideCurrentGroup(groups: MenuGroup[], pathname: string | null): MenuGroup['id'] | null {
  return groups.find((g) => g.links.some((l) => isCurrentMenuLink(l, pathname)))?.id ?? null;
}
