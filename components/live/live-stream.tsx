import type { LiveStream } from '@/lib/live/types';
import { LivePostView } from './live-post';
import { LiveUpdates } from './live-updates.client';

type LiveStreamViewProps = { stream: LiveStream; /** At the preview address: no polling of the public endpoint, which answers 404 for a draft. */ preview?: boolean };

/**
 * A live page's stream (速報ライブ, ADR 0036): its state (LIVE, or ended),
 * the 要点 the desk pinned, then every post, newest first. All of it is in
 * the server HTML, so a reader without JavaScript sees every post and a
 * reload brings new ones; with JavaScript the page asks for newer posts
 * while it is open (LiveUpdates).
 */
export function LiveStreamView({ stream, preview = false }: LiveStreamViewProps) {
  const running = !stream.endedAt;
  const pinned = stream.posts.filter((p) => p.pinned);
  return (
    <section aria-label="ライブ配信" className="max-w-[720px] space-y-6" data-testid="live-stream">
      {running ? (
        <p className="flex items-center gap-2 text-sm font-bold" data-testid="live-state">
          <span className="rounded-sm bg-brand-fill px-2 py-0.5 text-white">LIVE</span>
          <span>このページは随時更新しています。</span>
        </p>
      ) : (
        <p className="rounded-sm border border-rule bg-surface px-3 py-2 text-sm font-bold" data-testid="live-state">
          このライブ配信は終了しました
        </p>
      )}
      {pinned.length > 0 && (
        <section aria-labelledby="live-key-points" className="rounded-sm border-l-4 border-l-brand bg-brand/5 px-4 py-3" data-testid="live-key-points">
          <h2 id="live-key-points" className="text-base font-bold">
            要点
          </h2>
          <div className="mt-2 space-y-3">
            {pinned.map((p) => (
              <LivePostView key={p.id} post={p} summary />
            ))}
          </div>
        </section>
      )}
      {running && !preview && (
        <LiveUpdates articleId={stream.articleId} newestPostedAt={stream.posts[0]?.postedAt ?? null} changedAt={stream.changedAt} pinned={pinned.map((p) => p.id)} />
      )}
      {stream.posts.length === 0 ? (
        <p className="text-sm text-muted">まだ投稿はありません。</p>
      ) : (
        <ol className="space-y-6" data-testid="live-posts">
          {stream.posts.map((p) => (
            <li key={p.id}>
              <LivePostView post={p} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
