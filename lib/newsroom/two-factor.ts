import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { QrDrawing } from './qr';
import { decideTotpCode, hashRecoveryCode, isRecoveryShaped, isTotpShaped, newRecoveryCodes, newTotpSecret, normaliseCode } from './totp';

/**
 * An account's two-factor sign-in (ADR 0043): enrolment (a secret shown,
 * then confirmed by a code from the app), the second step of sign-in (a
 * TOTP code, never one already used, or a recovery code, once), and turning
 * it off. The codes themselves are ./totp.ts's.
 *
 * The TOTP secret is stored as it is: the house has no encryption key that
 * lives apart from the database (the signing secret is in `server_secrets`
 * unless KIJI_SECRET is set), so encrypting with it would hide nothing from
 * a copy of the database. Recovery codes are stored hashed.
 */

/** A refused change, with its reason in Japanese and the HTTP status it answers. */
export class TwoFactorError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export const TWO_FACTOR_MESSAGES = {
  wrong: '確認コードが正しくありません。認証アプリに表示されている6桁の数字か、回復コードを入力してください。',
  reused: 'このコードはすでに使われています。認証アプリに次のコードが表示されてから入力してください。',
  recoveryUsed: 'この回復コードはすでに使われています。回復コードはそれぞれ一度しか使えません。',
  wrongEnrolment: '確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。時計がずれていると合わないことがあります。',
  alreadyOn: '二段階認証はすでに有効です。',
  notStarted: '設定が始まっていません。ページを再読み込みしてからやり直してください。',
  off: '二段階認証は有効になっていません。',
} as const;

export type TwoFactorState = {
  on: boolean;
  enabledAt: string | null;
  /** The secret shown for enrolment, until a code confirms it. */
  pendingSecret: string | null;
  /** Recovery codes not used yet. */
  recoveryCodesLeft: number;
};

/** What an editor's own account page shows of their two-factor sign-in. */
export type TwoFactorSetup = {
  on: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** Whether the 管理者 requires it of this account's role. */
  required: boolean;
  /** An enrolment under way: the secret as typed into an app (grouped by four), and a QR code of its otpauth:// URI. */
  pending: { secret: string; qr: QrDrawing } | null;
};

/** Whether `editorId` has two-factor sign-in, and how far its enrolment has gone. */
export async function getTwoFactorState(db: Kysely<Database>, editorId: string): Promise<TwoFactorState> {
  const row = await db.selectFrom('editors').select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at']).where('id', '=', editorId).executeTakeFirst();
  if (!row) throw new TwoFactorError('アカウントが見つかりません。', 404);
  const { n } = await db
    .selectFrom('editor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('editor_id', '=', editorId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { on: row.totp_secret !== null, enabledAt: row.totp_enabled_at, pendingSecret: row.totp_pending_secret, recoveryCodesLeft: Number(n) };
}

/** Starts (or starts again) an enrolment: a new secret to show, kept aside until a code confirms it. */
export async function startTwoFactorEnrolment(db: Kysely<Database>, editorId: string): Promise<string> {
  const secret = newTotpSecret();
  const result = await db
    .updateTable('editors')
    .set({ totp_pending_secret: secret })
    .where('id', '=', editorId)
    .where('totp_secret', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const exists = await db.selectFrom('editors').select('id').where('id', '=', editorId).executeTakeFirst();
    throw exists ? new TwoFactorError(TWO_FACTOR_MESSAGES.alreadyOn, 409) : new TwoFactorError('アカウントが見つかりません。', 404);
  }
  return secret;
}

/**
 * Turns two-factor sign-in on when `typed` is a current code of the secret
 * being enrolled; the step it was for counts as used, so the same code does
 * not sign in too. Returns the new recovery codes, to be shown once: only
 * their hashes are kept, and any earlier ones stop working.
 */
export async function confirmTwoFactorEnrolment(db: Kysely<Database>, editorId: string, typed: string, now = new Date()): Promise<string[]> {
  const row = await db.selectFrom('editors').select(['totp_secret', 'totp_pending_secret']).where('id', '=', editorId).executeTakeFirst();
  if (!row) throw new TwoFactorError('アカウントが見つかりません。', 404);
  if (row.totp_secret !== null) throw new TwoFactorError(TWO_FACTOR_MESSAGES.alreadyOn, 409);
  const pending = row.totp_pending_secret;
  if (pending === null) throw new TwoFactorError(TWO_FACTOR_MESSAGES.notStarted, 409);
  const verdict = decideTotpCode(pending, typed, now, null);
  if (!verdict.ok) throw new TwoFactorError(TWO_FACTOR_MESSAGES.wrongEnrolment);
  const codes = newRecoveryCodes();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const turnedOn = await trx
      .updateTable('editors')
      .set({ totp_secret: pending, totp_pending_secret: null, totp_enabled_at: at, totp_last_step: verdict.step })
      .where('id', '=', editorId)
      .where('totp_secret', 'is', null)
      .where('totp_pending_secret', '=', pending)
      .executeTakeFirst();
    // Two tabs confirming at once, or a new secret started in between: only one wins.
    if (Number(turnedOn.numUpdatedRows) !== 1) throw new TwoFactorError(TWO_FACTOR_MESSAGES.notStarted, 409);
    await trx.deleteFrom('editor_recovery_codes').where('editor_id', '=', editorId).execute();
    await trx
      .insertInto('editor_recovery_codes')
      .values(codes.map((code) => ({ editor_id: editorId, code_hash: hashRecoveryCode(code), created_at: at, used_at: null })))
      .execute();
  });
  return codes;
}

