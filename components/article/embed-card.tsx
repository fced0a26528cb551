import type { EmbedBlock, XEmbed, YouTubeEmbed } from '@/lib/text/embeds';
import { formatStartTime, toYouTubePlayerSrc } from '@/lib/text/embeds';
import { YouTubePlayer } from './youtube-player.client';

export type EmbedCardProps = { embed: EmbedBlock };

// The card is set in the UI's size, not the body's reading size (文字サイズ), like captions.
const LINK_CLASS = 'text-link underline decoration-1 underline-offset-4 hover:decoration-2';

/**
 * A video as a card of the player's own 16:9 size, dark in both themes like
 * a player: nothing is fetched from YouTube (no thumbnail, no script) until
 * the reader presses 再生する, which puts the player in the same box.
 */
function YouTubeCard({ embed }: { embed: YouTubeEmbed }) {
  const start = embed.start === undefined ? '' : `${formatStartTime(embed.start)}から再生`;
  return (
    <figure className="my-8 text-sm leading-normal tracking-normal" data-testid="embed" data-provider="youtube">
      {/* On paper a play button means nothing: the address is printed instead. */}
      <div className="relative aspect-video w-full overflow-hidden rounded-sm bg-chrome text-white print:hidden" data-testid="embed-box">
        <YouTubePlayer url={embed.url} playerSrc={toYouTubePlayerSrc(embed)} title="YouTube動画プレーヤー">
          <span className="pointer-events-none absolute top-3 left-4 font-bold tracking-wide">YouTube</span>
          <span className="pointer-events-none absolute right-4 bottom-3 left-4 truncate text-xs text-white/80">
            youtube.com/watch?v={embed.id}
            {start !== '' && <span className="ml-2">{start}</span>}
          </span>
        </YouTubePlayer>
      </div>
      <figcaption className="mt-2 text-xs text-muted">
        <span className="print:hidden">
          再生するとYouTube(Google)から動画を読み込みます。
          <a href={embed.url} rel="noopener noreferrer" className={`${LINK_CLASS} ml-1 whitespace-nowrap`}>
            YouTubeで見る
          </a>
        </span>
        <span className="hidden break-all print:inline">YouTube動画 {embed.url}</span>
      </figcaption>
    </figure>
  );
}

/** A post as a card that links out to it: nothing is loaded from X, on this page or after. */
function XCard({ embed }: { embed: XEmbed }) {
  return (
    <figure className="my-8 text-sm leading-normal tracking-normal" data-testid="embed" data-provider="x">
      <div className="flex items-center gap-4 rounded-sm border border-rule bg-paper p-4">
        <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-chrome text-lg font-bold text-white">
          X
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-bold">Xのポスト</span>
          <span className="block truncate text-muted">@{embed.user}</span>
          <span className="hidden text-xs break-all text-muted print:block">{embed.url}</span>
        </span>
        <a
          href={embed.url}
          rel="noopener noreferrer"
          aria-label={`@${embed.user}のポストをXで見る`}
          className="shrink-0 rounded-full border border-ink px-4 py-1.5 font-bold hover:bg-surface"
        >
          Xで見る
        </a>
      </div>
    </figure>
  );
}

/**
 * A pasted YouTube video or X post in an article body or a live post
 * (docs/adr/0042-embeds.md). Server-rendered and complete without
 * JavaScript: each card is a link to the original until a script plays the video.
 */
export function EmbedCard({ embed }: EmbedCardProps) {
  switch (embed.provider) {
    case 'youtube':
      return <YouTubeCard embed={embed} />;
    case 'x':
      return <XCard embed={embed} />;
    default: {
      const unknown: never = embed;
      return unknown;
    }
  }
}
