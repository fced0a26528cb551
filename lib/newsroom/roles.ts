import type { ArticleStatus, EditorRole } from '../db/schema';

/**
 * Who may do what in the newsroom (ADR 0032): 記者 write and submit, デスク
 * run the articles (edit, publish, schedule, unpublish, correct, send back),
 * 管理者 also run the accounts. Pure, so the editor shows only the buttons
 * the server will accept (the server decides with the same functions:
 * ./article-commands.ts, ./accounts.ts).
 */

export type Role = EditorRole;

export const ROLES: readonly Role[] = ['reporter', 'desk', 'admin'];

export const ROLE_LABELS: Record<Role, string> = { reporter: '記者', desk: 'デスク', admin: '管理者' };

/** What each role is for, as the accounts page explains it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  reporter: '記事を書いて保存し、デスクに提出できます。自分の下書きは削除できます。公開・予約・取り下げ・訂正はできません。',
  desk: '記事の編集・公開・予約・取り下げ・訂正、下書きの削除と、提出された記事の差し戻し、メールマガジンの送信、固定ページ(会社概要など)の編集ができます。',
  admin: 'デスクができることに加えて、アカウントの作成と役割の変更、削除した下書きの確認と復元ができます。',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role from its English name or its Japanese label (the CLI accepts both). */
export function toRole(value: string): Role | null {
  const v = value.trim();
  if (isRole(v)) return v;
  return ROLES.find((r) => ROLE_LABELS[r] === v) ?? null;
}

/** Every command on an article, as the API names them. */
export const ARTICLE_COMMANDS = [
  'save',
  'submit',
  'return',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'fix',
  'update',
  'correct',
  'restore',
  'delete',
  'undelete',
] as const;
export type ArticleCommand = (typeof ARTICLE_COMMANDS)[number];

export function isArticleCommand(value: string): value is ArticleCommand {
  return (ARTICLE_COMMANDS as readonly string[]).includes(value);
}

/** The statuses a 記者 may change an article in: their own work before the desk takes it on. */
const REPORTER_STATUSES: readonly ArticleStatus[] = ['draft', 'submitted'];

/** Commands a 記者 may run at all (and then only on REPORTER_STATUSES). */
const REPORTER_COMMANDS: readonly ArticleCommand[] = ['save', 'submit', 'restore', 'delete'];

const REFUSALS: Partial<Record<ArticleCommand, string>> = {
  publish: '記事の公開はデスクが行います。「デスクに提出」してください。',
  schedule: '公開の予約はデスクが行います。「デスクに提出」してください。',
  unschedule: '予約の取り消しはデスクが行います。',
  unpublish: '公開の取り下げはデスクが行います。',
  fix: '公開中の記事の修正はデスクが行います。',
  update: '公開中の記事の更新はデスクが行います。',
  correct: '公開中の記事の訂正はデスクが行います。',
  return: '差し戻しはデスクが行います。',
};

/**
 * Why `role` may not run `command` on an article in `status`, in Japanese;
 * null when it may. Whether the status suits the command at all (publishing
 * a published piece) is the command's own check, with its own message.
 */
export function decideCommandRefusal(role: Role, command: ArticleCommand, status: ArticleStatus): string | null {
  if (command === 'undelete') return role === 'admin' ? null : UNDELETE_ADMIN_ONLY;
  if (role === 'desk' || role === 'admin') return null;
  if (!REPORTER_COMMANDS.includes(command)) return REFUSALS[command] ?? 'この操作はデスクが行います。';
  if (!REPORTER_STATUSES.includes(status)) {
    return status === 'published' ? REFUSALS.correct! : 'この記事はデスクの手に渡っています。変更はデスクに依頼してください。';
  }
  return null;
}

const UNDELETE_ADMIN_ONLY = '削除した下書きを戻せるのは管理者だけです。デスク・記者は管理者に依頼してください。';

/** What decides whether a draft may be deleted, besides the role (read by ./article-commands.ts). */
export type DeletionFacts = {
  status: ArticleStatus;
  /** Whether the one asking created it (its first revision is theirs). */
  own: boolean;
  /** Whether any revision published it (a withdrawn piece was read by someone, and its address answers 410). */
  everPublished: boolean;
};

