import type { Role } from '../newsroom/roles';
import type { LiveCommand } from './types';

/**
 * Who may do what on a live page (ADR 0036), pure like lib/newsroom/roles.ts
 * so the composer shows only what the server accepts. A live page is
 * written by whoever is at the scene: a 記者 posts straight to the stream
 * (waiting for the desk would defeat 速報) and edits or deletes their own
 * posts; the デスク shapes the page: edits or deletes anyone's posts, picks
 * the 要点 (pin, unpin) and ends the coverage.
 */
const DESK_ONLY: Partial<Record<LiveCommand, string>> = {
  pin: '要点の指定はデスクが行います。',
  unpin: '要点の指定はデスクが行います。',
  end: 'ライブ配信の終了はデスクが行います。',
};

/** Why `role` may not run `command`; null when it may. `ownPost`: the post is the editor's own (edit, delete). */
export function decideLiveRefusal(role: Role, command: LiveCommand, { ownPost = true }: { ownPost?: boolean } = {}): string | null {
  if (role === 'desk' || role === 'admin') return null;
  const deskOnly = DESK_ONLY[command];
  if (deskOnly) return deskOnly;
  if ((command === 'edit' || command === 'delete') && !ownPost) return 'ほかの記者の投稿の修正・削除はデスクが行います。';
  return null;
}
