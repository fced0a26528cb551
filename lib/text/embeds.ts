/**
 * Which pasted addresses become embeds (docs/adr/0042-embeds.md): a YouTube
 * video or an X post, recognised strictly from its URL and rebuilt from the
 * parts that passed, so nothing the editor typed beyond an id, a user name
 * and a start time reaches the page. Pure, for the parser, the newsroom's
 * counts and the card alike.
 */

export type YouTubeEmbed = {
  type: 'embed';
  provider: 'youtube';
  /** 11 characters of [A-Za-z0-9_-]. */
  id: string;
  /** The video on youtube.com, rebuilt from the id and start: the link a reader without JavaScript follows. */
  url: string;
  /** Seconds into the video where playing starts; absent from the start. */
  start?: number;
};

export type XEmbed = {
  type: 'embed';
  provider: 'x';
  /** The post's numeric status id, as a string (it does not fit a double). */
  id: string;
  /** The account's handle without `@`: 1–15 of [A-Za-z0-9_]. */
  user: string;
  /** The post on x.com, rebuilt from user and id. */
  url: string;
};

export type EmbedBlock = YouTubeEmbed | XEmbed;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
// A status id is a 63-bit snowflake: at most 19 digits.
const X_STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/([1-9]\d{0,18})\/?$/;
// `t=90`, `t=90s`, `t=1m30s`, `t=1h2m3s`, as YouTube's share button and players write it.
const START_TIME = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/;
/** Past a day is no start time a video has; such a `t` is a typo, not a place. */
const MAX_START_SECONDS = 24 * 60 * 60;

/** Seconds of a `t`/`start` value, or undefined when it names none (or zero). */
function toStartSeconds(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const match = START_TIME.exec(value);
  if (!match) return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return seconds > 0 && seconds <= MAX_START_SECONDS ? seconds : undefined;
}

function youTubeId(url: URL): string | null {
  if (url.hostname === 'youtu.be') return /^\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null;
  if (!YOUTUBE_HOSTS.has(url.hostname)) return null;
  if (url.pathname === '/watch' || url.pathname === '/watch/') return url.searchParams.get('v');
  return /^\/(?:shorts|live)\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null;
}

function toYouTubeEmbed(url: URL): YouTubeEmbed | null {
  const id = youTubeId(url);
  if (id === null || !YOUTUBE_ID.test(id)) return null;
  const start = toStartSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  const embed: YouTubeEmbed = { type: 'embed', provider: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}` };
  if (start !== undefined) {
    embed.start = start;
    embed.url += `&t=${start}s`;
  }
  return embed;
}

function toXEmbed(url: URL): XEmbed | null {
  if (!X_HOSTS.has(url.hostname)) return null;
  const match = X_STATUS_PATH.exec(url.pathname);
  if (!match) return null;
  const [, user = '', id = ''] = match;
  return { type: 'embed', provider: 'x', id, user, url: `https://x.com/${user}/status/${id}` };
}

/**
 * The embed a pasted address names, or null when it names none: an
 * `http(s)` URL of a YouTube video (`youtube.com/watch?v=ID`, `youtu.be/ID`,
 * `youtube.com/shorts/ID`, `youtube.com/live/ID`, with an optional `t` or
 * `start`) or of an X post (`x.com/USER/status/ID`, twitter.com too).
 * Anything looser — another host, a user name or port in the address, an
 * id of the wrong shape — is no embed, and stays the text it was.
 */
export function toEmbed(raw: string): EmbedBlock | null {
  const text = raw.trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  return toYouTubeEmbed(url) ?? toXEmbed(url);
}

/**
 * The player's address once a reader asks for it: the privacy-enhanced
 * host, which sets no cookie until the video plays, starting at once (the
 * reader's click was the request to play) and where the editor's link said.
 */
export function toYouTubePlayerSrc(embed: Pick<YouTubeEmbed, 'id' | 'start'>): string {
  const params = new URLSearchParams({ autoplay: '1' });
  if (embed.start !== undefined) params.set('start', String(embed.start));
  return `https://www.youtube-nocookie.com/embed/${embed.id}?${params}`;
}

/** `1:05:03` / `2:30` for a start time in seconds, as players show it. */
export function formatStartTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
