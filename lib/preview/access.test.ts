import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { createEditor } from '../newsroom/editors';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';
import { createPreviewLink, revokePreviewLink } from './links';

/**
 * Who sees an article at its preview address: a signed-in editor any
 * article, a preview link's holder its one article, everyone else a 404.
 * The links are real (a SQLite database); the request's cookies, the
 * session and the article getters are stand-ins.
 */

const SECRET = 'p'.repeat(43);
const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
  editor: false,
  db: undefined as unknown,
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => request.set.push({ name, value, options }),
  }),
}));
vi.mock('../newsroom/auth', () => ({ getSignedInEditor: async () => (request.editor ? { editor: { id: 'e1', login: 'desk', name: 'デスク' } } : null) }));
vi.mock('../newsroom/context', () => ({
  getNewsroomContext: async () => ({ db: request.db, secret: SECRET, settings: { secureCookies: true } }),
}));
vi.mock('../content', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../content')>()),
  // A draft of three pages, whatever its id.
  getArticle: async (id: string) => ({ id, headline: '下書き', pages: [[], [], []] }),
  getArticleStatus: async () => 'draft',
}));

const { getArticlePreview, openPreviewLink, PREVIEW_GRANT_COOKIE } = await import('./access');

describe('the preview address', () => {
  let conn: TestDatabase;
  let editorId: string;
  let articleId: string;
  let otherId: string;

  beforeAll(async () => {
    conn = await openTestDatabase('sqlite', 'previewaccess', { prepared: true });
    request.db = conn.db;
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
    articleId = await createTestDraft(conn.db, editorId);
    otherId = await createTestDraft(conn.db, editorId);
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(() => {
    request.cookies.clear();
    request.set.length = 0;
    request.editor = false;
  });

  it('shows a signed-in editor any article, on any page it has', async () => {
    request.editor = true;
    expect(await getArticlePreview(articleId, undefined)).toMatchObject({ viewer: 'editor', page: 1, status: 'draft' });
    expect(await getArticlePreview(otherId, ['3'])).toMatchObject({ viewer: 'editor', page: 3 });
    expect(await getArticlePreview(otherId, ['4']), 'past the last page').toBeNull();
    expect(await getArticlePreview(otherId, ['1']), 'page 1 has no number in its address').toBeNull();
  });

  it('shows a link holder the one article the link was made for, and nothing else', async () => {
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 24 });
    request.cookies.set(PREVIEW_GRANT_COOKIE, link.token);
    expect(await getArticlePreview(articleId, undefined)).toMatchObject({ viewer: 'link', page: 1 });
    expect(await getArticlePreview(otherId, undefined)).toBeNull();
  });

  it('shows nothing without a grant, with a forged one, or once the link is revoked', async () => {
    expect(await getArticlePreview(articleId, undefined)).toBeNull();
    request.cookies.set(PREVIEW_GRANT_COOKIE, 'forged.token.value');
    expect(await getArticlePreview(articleId, undefined)).toBeNull();
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 24 });
    request.cookies.set(PREVIEW_GRANT_COOKIE, link.token);
    expect(await getArticlePreview(articleId, undefined)).not.toBeNull();
    await revokePreviewLink(conn.db, articleId, link.id);
    expect(await getArticlePreview(articleId, undefined), 'checked at every view').toBeNull();
  });

  it('gives an opened link a grant scoped to that article\'s preview address, and none for a bad link', async () => {
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 6 });
    expect(await openPreviewLink(link.token)).toMatchObject({ ok: true, articleId });
    expect(request.set).toEqual([
      {
        name: PREVIEW_GRANT_COOKIE,
        value: link.token,
        options: { httpOnly: true, sameSite: 'lax', secure: true, path: `/preview/articles/${articleId}`, expires: new Date(link.expiresAt) },
      },
    ]);
    request.set.length = 0;
    expect(await openPreviewLink('garbage')).toMatchObject({ ok: false });
    expect(request.set).toEqual([]);
  });
});
