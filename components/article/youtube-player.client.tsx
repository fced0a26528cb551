'use client';
// Runs in the browser: it swaps the card for YouTube's player when the reader clicks, and only then.

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useHydrated } from '@/components/hooks/use-hydrated';

export type YouTubePlayerProps = {
  /** The video on youtube.com: where the control leads until the script runs. */
  url: string;
  /** The youtube-nocookie.com player (lib/text/embeds.ts `toYouTubePlayerSrc`). */
  playerSrc: string;
  /** The player frame's accessible name. */
  title: string;
  /** The card's face (provider, address), drawn in the box under the control until the player replaces it. */
  children: ReactNode;
};

// The focus ring is drawn inside the box (its overflow would clip the usual outset one), in white on the dark card.
const CONTROL_CLASS =
  'group absolute inset-0 flex cursor-pointer items-center justify-center focus-visible:outline-white focus-visible:outline-offset-[-6px]';

/**
 * The play control of a YouTube card, and the player it becomes. Until the
 * script runs it is a plain link to the video; once it runs it is a button
 * that puts the player in the card's own 16:9 box (nothing moves), focused,
 * so the keyboard carries on inside it.
 */
export function YouTubePlayer({ url, playerSrc, title, children }: YouTubePlayerProps) {
  const hydrated = useHydrated();
  const [playing, setPlaying] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (playing) frame.current?.focus();
  }, [playing]);

  if (playing) {
    return (
      <iframe
        ref={frame}
        src={playerSrc}
        title={title}
        className="absolute inset-0 h-full w-full border-0"
        // No accelerometer or gyroscope: the site's Permissions-Policy refuses them to every frame anyway.
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        // YouTube's player refuses a page that sends no referrer; the origin is all it gets.
        referrerPolicy="strict-origin-when-cross-origin"
        data-testid="embed-player"
        // A frame whose first document is replaced (the player loading, or an error page offline) can drop the
        // focus it was given; take it back then, unless the reader has since moved it elsewhere.
        onLoad={() => {
          if (document.activeElement === document.body) frame.current?.focus();
        }}
      />
    );
  }
  const face = (
    <span className="inline-flex items-center gap-2 rounded-full bg-brand-fill px-5 py-2.5 font-bold text-white shadow-md group-hover:bg-brand-fill-dark">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
        <path d="M4 2.5v11l9-5.5z" />
      </svg>
      再生する
    </span>
  );
  return (
    <>
      {children}
      {hydrated ? (
        <button type="button" onClick={() => setPlaying(true)} className={CONTROL_CLASS}>
          {face}
        </button>
      ) : (
        <a href={url} rel="noopener noreferrer" className={CONTROL_CLASS}>
          {face}
        </a>
      )}
    </>
  );
}
