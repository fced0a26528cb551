import 'server-only';
import { unstable_cache } from 'next/cache';
import { CACHE_SECONDS, CACHE_TAGS } from '../cache/tags';
import { isArticleId } from '../content/ids';
import { getDb } from '../db';
import * as commands from './commands';
import { parseLiveAfter, type LiveAfter } from './after';
import { findLiveArticle, findLiveStream, selectPostsAfter } from './queries';
import type { LiveCommand, LiveStream, LiveUpdate } from './types';

/**
 * The one door to live coverage (速報ライブ, ADR 0036) for pages, route
 * handlers and the newsroom: the reader's stream (cached with its article),
 * the updates an open page polls for, and the commands on a live page.
 */

/**
 * A public live page's stream, newest first; null for malformed ids and for
 * anything that is not a live page readers may see. Cached under the
 * stream's own tag, which every command on it invalidates, so a post
 * re-renders the live page and not the pages that show its card. `preview` reads any status
 * straight from the database, never into the shared cache.
 */
export async function getLiveStream(id: string, { preview = false }: { preview?: boolean } = {}): Promise<LiveStream | null> {
  if (!isArticleId(id)) return null;
  if (preview) return findLiveStream(await getDb(), id, new Date(), { anyStatus: true });
  return unstable_cache(async () => findLiveStream(await getDb(), id, new Date()), ['live-stream', id], {
    // The article's tag too: a publish or withdrawal reads the stream anew; posts touch only `live`.
    tags: [CACHE_TAGS.live(id), CACHE_TAGS.article(id)],
    revalidate: CACHE_SECONDS.article,
  })();
}

/**
 * How long this process answers GET /api/live/{id} from the stream it last
 * read (ms): the CDN's 5 s (CACHE_CONTROL.liveUpdates) keeps most polls
 * away; this one second folds the misses that arrive together (one per
 * distinct `after`) into one read. This process's own commands drop it.
 */
const STREAM_MEMO_MS = 1_000;
/** Live pages whose stream this process keeps at once; a poll for an unknown id counts too, so it is bounded. */
const STREAM_MEMO_SIZE = 64;

type Memo = Map<string, { at: number; stream: Promise<LiveStream | null> }>;
const MEMO = Symbol.for('kiji.live.streams');

function memo(): Memo {
  const g = globalThis as typeof globalThis & { [MEMO]?: Memo };
  return (g[MEMO] ??= new Map());
}

function readStreamForPolls(id: string): Promise<LiveStream | null> {
  const streams = memo();
  const now = Date.now();
  const hit = streams.get(id);
  if (hit && now - hit.at < STREAM_MEMO_MS) return hit.stream;
  const stream = getDb().then((db) => findLiveStream(db, id, new Date()));
  streams.delete(id);
  streams.set(id, { at: now, stream });
  if (streams.size > STREAM_MEMO_SIZE) streams.delete(streams.keys().next().value!);
  stream.catch(() => {
    if (streams.get(id)?.stream === stream) streams.delete(id);
  });
  return stream;
}

/**
 * The posts of a public live page newer than `after`, newest first, and
 * whether coverage has ended: null when there is no such page (draft,
 * withdrawn, ordinary article, unknown id). A post id that is no longer in
 * the stream (deleted) answers no posts: the reader's page keeps what it has.
 */
export async function getLiveUpdate(id: string, after: LiveAfter): Promise<LiveUpdate | null> {
  if (!isArticleId(id)) return null;
  const stream = await readStreamForPolls(id);
  if (!stream) return null;
  return {
    posts: selectPostsAfter(stream, after) ?? [],
    endedAt: stream.endedAt,
    changedAt: stream.changedAt,
    pinned: stream.posts.filter((p) => p.pinned).map((p) => p.id),
  };
}

/** After a command on it in this process: the next poll reads the stream anew. */
export function forgetLiveStream(id: string): void {
  memo().delete(id);
}

/** Runs one command on a live page (./commands.ts); the caller invalidates `invalidate` and calls forgetLiveStream. */
export async function runLiveCommand(editor: commands.LiveEditor, articleId: string, command: LiveCommand, input: commands.LiveCommandInput) {
  return commands.runLiveCommand(await getDb(), editor, articleId, command, input);
}

/** The composer's list: a live page and its posts, whatever its status; null for an unknown id or an ordinary article. */
export async function getLiveDesk(articleId: string) {
  if (!isArticleId(articleId)) return null;
  const db = await getDb();
  const article = await findLiveArticle(db, articleId);
  if (!article) return null;
  return { article, posts: await commands.listLivePostsForNewsroom(db, articleId) };
}

/** A live page as the newsroom sees it, whatever its status; null for an unknown id or an ordinary article. */
export async function getLiveArticle(articleId: string) {
  if (!isArticleId(articleId)) return null;
  return findLiveArticle(await getDb(), articleId);
}

/** Makes a new draft a live page (新規作成 → ライブ). */
export async function makeLiveArticle(articleId: string): Promise<void> {
  await commands.makeLiveArticle(await getDb(), articleId);
}

export { decideLiveRefusal } from './roles';
export { parseLiveAfter, type LiveAfter };
export { LIVE_HEADLINE_MAX_LENGTH, LIVE_POST_MAX_LENGTH, LiveCommandError, type LiveCommandInput, type LiveEditor } from './commands';
export { selectPinnedPosts } from './shape';
export { isLiveCommand, LIVE_COMMANDS, type LiveCommand, type LivePost, type LiveStream, type LiveUpdate } from './types';
