import { BodyBlocks } from '@/components/article/body-blocks';
import type { LivePost } from '@/lib/live/types';
import { toJstIso } from '@/lib/time/jst';

type LivePostViewProps = { post: LivePost; /** Set on the 要点 copies, which must not repeat the stream's anchors. */ summary?: boolean };

/**
 * One post of a live page, as the server renders it and as a reader's open
 * page inserts it (components/live/live-updates.client.tsx): its time links
 * to its own address, `#post-…`, which opens the page at it.
 */
export function LivePostView({ post, summary = false }: LivePostViewProps) {
  const anchor = `post-${post.id}`;
  return (
    <article id={summary ? undefined : anchor} className="scroll-mt-24 border-t border-rule pt-4" data-testid={summary ? 'live-key-point' : 'live-post'} data-post-id={post.id}>
      <p className="flex items-baseline gap-3 text-sm">
        <a href={`#${anchor}`} className="font-bold text-brand-dark tabular-nums hover:underline" aria-label={`${post.timeLabel}の投稿へのリンク`}>
          <time dateTime={toJstIso(post.postedAt)}>{post.timeLabel}</time>
        </a>
        {post.editedAt && (
          <span className="text-xs text-muted" title={`修正: ${toJstIso(post.editedAt)}`}>
            修正
          </span>
        )}
      </p>
      {post.headline && <h3 className="mt-1 text-lg font-bold leading-snug">{post.headline}</h3>}
      <div className="mt-2">
        <BodyBlocks blocks={post.blocks} testId="live-post-body" />
      </div>
      {post.author && !summary && <p className="mt-1 text-xs text-muted">{post.author}</p>}
    </article>
  );
}
