import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countedBody, streamedPost } from '../../test/support/bodies';
import { guardMutation } from './auth';
import { toCsrfToken } from './csrf';
import { BODY_LIMITS, readForm } from './http';
import { getNewsroomContext, TEST_SITE } from '../../test/support/newsroom-context';

/**
 * The mutation guard reads a plain form's `csrf` field from the body: that
 * read is size-limited too, and leaves the form for the route handler.
 */

const session = vi.hoisted(() => ({ signedIn: true }));
vi.mock('./context', () => import('../../test/support/newsroom-context'));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => ({ value: 'a-session-cookie' }) }) }));
vi.mock('./sessions', () => ({
  findSession: async () => (session.signedIn ? { sessionId: 'session-1', editor: { id: 'e1', login: 'sato', name: '佐藤' } } : null),
}));

const CHUNK = 64 * 1024;
const post = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  streamedPost(`${TEST_SITE}/api/newsroom/sign-out`, stream, { origin: TEST_SITE, 'content-type': 'application/x-www-form-urlencoded', ...headers });

describe('guardMutation and the request body', () => {
  beforeEach(() => {
    session.signedIn = true;
  });

  it("takes a form's CSRF field and leaves the form for the route to read", async () => {
    const csrf = toCsrfToken((await getNewsroomContext()).secret, 'session-1');
    const request = post(countedBody([`csrf=${encodeURIComponent(csrf)}`, '&id=abcd2345']).stream, {});
    const guard = await guardMutation(request);
    expect(guard).toMatchObject({ sessionId: 'session-1' });
    const form = await readForm(request, BODY_LIMITS.form);
    expect(form.ok && form.form.get('id')).toBe('abcd2345');
  });

  it('refuses an endless form with 413 as soon as it passes the form limit', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK });
    const guard = await guardMutation(post(stream, {}));
    expect(guard).toBeInstanceOf(Response);
    expect((guard as Response).status).toBe(413);
    expect(await (guard as Response).json()).toEqual({ error: expect.stringMatching(/大きすぎ/) });
    // The limit is under one chunk; request.clone()'s branches may each ask for one chunk ahead.
    expect(seen.pulled).toBeLessThanOrEqual(2 * CHUNK);
    // Both the copy and the original are cancelled, so the socket is let go.
    await vi.waitFor(() => expect(seen.cancelled).toBe(true));
  });

  it('reads nothing when the token comes in its header, or when no one is signed in', async () => {
    const csrf = toCsrfToken((await getNewsroomContext()).secret, 'session-1');
    const upload = countedBody({ chunkBytes: CHUNK });
    expect(await guardMutation(post(upload.stream, { 'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': csrf }))).toMatchObject({ sessionId: 'session-1' });
    expect(upload.seen.pulled).toBe(0);

    session.signedIn = false;
    const anonymous = countedBody({ chunkBytes: CHUNK });
    expect(((await guardMutation(post(anonymous.stream, {}))) as Response).status).toBe(401);
    expect(anonymous.seen.pulled).toBe(0);
  });

  it('refuses a JSON body without a token header as having no token', async () => {
    const guard = await guardMutation(post(countedBody(['{"csrf":"x"}']).stream, { 'content-type': 'application/json' }));
    expect((guard as Response).status).toBe(403);
  });
});
