import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/newsroom/roles';
import { NewsroomHeader } from './newsroom-header';

// The address the page is rendered for, as Next.js gives it to client components on the server.
const address = vi.hoisted(() => ({ pathname: '/newsroom' }));
vi.mock('next/navigation', () => ({ usePathname: () => address.pathname }));

const NAMES: Record<Role, string> = { reporter: '山田 記者', desk: '鈴木 デスク', admin: '佐藤 管理者' };

function render(role: Role, pathname = '/newsroom', setupOnly = false): string {
  address.pathname = pathname;
  return renderToStaticMarkup(<NewsroomHeader editor={{ id: 'e1', login: role, name: NAMES[role], role }} csrfToken="token" setupOnly={setupOnly} />);
}

/** Every place the bar can take the editor: links, and the forms' actions with their hidden fields but the CSRF token. */
function destinations(html: string): string[] {
  const links = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const forms = [...html.matchAll(/<form action="([^"]+)" method="(get|post)">(.*?)<\/form>/g)].map(([, action, method, inside]) => {
    const fields = [...inside!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].filter(([, name]) => name !== 'csrf').map(([, name, value]) => `${name}=${value}`);
    return `${method!.toUpperCase()} ${action}${fields.length ? `?${fields.join('&')}` : ''}`;
  });
  return [...new Set([...links, ...forms])].sort();
}

/** Text of the elements marked aria-current="page". */
function markedPages(html: string): string[] {
  return [...html.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
}

/** The menus' names as shown (the account's: name and role), `marked` only those holding the page (aria-current="true"). */
function menuNames(html: string, marked = false): string[] {
  return [...html.matchAll(/<summary ([^>]*)>(.*?)<\/summary>/g)]
    .filter((m) => !marked || m[1]!.includes('aria-current="true"'))
    .map((m) => m[2]!.replace(/<span class="sr-only">.*?<\/span>|<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}
const markedMenus = (html: string) => menuNames(html, true);

// What each role's bar offered before it had menus: the pages each may open (e2e/newsroom-access.spec.ts), nothing else.
const EVERY_ROLE = [
  '/newsroom',
  '/newsroom/account',
  '/newsroom/articles/new?kind=live',
  '/newsroom/editions',
  '/newsroom/front-page',
  '/newsroom/magazine',
  '/newsroom/pictures',
  'GET /newsroom/articles/new',
  'POST /api/newsroom/sign-out',
];
const EXPECTED: Record<Role, string[]> = {
  reporter: EVERY_ROLE,
  desk: [...EVERY_ROLE, '/newsroom/pages', '/newsroom/terms'],
  admin: [...EVERY_ROLE, '/newsroom/accounts', '/newsroom/pages', '/newsroom/terms'],
};

describe('NewsroomHeader', () => {
  it.each(['reporter', 'desk', 'admin'] as const)('offers a %s exactly the pages the role may open', (role) => {
    expect(destinations(render(role))).toEqual([...EXPECTED[role]].sort());
  });

  it('offers every page of a menu both on the wide bar and in the phone’s menu', () => {
    const html = render('admin');
    for (const href of ['/newsroom/pictures', '/newsroom/magazine', '/newsroom/editions', '/newsroom/front-page', '/newsroom/terms', '/newsroom/pages', '/newsroom/accounts', '/newsroom/account']) {
      expect(html.split(`href="${href}"`).length - 1, href).toBe(2);
    }
    // The everyday pages once, on the bar at every width (and the masthead's link home).
    expect(html.split('href="/newsroom"').length - 1).toBe(2);
    expect(html.split('>新規作成</button>').length - 1).toBe(1);
  });

  it('groups the pages into 編集 and サイト menus; a group of one page is a plain link', () => {
    expect(menuNames(render('admin'))).toEqual(['編集', 'サイト', 'メニュー', '佐藤 管理者 管理者']);
    // A 記者's サイト is トップページ編集 alone; a 管理者's 管理 is アカウント管理 alone.
    expect(menuNames(render('reporter'))).toEqual(['編集', 'メニュー', '山田 記者 記者']);
    expect(render('reporter')).toMatch(/<li><a [^>]*href="\/newsroom\/front-page"[^>]*>トップページ編集<\/a><\/li>/);
    expect(render('admin')).toMatch(/<li><a [^>]*href="\/newsroom\/accounts"[^>]*>アカウント管理<\/a><\/li>/);
  });

  it('marks the page being shown, in both navigations, and the menu that holds it', () => {
    expect(markedPages(render('desk', '/newsroom'))).toEqual(['記事一覧']);
    expect(markedMenus(render('desk', '/newsroom'))).toEqual([]);
    const issue = render('desk', '/newsroom/magazine/issues/2025-01-07');
    expect(markedPages(issue)).toEqual(['雑誌・別冊', '雑誌・別冊']);
    // The wide bar's group, and the phone's one menu.
    expect(markedMenus(issue)).toEqual(['編集', 'メニュー']);
    const page = render('admin', '/newsroom/pages/terms');
    expect(markedPages(page)).toEqual(['固定ページ', '固定ページ']);
    expect(markedMenus(page)).toEqual(['サイト', 'メニュー']);
    // アカウント管理 is not the editor's own account, nor the other way round.
    expect(markedPages(render('admin', '/newsroom/accounts'))).toEqual(['アカウント管理', 'アカウント管理']);
    expect(markedPages(render('admin', '/newsroom/account'))).toEqual(['自分のアカウント・二段階認証', '自分のアカウント・二段階認証']);
    expect(markedMenus(render('admin', '/newsroom/account'))).toEqual(['メニュー', '佐藤 管理者 管理者']);
    // An article being written is none of the bar's pages.
    expect(markedPages(render('desk', '/newsroom/articles/new'))).toEqual([]);
    expect(markedPages(render('desk', '/newsroom/articles/abcd2345'))).toEqual([]);
  });

  it('offers an account whose two-factor sign-in is due only its own page and sign-out', () => {
    expect(destinations(render('desk', '/newsroom/account', true))).toEqual(['/newsroom', '/newsroom/account', 'POST /api/newsroom/sign-out']);
  });

  it('names the role on the bar, once, for the tests and the access spec to find', () => {
    const html = render('desk');
    expect(html.match(/data-testid="editor-role"[^>]*>デスク</g)).toHaveLength(1);
  });
});
