import { ROLE_LABELS, type Role } from './roles';

/**
 * The rules of the editor's presence mark (ADR 0047), shared by the server
 * and the editor's tab: how often a tab says it is there, how long that
 * counts, and what a tab's id looks like. No database here, so the client
 * leaf can import it.
 */

/** How often an open, visible editor tab tells the server it is there (ms). */
export const PRESENCE_HEARTBEAT_MS = 15_000;

/**
 * How long a heartbeat counts (ms): three of them, so one slow or lost request
 * does not make an editor vanish, and a closed tab that could not say goodbye
 * is gone within the minute.
 */
export const PRESENCE_TTL_MS = 45_000;

/** A tab's id: random, made by the tab itself (16 bytes, URL-safe); anything else is refused. */
const TAB_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function isTabId(value: unknown): value is string {
  return typeof value === 'string' && TAB_ID.test(value);
}

/**
 * Someone else with the article open: another editor, or the asker in another
 * tab or browser (`self`), so they know their own second window can conflict too.
 */
export type PresentEditor = { name: string; role: Role; self: boolean };

/** An editor as the presence mark, the article list and a save conflict name them: 「鈴木 一郎さん(デスク)」. */
export function formatEditorName(editor: { name: string; role: Role }): string {
  return `${editor.name}さん(${ROLE_LABELS[editor.role]})`;
}
