import type { Kysely } from 'kysely';
import { CACHE_TAGS } from '../cache/tags';
import { createArticleId, isArticleId } from '../content/ids';
import type { Database } from '../db/schema';
import { decideInvalidation } from '../newsroom/articles';
import type { Role } from '../newsroom/roles';
import { CONTROLS } from '../text/controls';
import { findLiveArticle, type LiveArticle } from './queries';
import { decideLiveRefusal } from './roles';
import type { LiveCommand } from './types';

type Db = Kysely<Database>;

/** A refused live command, with the HTTP status it answers and the reason in Japanese. */
export class LiveCommandError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** The longest post body, in characters: a live post is a few paragraphs, not an article. */
export const LIVE_POST_MAX_LENGTH = 4_000;
/** The longest post headline, in characters. */
export const LIVE_HEADLINE_MAX_LENGTH = 80;

export type LiveEditor = { id: string; role: Role };

export type LiveCommandInput = { postId?: string; headline?: string | null; body?: string };

/** What a command did: the post it touched (if any) and the cache tags to invalidate. */
export type LiveCommandResult = { postId: string | null; invalidate: string[] };

/** Text as stored: controls removed, line ends `\n`, trimmed. */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}

function readPostText(input: LiveCommandInput): { headline: string | null; body: string } {
  const body = cleanText(input.body ?? '');
  if (!body) throw new LiveCommandError(400, '投稿の本文を入力してください。');
  if (body.length > LIVE_POST_MAX_LENGTH) throw new LiveCommandError(400, `投稿の本文は${LIVE_POST_MAX_LENGTH.toLocaleString('ja-JP')}字以内にしてください。`);
  const headline = cleanText(input.headline ?? '').replace(/\n/g, ' ') || null;
  if (headline && headline.length > LIVE_HEADLINE_MAX_LENGTH) throw new LiveCommandError(400, `見出しは${LIVE_HEADLINE_MAX_LENGTH}字以内にしてください。`);
  return { headline, body };
}

async function loadArticle(db: Db, articleId: string): Promise<LiveArticle> {
  if (!isArticleId(articleId)) throw new LiveCommandError(404, '記事が見つかりません。');
  const article = await findLiveArticle(db, articleId);
  if (!article) {
    const exists = await db.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
    throw exists ? new LiveCommandError(409, 'この記事はライブ記事ではありません。') : new LiveCommandError(404, '記事が見つかりません。');
  }
  if (article.status === 'unpublished') throw new LiveCommandError(409, '取り下げた記事には投稿できません。');
  return article;
}

async function loadPost(db: Db, articleId: string, postId: string | undefined) {
  if (!postId || !isArticleId(postId)) throw new LiveCommandError(400, '投稿を指定してください。');
  const post = await db
    .selectFrom('live_posts')
    .select(['id', 'editor_id', 'pinned', 'deleted_at'])
    .where('id', '=', postId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!post || post.deleted_at) throw new LiveCommandError(404, '投稿が見つかりません。削除された可能性があります。');
  return post;
}

/**
 * What shows a live page's 「LIVE」 badge (ADR 0039): its own pages, the
 * site-wide lists (home, 最新記事, ticker, rankings, feeds, sitemaps: all
 * `articles`) and the listings of its section, topics, tags and series;
 * the same tags a publish of it touches, and none while readers cannot
 * see it (a draft being prepared).
 */
async function listingTagsOf(db: Db, articleId: string, now: Date): Promise<string[]> {
  const [row, topics, tags] = await Promise.all([
    db.selectFrom('articles').select(['status', 'published_at', 'section_slug', 'series_slug']).where('id', '=', articleId).executeTakeFirstOrThrow(),
    db.selectFrom('article_topics').select('topic_slug').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_tags').select('tag_slug').where('article_id', '=', articleId).execute(),
  ]);
  const shown = {
    public: row.status === 'published' && row.published_at !== null && Date.parse(row.published_at) <= now.getTime(),
    section: row.section_slug,
    topics: topics.map((t) => t.topic_slug),
    tags: tags.map((t) => t.tag_slug),
    series: row.series_slug,
  };
  return decideInvalidation(articleId, shown, shown);
}

function refuse(editor: LiveEditor, command: LiveCommand, ownPost?: boolean): void {
  const refusal = decideLiveRefusal(editor.role, command, { ownPost });
  if (refusal) throw new LiveCommandError(403, refusal);
}