export type SecondFactorVerdict = { ok: true; via: 'code' | 'recovery' } | { ok: false; reason: 'wrong' | 'reused' | 'recovery-used' | 'off' };

/**
 * Checks the second factor of `editorId`: a current TOTP code for a step
 * after the last one used (the step is then stored, in the same statement
 * that checks it, so two requests with one code cannot both pass), or an
 * unused recovery code (marked used the same way).
 */
export async function spendSecondFactor(db: Kysely<Database>, editorId: string, typed: string, now = new Date()): Promise<SecondFactorVerdict> {
  const row = await db.selectFrom('editors').select(['totp_secret', 'totp_last_step']).where('id', '=', editorId).executeTakeFirst();
  if (!row?.totp_secret) return { ok: false, reason: 'off' };
  const code = normaliseCode(typed);
  if (isTotpShaped(code)) {
    const verdict = decideTotpCode(row.totp_secret, code, now, row.totp_last_step);
    if (!verdict.ok) return verdict;
    const used = await db
      .updateTable('editors')
      .set({ totp_last_step: verdict.step })
      .where('id', '=', editorId)
      .where('totp_secret', '=', row.totp_secret)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', verdict.step)]))
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1 ? { ok: true, via: 'code' } : { ok: false, reason: 'reused' };
  }
  if (!isRecoveryShaped(code)) return { ok: false, reason: 'wrong' };
  const hash = hashRecoveryCode(code);
  const used = await db
    .updateTable('editor_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('editor_id', '=', editorId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) === 1) return { ok: true, via: 'recovery' };
  const spent = await db.selectFrom('editor_recovery_codes').select('used_at').where('editor_id', '=', editorId).where('code_hash', '=', hash).executeTakeFirst();
  return { ok: false, reason: spent ? 'recovery-used' : 'wrong' };
}

/** The message for a refused second factor. */
export function toSecondFactorMessage(reason: Exclude<SecondFactorVerdict, { ok: true }>['reason']): string {
  if (reason === 'reused') return TWO_FACTOR_MESSAGES.reused;
  if (reason === 'recovery-used') return TWO_FACTOR_MESSAGES.recoveryUsed;
  if (reason === 'off') return TWO_FACTOR_MESSAGES.off;
  return TWO_FACTOR_MESSAGES.wrong;
}

/** Turns two-factor sign-in off for `editorId` (its owner, or a 管理者 for a lost phone): the secret and every recovery code go. False when it was not on. */
export async function turnOffTwoFactor(db: Kysely<Database>, editorId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('editors')
      .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', editorId)
      .where('totp_secret', 'is not', null)
      .executeTakeFirst();
    await trx.deleteFrom('editor_recovery_codes').where('editor_id', '=', editorId).execute();
    return Number(result.numUpdatedRows) === 1;
  });
}

/** Whether `editorId` signs in with a second factor. */
export async function hasTwoFactor(db: Kysely<Database>, editorId: string): Promise<boolean> {
  const row = await db.selectFrom('editors').select('totp_secret').where('id', '=', editorId).executeTakeFirst();
  return Boolean(row?.totp_secret);
}
