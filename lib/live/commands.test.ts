import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_TAGS } from '../cache/tags';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { listLatest } from '../content/queries';
import { createEditor } from '../newsroom/editors';
import { LiveCommandError, makeLiveArticle, runLiveCommand, type LiveEditor } from './commands';
import { findLiveStream, selectPostsAfter } from './queries';

/**
 * The live page's commands and the reader's stream on both databases: what a
 * reader sees after each command, what a draft never shows, and what each
 * role is refused.
 */

const NOW = new Date('2026-12-05T05:00:00Z');
const MINUTE = 60_000;
const LIVE = 'tyfnpage';
const DRAFT_LIVE = 'drafttpg';
const ORDINARY = 'regu7arz';

describe.each(TEST_ENGINES)('live commands on %s', (engine) => {
  let conn: TestDatabase;
  let desk: LiveEditor;
  let reporter: LiveEditor;
  let other: LiveEditor;
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
  const stream = (articleId = LIVE, anyStatus = false) => findLiveStream(conn.db, articleId, at(60), { anyStatus });

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'live-commands', { prepared: true });
    const account = (login: string, name: string, role: LiveEditor['role']) =>
      createEditor(conn.db, { login, name, password: 'a-long-enough-passphrase-1', role }).then((e) => ({ id: e.id, role: e.role }));
    desk = await account('desk', 'デスク 太郎', 'desk');
    reporter = await account('reporter', '記者 花子', 'reporter');
    other = await account('other', '記者 次郎', 'reporter');
    await insertTestArticles(conn, [
      { id: LIVE, headline: '台風ライブ', publishedAt: NOW },
      { id: DRAFT_LIVE, headline: '準備中のライブ', status: 'draft', publishedAt: NOW },
      { id: ORDINARY, headline: 'ふつうの記事', publishedAt: NOW },
    ]);
    await makeLiveArticle(conn.db, LIVE);
    await makeLiveArticle(conn.db, DRAFT_LIVE);
    await conn.db.insertInto('topics').values({ slug: 'typhoon', name: '台風', description: '' }).execute();
    await conn.db.insertInto('article_topics').values({ article_id: LIVE, topic_slug: 'typhoon', position: 0 }).execute();
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(async () => {
    await conn.db.deleteFrom('live_posts').execute();
    await conn.db.updateTable('articles').set({ live_started_at: null, live_ended_at: null }).execute();
  });

  it('a post reaches the stream, newest first, with its author and time, and names the stream’s tag alone', async () => {
    const first = await runLiveCommand(conn.db, reporter, LIVE, 'post', { body: '雨が強まっています。' }, at(0));
    const second = await runLiveCommand(conn.db, desk, LIVE, 'post', { headline: '上陸', body: '**午後2時32分**、上陸しました。' }, at(32));
    // Not the article's: the pages showing its card (あわせて読みたい) stay cached.
    expect(second.invalidate).toEqual([CACHE_TAGS.live(LIVE)]);
    const s = (await stream())!;
    expect(s.posts.map((p) => p.id)).toEqual([second.postId, first.postId]);
    expect(s.posts[0]).toMatchObject({ headline: '上陸', author: 'デスク 太郎', timeLabel: '14:32', pinned: false, editedAt: null });
    expect(s.posts[1]).toMatchObject({ headline: null, author: '記者 花子', timeLabel: '14:00' });
    // Coverage began with the first post.
    expect(s.startedAt).toBe(at(0).toISOString());
    expect(s.endedAt).toBeNull();
  });

  it('the first post puts LIVE on the page’s cards and touches the listings that show them; later posts do not; the end takes it off', async () => {
    const card = async (minutes: number) => (await listLatest(conn.db, at(minutes), 10)).find((a) => a.id === LIVE)!;
    expect((await card(0)).liveNow).toBe(false);
    const first = await runLiveCommand(conn.db, reporter, LIVE, 'post', { body: '第1報' }, at(1));
    expect(first.invalidate.sort()).toEqual([CACHE_TAGS.live(LIVE), CACHE_TAGS.article(LIVE), CACHE_TAGS.articles, CACHE_TAGS.section('world'), CACHE_TAGS.topic('typhoon')].sort());
    expect((await card(1)).liveNow).toBe(true);
    const second = await runLiveCommand(conn.db, desk, LIVE, 'post', { body: '第2報' }, at(2));
    const pinned = await runLiveCommand(conn.db, desk, LIVE, 'pin', { postId: second.postId! }, at(3));
    expect([second.invalidate, pinned.invalidate]).toEqual([[CACHE_TAGS.live(LIVE)], [CACHE_TAGS.live(LIVE)]]);
    await runLiveCommand(conn.db, desk, LIVE, 'end', {}, at(4));
    expect((await card(4)).liveNow).toBe(false);
    // Another live page, or an ordinary one, never says LIVE because of this one.
    expect((await listLatest(conn.db, at(4), 10)).filter((a) => a.liveNow)).toEqual([]);
  });

  it('posts after one the reader has, by id or by time; an unknown id is null', async () => {
    const ids: string[] = [];
    for (let m = 0; m < 3; m++) ids.push((await runLiveCommand(conn.db, desk, LIVE, 'post', { body: `第${m + 1}報` }, at(m)))!.postId!);
    const s = (await stream())!;
    expect(selectPostsAfter(s, { postId: ids[0]! })!.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect(selectPostsAfter(s, { postId: ids[2]! })).toEqual([]);
    expect(selectPostsAfter(s, { time: at(1).toISOString() })!.map((p) => p.id)).toEqual([ids[2]]);
    expect(selectPostsAfter(s, { postId: 'zzzzzzzz' })).toBeNull();
  });

  it('edit marks 修正, delete removes, pin and unpin mark 要点, end ends coverage and posting', async () => {
    const { postId } = await runLiveCommand(conn.db, reporter, LIVE, 'post', { body: '第1報' }, at(0));
    // What tells an open page its shown posts changed (lib/live/changes.ts): nothing yet.
    expect((await stream())!.changedAt).toBeNull();
    await runLiveCommand(conn.db, reporter, LIVE, 'edit', { postId: postId!, body: '第1報(修正)' }, at(5));
    expect((await stream())!.posts[0]).toMatchObject({ editedAt: at(5).toISOString(), blocks: [{ type: 'paragraph' }] });
    expect((await stream())!.changedAt).toBe(at(5).toISOString());
    await runLiveCommand(conn.db, desk, LIVE, 'pin', { postId: postId! }, at(6));
    expect((await stream())!.posts[0]!.pinned).toBe(true);
    await runLiveCommand(conn.db, desk, LIVE, 'unpin', { postId: postId! }, at(7));
    expect((await stream())!.posts[0]!.pinned).toBe(false);
    await runLiveCommand(conn.db, desk, LIVE, 'delete', { postId: postId! }, at(8));
    expect((await stream())!.posts).toEqual([]);
    // The deleted post is gone from the stream, but its deletion is the newest change.
    expect((await stream())!.changedAt).toBe(at(8).toISOString());
    await expect(runLiveCommand(conn.db, desk, LIVE, 'edit', { postId: postId!, body: 'x' }, at(9))).rejects.toMatchObject({ status: 404 });
    const ended = await runLiveCommand(conn.db, desk, LIVE, 'end', {}, at(10));
    // Ending is the article's news too: every page that shows its card (and its LIVE badge) hears of it.
    expect(ended.invalidate.sort()).toEqual([CACHE_TAGS.live(LIVE), CACHE_TAGS.article(LIVE), CACHE_TAGS.articles, CACHE_TAGS.section('world'), CACHE_TAGS.topic('typhoon')].sort());
    expect((await stream())!.endedAt).toBe(at(10).toISOString());
    await expect(runLiveCommand(conn.db, reporter, LIVE, 'post', { body: '遅れた投稿' }, at(11))).rejects.toMatchObject({ status: 409 });
  });

  it('a 記者 posts and changes their own posts only; pin, unpin and end are the desk’s', async () => {
    const { postId } = await runLiveCommand(conn.db, reporter, LIVE, 'post', { body: '現場から' }, at(0));
    for (const command of ['pin', 'unpin', 'end'] as const) {
      await expect(runLiveCommand(conn.db, reporter, LIVE, command, { postId: postId! }, at(1))).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/デスク/) });
    }
    await expect(runLiveCommand(conn.db, other, LIVE, 'edit', { postId: postId!, body: '書き換え' }, at(1))).rejects.toMatchObject({ status: 403 });
    await expect(runLiveCommand(conn.db, other, LIVE, 'delete', { postId: postId! }, at(1))).rejects.toMatchObject({ status: 403 });
    await runLiveCommand(conn.db, desk, LIVE, 'edit', { postId: postId!, body: 'デスクが直した' }, at(2));
    expect((await stream())!.posts[0]!.blocks).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', value: 'デスクが直した' }] }]);
  });

  it('refuses empty, oversized and misdirected input with a 4xx in Japanese', async () => {
    const refused = (articleId: string, input: object, command: 'post' | 'edit' = 'post') =>
      runLiveCommand(conn.db, desk, articleId, command, input, at(0)).then(
        () => null,
        (e: unknown) => (e instanceof LiveCommandError ? e.status : e),
      );
    expect(await refused(LIVE, { body: '  \n ' })).toBe(400);
    expect(await refused(LIVE, { body: 'あ'.repeat(4001) })).toBe(400);
    expect(await refused(LIVE, { body: '本文', headline: 'あ'.repeat(81) })).toBe(400);
    expect(await refused(LIVE, { body: '本文' }, 'edit')).toBe(400);
    expect(await refused(ORDINARY, { body: '本文' })).toBe(409);
    expect(await refused('zzzzzzzz', { body: '本文' })).toBe(404);
    expect(await refused('../../x', { body: '本文' })).toBe(404);
  });

  it('a draft live page takes posts, but readers never see its stream', async () => {
    // Its first post starts coverage, but no listing shows a draft: nothing beyond its own tags.
    expect((await runLiveCommand(conn.db, desk, DRAFT_LIVE, 'post', { body: '準備稿' }, at(0))).invalidate.sort()).toEqual([CACHE_TAGS.live(DRAFT_LIVE), CACHE_TAGS.article(DRAFT_LIVE)].sort());
    expect(await stream(DRAFT_LIVE)).toBeNull();
    expect((await stream(DRAFT_LIVE, true))!.posts).toHaveLength(1);
    expect(await stream(ORDINARY)).toBeNull();
  });
});
