import type { Kysely } from 'kysely';
import { isPublic } from '../content/queries';
import type { ArticleStatus, Database } from '../db/schema';
import type { LiveAfter } from './after';
import { toLivePost, type LivePostRow } from './shape';
import type { LivePost, LiveStream } from './types';

type Db = Kysely<Database>;

/** The most posts a stream shows (newest first); a week-long page beyond it shows its newest. */
export const LIVE_STREAM_LIMIT = 500;

/** A live page as the newsroom sees it, whatever its status: null for an unknown id or an ordinary article. */
export type LiveArticle = { id: string; status: ArticleStatus; headline: string; startedAt: string | null; endedAt: string | null; publishedAt: string | null };

export async function findLiveArticle(db: Db, id: string): Promise<LiveArticle | null> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'status', 'headline', 'kind', 'live_started_at', 'live_ended_at', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.kind !== 'live') return null;
  return { id: row.id, status: row.status, headline: row.headline, startedAt: row.live_started_at, endedAt: row.live_ended_at, publishedAt: row.published_at };
}

function selectPosts(db: Db, articleId: string) {
  return db
    .selectFrom('live_posts')
    .leftJoin('editors', 'editors.id', 'live_posts.editor_id')
    .select([
      'live_posts.id',
      'live_posts.posted_at',
      'live_posts.headline',
      'live_posts.body',
      'live_posts.pinned',
      'live_posts.edited_at',
      'editors.name as author',
    ])
    .where('live_posts.article_id', '=', articleId)
    .where('live_posts.deleted_at', 'is', null)
    .orderBy('live_posts.posted_at', 'desc')
    .orderBy('live_posts.id', 'desc');
}

/**
 * A live page's stream, newest first: null unless the article is a live
 * page readers may see (published, its time come), or any status with
 * `anyStatus` (the newsroom and its preview).
 */
export async function findLiveStream(db: Db, articleId: string, now: Date, { anyStatus = false }: { anyStatus?: boolean } = {}): Promise<LiveStream | null> {
  const article = await db
    .selectFrom('articles')
    .select(['id', 'live_started_at', 'live_ended_at', 'published_at'])
    .where('id', '=', articleId)
    .where('kind', '=', 'live')
    .$if(!anyStatus, (q) => q.where(isPublic(now)))
    .executeTakeFirst();
  if (!article) return null;
  const startedAt = article.live_started_at ?? article.published_at;
  const rows: LivePostRow[] = await selectPosts(db, articleId).limit(LIVE_STREAM_LIMIT).execute();
  // Deleted posts too: a deletion is a change an open page must be told of.
  const changed = await db
    .selectFrom('live_posts')
    .select((eb) => [eb.fn.max('edited_at').as('edited'), eb.fn.max('deleted_at').as('deleted')])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  const changedAt = [changed?.edited ?? null, changed?.deleted ?? null].reduce<string | null>((a, b) => (b !== null && (a === null || Date.parse(b) > Date.parse(a)) ? b : a), null);
  return { articleId, startedAt, endedAt: article.live_ended_at, posts: rows.map((r) => toLivePost(r, startedAt)), changedAt };
}

/**
 * The posts of `stream` newer than `after`: a post id (the newest a reader
 * has), or a time (ISO). Null when `after` names no post of the stream
 * (deleted, or never there): the caller answers the whole stream's newest
 * or a 4xx. Posts are ordered by (time, id), so two posts in one
 * millisecond are told apart.
 */
export function selectPostsAfter(stream: LiveStream, after: LiveAfter): LivePost[] | null {
  if ('time' in after) return stream.posts.filter((p) => p.postedAt > after.time);
  const index = stream.posts.findIndex((p) => p.id === after.postId);
  return index === -1 ? null : stream.posts.slice(0, index);
}

export type { LivePost };