/**
 * Why `role` may not delete an article, with the HTTP status to refuse it
 * with; null when it may (ADR 0041). Only a draft that never went public is
 * deleted: a published or withdrawn piece stays (a reader may have read or
 * linked it; 公開を取り下げ is how it leaves), and a scheduled one must be
 * unscheduled first, so the clock never publishes a deleted piece. A 記者
 * deletes only their own drafts; the desk any.
 */
export function decideDeleteRefusal(role: Role, facts: DeletionFacts): { status: 403 | 409; message: string } | null {
  if (facts.status === 'published') {
    return { status: 409, message: '公開中の記事は削除できません。読者に見せないようにするには、デスクが「公開を取り下げ」を行います。' };
  }
  if (facts.status === 'unpublished' || facts.everPublished) {
    return { status: 409, message: '一度公開した記事は削除できません。取り下げた記事は非公開のまま残ります。' };
  }
  if (facts.status === 'scheduled') return { status: 409, message: '予約中の記事は削除できません。先に予約を取り消してください。' };
  if (role === 'reporter' && !facts.own) return { status: 403, message: 'ほかの人が書いた下書きの削除はデスクが行います。' };
  return null;
}

/** The commands `role` may run on an article in `status` (the editor's buttons). */
export function listAllowedCommands(role: Role, status: ArticleStatus): ArticleCommand[] {
  return ARTICLE_COMMANDS.filter((c) => decideCommandRefusal(role, c, status) === null);
}

/** Whether `role` sees deleted drafts (the list's 削除済み, their revisions) and brings them back (ADR 0041). */
export function canSeeDeleted(role: Role): boolean {
  return role === 'admin';
}

/** Whether `role` manages accounts and roles (/newsroom/accounts). */
export function canManageAccounts(role: Role): boolean {
  return role === 'admin';
}

export const ADMIN_ONLY = 'アカウントの管理は管理者だけが行えます。';

/** Whether `role` publishes (デスク, 管理者): the roles a 管理者 can require two-factor sign-in of (ADR 0043). */
export function canPublish(role: Role): boolean {
  return role === 'desk' || role === 'admin';
}

/**
 * Whether a signed-in account must set up two-factor sign-in before anything
 * else: the 管理者 requires it of roles that publish, the account's role
 * publishes, and it has none yet.
 */
export function isTwoFactorDue(input: { role: Role; twoFactorOn: boolean; requiredForPublishers: boolean }): boolean {
  return input.requiredForPublishers && canPublish(input.role) && !input.twoFactorOn;
}

/** The one page an account whose two-factor sign-in is due can open: its own, where it sets it up. */
export const TWO_FACTOR_SETUP_PAGE = '/newsroom/account';

/** What such an account can still post: starting and confirming the set-up, and signing out. */
const OPEN_WHILE_DUE = new Set(['/api/newsroom/two-factor/start', '/api/newsroom/two-factor/confirm', '/api/newsroom/sign-out']);

/** Whether an account whose two-factor sign-in is due may reach `pathname` (a page or a route handler). */
export function isOpenWhileTwoFactorDue(pathname: string): boolean {
  return pathname === TWO_FACTOR_SETUP_PAGE || OPEN_WHILE_DUE.has(pathname);
}

export const TWO_FACTOR_DUE =
  '管理者の設定により、デスクと管理者のアカウントは二段階認証が必須です。「自分のアカウント」で設定を終えるまで、ほかの操作はできません。';

/**
 * Whether `role` may send a newsletter edition to the subscribers (ADR
 * 0044): like publishing, the desk's; a 記者 may draft and edit editions.
 */
export function canSendEdition(role: Role): boolean {
  return role === 'desk' || role === 'admin';
}

export const EDITION_SEND_REFUSAL = 'メールマガジンの送信はデスクと管理者が行います。下書きを保存して、デスクに依頼してください。';

/**
 * Whether `role` may change the site's fixed pages (会社概要, プライバシーポリシー,
 * 利用規約, お問い合わせ; ADR 0048): like the front page, the roles that
 * decide what readers see. A 記者 neither opens the editor nor saves.
 */
export function canEditFixedPages(editor: { role: Role }): boolean {
  return editor.role === 'desk' || editor.role === 'admin';
}

/** What a 記者 is told, by the pages (on the article list they are sent back to) and the route handler (403). */
export const FIXED_PAGES_REFUSAL = '固定ページ(会社概要・プライバシーポリシー・利用規約・お問い合わせ)を編集できるのはデスクと管理者です。';
