import type { Block } from '../text/markdown';

/**
 * A live page's posts as readers see them (ADR 0036): serializable, so the
 * same object is rendered on the server and sent by GET /api/live/{id} to a
 * reader's open page, which renders it with the same component.
 */
export type LivePost = {
  id: string;
  /** UTC ISO time it was posted. */
  postedAt: string;
  /** 「14:32」, or 「12/6 00:12」 when it falls on another Japan day than the coverage began (formatLivePostTime). */
  timeLabel: string;
  headline: string | null;
  /** The body in the house Markdown, parsed (lib/text/markdown.ts). */
  blocks: Block[];
  /** The posting editor's name; null when the account is gone. */
  author: string | null;
  pinned: boolean;
  /** UTC ISO time of the last edit, shown as 「修正」; null when never edited. */
  editedAt: string | null;
};

/** A public live page's stream: its coverage times and its posts, newest first, deleted ones left out. */
export type LiveStream = {
  articleId: string;
  /** When coverage began (the first post, else publication); null before either. */
  startedAt: string | null;
  /** When the desk ended it; null while it runs. */
  endedAt: string | null;
  posts: LivePost[];
  /** The newest edit or deletion of any of its posts (UTC ISO); null when none was ever edited or deleted. */
  changedAt: string | null;
};

/**
 * What GET /api/live/{id}?after=… answers: the posts newer than the one
 * given, newest first; whether coverage has ended; and what tells an open
 * page that posts it already shows have changed (ADR 0036's amendment):
 * the newest edit or deletion and the ids of the 要点.
 */
export type LiveUpdate = { posts: LivePost[]; endedAt: string | null; changedAt: string | null; pinned: string[] };

/** The commands on a live page, as the newsroom's API names them. */
export const LIVE_COMMANDS = ['post', 'edit', 'delete', 'pin', 'unpin', 'end'] as const;
export type LiveCommand = (typeof LIVE_COMMANDS)[number];

export function isLiveCommand(value: string): value is LiveCommand {
  return (LIVE_COMMANDS as readonly string[]).includes(value);
}
