import { describe, expect, it, vi } from 'vitest';
import { countedBody, streamedPost } from '@/test/support/bodies';
import { BODY_LIMITS } from '@/lib/newsroom/http';
import { TEST_SITE } from '@/test/support/newsroom-context';
import { PUT as saveArticle } from './articles/[id]/route';
import { POST as runCommand } from './articles/[id]/[command]/route';
import { POST as reportPresence } from './articles/[id]/presence/route';
import { POST as saveFrontPage } from './front-page/route';
import { POST as uploadMedia } from './media/route';
import { POST as searchPictures } from './pictures/search/route';
import { POST as updatePicture } from './pictures/[id]/route';
import { POST as createPreviewLink } from './preview-links/route';
import { POST as revokePreviewLink } from './preview-links/[id]/revoke/route';
import { POST as createTerm } from './terms/route';
import { POST as createAccount } from './accounts/route';
import { POST as changeRole } from './accounts/[id]/role/route';
import { POST as createEdition } from './editions/route';
import { PUT as saveEdition } from './editions/[id]/route';
import { POST as sendEdition } from './editions/[id]/send/route';
import { POST as createTermPage } from './terms/[kind]/route';
import { PUT as saveTermPage } from './terms/[kind]/[slug]/route';
import { TERM_PAGE_BODY_LIMIT } from '@/lib/newsroom/term-pages-rules';
import { POST as createIssue } from './magazine/issues/route';
import { PUT as saveIssue } from './magazine/issues/[slug]/route';
import { POST as createPublication } from './magazine/publications/route';
import { PUT as savePublication } from './magazine/publications/[slug]/route';
import { PUT as saveFixedPage } from './pages/[slug]/route';

/**
 * Every newsroom route handler that reads a body refuses one over its limit
 * with a Japanese 413, before reading it when Content-Length says so and one
 * chunk past the limit when it does not. The guard lets the request through
 * (lib/newsroom/auth.test.ts tests the guard's own read); the database is a
 * trap, so no refused body reaches a query.
 */

vi.mock('@/lib/newsroom/context', () => import('@/test/support/newsroom-context'));
const signedIn = vi.hoisted(() => ({ role: 'admin' }));
vi.mock('@/lib/newsroom/auth', () => ({
  guardMutation: async () => ({ editor: { id: 'e1', login: 'sato', name: '佐藤', role: signedIn.role }, sessionId: 'session-1', csrfToken: 'token' }),
}));

const CHUNK = 64 * 1024;
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

