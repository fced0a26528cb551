import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { captureLog } from '../../test/support/log';
import { answer, describeInputError, readMutation } from './mutation';

/**
 * The reader every newsroom JSON mutation starts with: the order of its
 * refusals is the promise (the guard before anything, the role before the
 * body is read, the size before the schema), each a 4xx with Japanese words.
 * The guard itself (origin, session, CSRF token) is tested in auth.test.ts.
 */

const guard = vi.hoisted(() => ({ refuse: null as Response | null, role: 'desk' }));
vi.mock('./auth', () => ({
  guardMutation: async () => guard.refuse ?? { editor: { id: 'e1', login: 'desk', name: 'デスク 太郎', role: guard.role }, sessionId: 's1', csrfToken: 't' },
}));

const schema = z.object({ title: z.string().min(1, '見出しを入力してください。').max(20), count: z.number().int() });
const rules = { limit: 200, schema, refuse: ({ editor }: { editor: { role: string } }) => (editor.role === 'reporter' ? 'デスクだけができる操作です。' : null) };

function post(body: string): Request {
  return new Request('https://kiji.test/api/newsroom/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

async function refusal(request: Request): Promise<{ status: number; error: string }> {
  const read = await readMutation(request, rules);
  if (read.ok) throw new Error('expected a refusal');
  return { status: read.response.status, error: ((await read.response.json()) as { error: string }).error };
}

describe('readMutation', () => {
  it('gives the signed-in editor and the parsed input', async () => {
    guard.role = 'desk';
    const read = await readMutation(post(JSON.stringify({ title: '見出し', count: 2 })), rules);
    expect(read).toMatchObject({ ok: true, signedIn: { editor: { id: 'e1' } }, input: { title: '見出し', count: 2 } });
  });

  it("passes the guard's refusal on before reading anything", async () => {
    guard.refuse = Response.json({ error: 'サインインしてください。' }, { status: 401 });
    try {
      const request = post('x'.repeat(10_000));
      expect((await refusal(request)).status).toBe(401);
      expect(request.bodyUsed, 'the body is left unread').toBe(false);
    } finally {
      guard.refuse = null;
    }
  });

  it('refuses a role before the body, whatever the body is', async () => {
    guard.role = 'reporter';
    const request = post('x'.repeat(10_000));
    expect(await refusal(request)).toEqual({ status: 403, error: 'デスクだけができる操作です。' });
    expect(request.bodyUsed).toBe(false);
  });

  it('answers an unknown address with 404 after the role and before the body', async () => {
    guard.role = 'desk';
    const request = post('x'.repeat(10_000));
    const read = await readMutation(request, { ...rules, unknown: () => '操作が見つかりません。' });
    expect(read.ok || { status: read.response.status, json: await read.response.json() }).toEqual({ status: 404, json: { error: '操作が見つかりません。' } });
    expect(request.bodyUsed).toBe(false);
    guard.role = 'reporter';
    const refused = await readMutation(post('{}'), { ...rules, unknown: () => '操作が見つかりません。' });
    expect(refused.ok || refused.response.status, 'a role refused is told so, whatever it asked for').toBe(403);
  });

  it("says the route's own words for a body over its limit", async () => {
    guard.role = 'desk';
    const read = await readMutation(post(JSON.stringify({ title: 'x'.repeat(500), count: 1 })), { ...rules, tooLarge: '本文は100字以内にしてください。' });
    expect(read.ok || { status: read.response.status, json: await read.response.json() }).toEqual({ status: 413, json: { error: '本文は100字以内にしてください。' } });
  });

  it('refuses a body over the limit with 413, and one that is not JSON with 400', async () => {
    guard.role = 'desk';
    expect((await refusal(post(JSON.stringify({ title: 'x'.repeat(500), count: 1 })))).status).toBe(413);
    expect(await refusal(post('{not json'))).toMatchObject({ status: 400, error: expect.stringMatching(/読み取れませんでした/) });
  });

  it("answers the schema's own Japanese message, and the general one for zod's English", async () => {
    guard.role = 'desk';
    expect(await refusal(post(JSON.stringify({ title: '', count: 1 })))).toEqual({ status: 400, error: '見出しを入力してください。' });
    expect(await refusal(post(JSON.stringify({ title: 'ok', count: 'two' })))).toEqual({ status: 400, error: '入力内容を確認してください。' });
    const custom = await readMutation(post('{}'), { ...rules, invalid: () => '独自の説明' });
    expect(custom.ok || (await custom.response.json())).toEqual({ error: '独自の説明' });
  });
});

describe('describeInputError', () => {
  it('keeps a message written for people and hides an English one', () => {
    expect(describeInputError(schema.safeParse({ title: '', count: 1 }).error!)).toBe('見出しを入力してください。');
    expect(describeInputError(schema.safeParse({}).error!)).toBe('入力内容を確認してください。');
  });
});

describe('answer', () => {
  it("answers a command's refusal with its status and words, anything else with a 500 that says only that it failed", async () => {
    const refused = await answer(async () => {
      throw Object.assign(new Error('この記事は公開されていません。'), { status: 409 });
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'この記事は公開されていません。' });
    const log = captureLog('info');
    try {
      const failed = await answer(async () => {
        throw new Error('SQL detail that must not reach the editor');
      });
      expect(failed.status).toBe(500);
      expect(JSON.stringify(await failed.json())).not.toMatch(/SQL/);
      expect(log.entries().at(-1), 'kept for the operator').toMatchObject({ level: 'error', msg: 'command failed' });
    } finally {
      log.restore();
    }
  });
});
