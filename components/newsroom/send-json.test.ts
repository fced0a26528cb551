import { afterEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_FAILURE, sendJson } from './send-json';

const answer = (status: number, body: unknown) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('sendJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts JSON with the CSRF token and hands back the answer', async () => {
    const fetch = vi.fn(async () => answer(200, { id: 'abcd2345' }));
    vi.stubGlobal('fetch', fetch);
    expect(await sendJson('/api/newsroom/x', 'token-1', { a: 1 }, { method: 'PUT' })).toEqual({ ok: true, status: 200, body: { id: 'abcd2345' } });
    expect(fetch).toHaveBeenCalledWith('/api/newsroom/x', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'token-1' }, body: '{"a":1}' });
  });

  it('says why a route refused: its own words first, then the form’s, then the status', async () => {
    vi.stubGlobal('fetch', async () => answer(409, { error: 'ほかの人が先に保存しました。' }));
    expect(await sendJson('/x', 't', {}, { refused: () => '保存できませんでした。' })).toMatchObject({ ok: false, status: 409, error: 'ほかの人が先に保存しました。' });
    vi.stubGlobal('fetch', async () => answer(500, 'not json'));
    expect(await sendJson('/x', 't', {}, { refused: () => '保存できませんでした。' })).toMatchObject({ ok: false, status: 500, error: '保存できませんでした。' });
    expect(await sendJson('/x', 't', {})).toMatchObject({ ok: false, error: '処理できませんでした(500)。' });
  });

  it('names a request that got no answer at all', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await sendJson('/x', 't', {})).toEqual({ ok: false, status: 0, error: NETWORK_FAILURE, body: {} });
    expect(await sendJson('/x', 't', {}, { offline: '送信できませんでした。' })).toMatchObject({ error: '送信できませんでした。' });
  });
});
