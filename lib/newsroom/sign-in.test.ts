import { describe, expect, it, vi } from 'vitest';
import { countedBody, streamedPost } from '../../test/support/bodies';
import { BODY_LIMITS } from './http';
import { handleSignIn } from './sign-in';
import { TEST_SITE as SITE } from '../../test/support/newsroom-context';

/**
 * Sign-in needs no session, so it is where an outsider's huge body lands
 * first (issue 14: one 200 MB POST took the server from 427 MB to 3.7 GB).
 * The database is a trap: a refused body must never get as far as a query.
 */

vi.mock('./context', () => import('../../test/support/newsroom-context'));

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = 64 * 1024;

function signIn(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return streamedPost(`${SITE}/api/newsroom/sign-in`, stream, { origin: SITE, 'content-type': 'application/json', ...headers });
}

describe('sign-in body limit', () => {
  it('refuses 100 MB sent chunked with 413 after one chunk, and cancels the rest', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK, totalBytes: HUNDRED_MB });
    const response = await handleSignIn(signIn(stream));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/大きすぎ/) });
    expect(BODY_LIMITS.signIn).toBeLessThan(CHUNK);
    expect(seen).toEqual({ pulled: CHUNK, cancelled: true });
  });

  it('refuses 100 MB declared in Content-Length without reading a byte', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK, totalBytes: HUNDRED_MB });
    const response = await handleSignIn(signIn(stream, { 'content-length': String(HUNDRED_MB) }));
    expect(response.status).toBe(413);
    expect(seen.pulled).toBe(0);
  });

  it('counts a slow trickle too: refused as soon as it passes the limit', async () => {
    const { stream, seen } = countedBody({ chunkBytes: 1000 });
    expect((await handleSignIn(signIn(stream))).status).toBe(413);
    expect(seen.pulled).toBe(Math.floor(BODY_LIMITS.signIn / 1000) * 1000 + 1000);
  });

  it('answers another type with 415 and malformed JSON with 400, in Japanese', async () => {
    const form = await handleSignIn(signIn(countedBody(['login=demo']).stream, { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(415);
    const broken = await handleSignIn(signIn(countedBody(['{"login":']).stream));
    expect(broken.status).toBe(400);
    for (const response of [form, broken]) expect(((await response.json()) as { error: string }).error).toMatch(/[ぁ-ん]/);
  });

  it('checks the origin before reading anything', async () => {
    const { stream, seen } = countedBody({ chunkBytes: CHUNK, totalBytes: HUNDRED_MB });
    expect((await handleSignIn(signIn(stream, { origin: 'https://evil.example' }))).status).toBe(403);
    expect(seen.pulled).toBe(0);
  });
});