/**
 * Runs one command on a live page for `editor` (ADR 0036). The role is
 * checked before anything else, so a refused role learns nothing about the
 * article; every write is one statement, so several editors posting to one
 * page at once never conflict (each post is its own row). Returns the tags
 * to invalidate: the stream's, which only the live page carries. The two
 * posts that change what the page's cards say, the first (coverage starts:
 * 「LIVE」) and the end, also touch every listing that shows the card
 * ({@link listingTagsOf}); every other post, edit, delete and pin touches
 * the stream alone.
 */
export async function runLiveCommand(db: Db, editor: LiveEditor, articleId: string, command: LiveCommand, input: LiveCommandInput, now = new Date()): Promise<LiveCommandResult> {
  refuse(editor, command);
  const article = await loadArticle(db, articleId);
  const at = now.toISOString();
  const stream = CACHE_TAGS.live(articleId);
  const done = async (postId: string | null, { cardChanged = false } = {}): Promise<LiveCommandResult> => ({
    postId,
    // The article's tag whatever its status, as ending always did; the listings only while readers can see it.
    invalidate: cardChanged ? [...new Set([stream, CACHE_TAGS.article(articleId), ...(await listingTagsOf(db, articleId, now))])] : [stream],
  });

  switch (command) {
    case 'post': {
      if (article.endedAt) throw new LiveCommandError(409, 'このライブ配信は終了しています。');
      const text = readPostText(input);
      const id = createArticleId();
      await db
        .insertInto('live_posts')
        .values({ id, article_id: articleId, posted_at: at, headline: text.headline, body: text.body, editor_id: editor.id, pinned: 0 })
        .execute();
      // Coverage starts with its first post; only the editor whose update set it announces the start (two first posts at once: one).
      const started = article.startedAt
        ? false
        : Number((await db.updateTable('articles').set({ live_started_at: at }).where('id', '=', articleId).where('live_started_at', 'is', null).executeTakeFirst()).numUpdatedRows) > 0;
      return done(id, { cardChanged: started });
    }
    case 'edit':
    case 'delete': {
      const post = await loadPost(db, articleId, input.postId);
      refuse(editor, command, post.editor_id === editor.id);
      if (command === 'delete') {
        await db.updateTable('live_posts').set({ deleted_at: at }).where('id', '=', post.id).execute();
      } else {
        const text = readPostText(input);
        await db.updateTable('live_posts').set({ headline: text.headline, body: text.body, edited_at: at }).where('id', '=', post.id).execute();
      }
      return done(post.id);
    }
    case 'pin':
    case 'unpin': {
      const post = await loadPost(db, articleId, input.postId);
      await db
        .updateTable('live_posts')
        .set({ pinned: command === 'pin' ? 1 : 0 })
        .where('id', '=', post.id)
        .execute();
      return done(post.id);
    }
    case 'end': {
      if (article.endedAt) throw new LiveCommandError(409, 'このライブ配信はすでに終了しています。');
      await db.updateTable('articles').set({ live_ended_at: at }).where('id', '=', articleId).where('live_ended_at', 'is', null).execute();
      return done(null, { cardChanged: true });
    }
  }
}

/** The posts of a live page as the composer lists them, newest first, with who wrote each (deleted ones left out). */
export async function listLivePostsForNewsroom(db: Db, articleId: string) {
  const rows = await db
    .selectFrom('live_posts')
    .leftJoin('editors', 'editors.id', 'live_posts.editor_id')
    .select(['live_posts.id', 'live_posts.posted_at', 'live_posts.headline', 'live_posts.body', 'live_posts.pinned', 'live_posts.edited_at', 'live_posts.editor_id', 'editors.name as author'])
    .where('live_posts.article_id', '=', articleId)
    .where('live_posts.deleted_at', 'is', null)
    .orderBy('live_posts.posted_at', 'desc')
    .orderBy('live_posts.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    postedAt: r.posted_at,
    headline: r.headline,
    body: r.body,
    pinned: r.pinned === 1,
    editedAt: r.edited_at,
    editorId: r.editor_id,
    author: r.author,
  }));
}

/** Makes an article a live page (at 新規作成, or from the editor while it is still a draft). */
export async function makeLiveArticle(db: Db, articleId: string): Promise<void> {
  await db.updateTable('articles').set({ kind: 'live' }).where('id', '=', articleId).execute();
}
