/**
 * Rules of the article fields that the editor applies as it types and
 * draft.ts applies on save: pure and small, so the editor's client leaves
 * import them without zod.
 */

/**
 * What the site prints before a picture's credit
 * (components/article/hero-figure.tsx): the editor's credit label says so.
 */
export const CREDIT_PREFIX = '写真:';

// 「写真:」 and its kin, typed by an editor who did not know the site adds
// it: kept, they showed as 「写真:写真:Kiji編集部」 (ADR 0035).
const TYPED_CREDIT_PREFIX = /^(?:写真|撮影|画像)\s*[:：]\s*/u;

/** A credit as stored: without a leading 「写真:」「撮影：」…, which the site prints itself. */
export function stripCreditPrefix(credit: string): string {
  return credit.replace(TYPED_CREDIT_PREFIX, '').trim();
}

/** Most names a byline carries; more is a slip, not a team. */
export const MAX_AUTHORS = 10;

/**
 * Whether the editor has typed anything worth keeping: a headline, a lead or
 * a body. A new article is stored only from then on (ADR 0041), so opening
 * 新規作成 and leaving leaves nothing behind; picking a section alone is not
 * writing.
 */
export function isDraftStarted(draft: { headline: string; standfirst: string; body: string }): boolean {
  return draft.headline.trim() !== '' || draft.standfirst.trim() !== '' || draft.body.trim() !== '';
}