const ROUTES: { name: string; limit: number; type: string; send: (request: Request) => Promise<Response> }[] = [
  { name: 'PUT /api/newsroom/articles/[id]', limit: BODY_LIMITS.article, type: 'application/json', send: (r) => saveArticle(r, params({ id: 'abcd2345' })) },
  { name: 'POST /api/newsroom/articles/[id]/publish', limit: BODY_LIMITS.article, type: 'application/json', send: (r) => runCommand(r, params({ id: 'abcd2345', command: 'publish' })) },
  { name: 'POST /api/newsroom/articles/[id]/presence', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => reportPresence(r, params({ id: 'abcd2345' })) },
  { name: 'POST /api/newsroom/front-page', limit: BODY_LIMITS.frontPage, type: 'application/json', send: (r) => saveFrontPage(r) },
  { name: 'POST /api/newsroom/terms', limit: BODY_LIMITS.term, type: 'application/json', send: (r) => createTerm(r) },
  { name: 'POST /api/newsroom/media', limit: BODY_LIMITS.upload, type: 'multipart/form-data; boundary=x', send: (r) => uploadMedia(r) },
  { name: 'POST /api/newsroom/pictures/search', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => searchPictures(r) },
  { name: 'POST /api/newsroom/pictures/[id]', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => updatePicture(r, params({ id: 'abcdefabcdef' })) },
  { name: 'POST /api/newsroom/preview-links', limit: BODY_LIMITS.form, type: 'application/x-www-form-urlencoded', send: (r) => createPreviewLink(r) },
  {
    name: 'POST /api/newsroom/preview-links/[id]/revoke',
    limit: BODY_LIMITS.form,
    type: 'application/x-www-form-urlencoded',
    send: (r) => revokePreviewLink(r, params({ id: 'AAAAAAAAAAAA' })),
  },
  { name: 'POST /api/newsroom/accounts', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => createAccount(r) },
  { name: 'POST /api/newsroom/accounts/[id]/role', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => changeRole(r, params({ id: 'AAAAAAAAAAAA' })) },
  { name: 'POST /api/newsroom/editions', limit: BODY_LIMITS.edition, type: 'application/json', send: (r) => createEdition(r) },
  { name: 'PUT /api/newsroom/editions/[id]', limit: BODY_LIMITS.edition, type: 'application/json', send: (r) => saveEdition(r, params({ id: 'AAAAAAAAAAAAAAAA' })) },
  { name: 'PUT /api/newsroom/pages/[slug]', limit: BODY_LIMITS.fixedPage, type: 'application/json', send: (r) => saveFixedPage(r, params({ slug: 'terms' })) },
  { name: 'POST /api/newsroom/editions/[id]/send', limit: BODY_LIMITS.form, type: 'application/json', send: (r) => sendEdition(r, params({ id: 'AAAAAAAAAAAAAAAA' })) },
  { name: 'POST /api/newsroom/terms/[kind]', limit: TERM_PAGE_BODY_LIMIT, type: 'application/json', send: (r) => createTermPage(r, params({ kind: 'authors' })) },
  { name: 'PUT /api/newsroom/terms/[kind]/[slug]', limit: TERM_PAGE_BODY_LIMIT, type: 'application/json', send: (r) => saveTermPage(r, params({ kind: 'authors', slug: 'ito-sayaka' })) },
  { name: 'POST /api/newsroom/magazine/issues', limit: BODY_LIMITS.magazine, type: 'application/json', send: (r) => createIssue(r) },
  { name: 'PUT /api/newsroom/magazine/issues/[slug]', limit: BODY_LIMITS.magazine, type: 'application/json', send: (r) => saveIssue(r, params({ slug: '2026-12-15' })) },
  { name: 'POST /api/newsroom/magazine/publications', limit: BODY_LIMITS.magazine, type: 'application/json', send: (r) => createPublication(r) },
  { name: 'PUT /api/newsroom/magazine/publications/[slug]', limit: BODY_LIMITS.magazine, type: 'application/json', send: (r) => savePublication(r, params({ slug: 'p-0123456789' })) },
];

const post = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) => streamedPost(`${TEST_SITE}/api/newsroom/any`, stream, { origin: TEST_SITE, ...headers });

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: string }).error).toMatch(/大きすぎ|以下に/);
}

describe.each(ROUTES)('$name', ({ limit, type, send }) => {
  it('refuses a declared body over its limit without reading it', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK });
    await expectTooLarge(await send(post(stream, { 'content-type': type, 'content-length': String(limit + 1) })));
    expect(seen.pulled).toBe(0);
  });

  it('stops a chunked body one chunk past its limit', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK });
    await expectTooLarge(await send(post(stream, { 'content-type': type })));
    expect(seen).toEqual({ pulled: (Math.floor(limit / CHUNK) + 1) * CHUNK, cancelled: true });
  });
});

describe('the accounts routes', () => {
  it('refuse a 記者 or a デスク with 403 before reading a byte of the body', async () => {
    for (const role of ['reporter', 'desk']) {
      signedIn.role = role;
      for (const send of [createAccount, (r: Request) => changeRole(r, params({ id: 'AAAAAAAAAAAA' }))]) {
        const { stream, seen } = countedBody({ chunkBytes: CHUNK });
        const response = await send(post(stream, { 'content-type': 'application/json' }));
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: string }).error).toBe('アカウントの管理は管理者だけが行えます。');
        expect(seen.pulled).toBe(0);
      }
    }
    signedIn.role = 'admin';
  });
});
