/**
 * What the signup form tells the reader before they give their address. The
 * exact wording shown is part of the consent record 特定電子メール法 asks us
 * to keep, so each wording has a version, the form posts the version it
 * showed, and the server records the wording it looks up here (never text
 * sent by the browser). Change the wording by adding a version; keep the old
 * ones, because pages cached with them may still be posting.
 */
export const CONSENT_WORDINGS = {
  '2026-11': 'Kijiのメールマガジン(最新ニュースと編集部のおすすめ、週数回)を受け取ることに同意し、登録します。確認メールのリンクから手続きを完了すると配信が始まります。配信はいつでも停止できます。',
} as const satisfies Record<string, string>;

export type ConsentVersion = keyof typeof CONSENT_WORDINGS;

/** The version every form shows now. */
export const CURRENT_CONSENT_VERSION: ConsentVersion = '2026-11';

/** Where a form sits; recorded with the consent so editors know which form people use. */
export const SIGNUP_PLACEMENTS = ['sidebar', 'article', 'page'] as const;
export type SignupPlacement = (typeof SIGNUP_PLACEMENTS)[number];

/** Whether `version` is a wording we have shown (and can therefore record). */
export function isConsentVersion(version: string): version is ConsentVersion {
  return Object.hasOwn(CONSENT_WORDINGS, version);
}
