import { domainToASCII } from 'node:url';

/** RFC 5321's limits: 64 octets before the @, 254 in all (what fits a forward path). */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

// Unquoted local parts (RFC 5322 dot-atom characters). Dots may repeat or end
// the local part: Japanese mobile carriers issued such addresses for years
// (taro..k.@…), their owners still use them, and the carriers' servers accept them.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

// Spaces of every kind, and the invisible characters a copy from a web page or chat brings along.
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;

/**
 * An address as typed, made comparable: full-width letters, digits and ＠
 * become ASCII (NFKC), spaces anywhere are dropped, the domain is lowercased
 * and an internationalised domain becomes its ASCII (punycode) form. The
 * local part keeps its case: RFC 5321 lets a mail server tell `Taro@` from
 * `taro@`. Returns null when what is left is not an address we can mail.
 */
export function normalizeEmail(input: string): string | null {
  const compact = input.normalize('NFKC').replace(SPACES, '');
  const at = compact.lastIndexOf('@');
  if (at <= 0 || at === compact.length - 1) return null;
  const local = compact.slice(0, at);
  const domain = domainToASCII(compact.slice(at + 1).replace(/\.$/, '').toLowerCase());
  if (!domain || local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local) || local.startsWith('.')) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(labels[labels.length - 1]!)) return null;
  const email = `${local}@${domain}`;
  return email.length <= MAX_EMAIL_LENGTH ? email : null;
}

/** An address shown back to its owner on a page reachable by a link: enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${'*'.repeat(Math.max(3, local.length - shown.length))}${email.slice(at)}`;
}

/**
 * The mailbox an address reaches, as the key the per-address signup limit
 * counts under; never for sending or storing. Mail servers in practice
 * deliver `Taro@`, `TARO@` and `taro+news@` (RFC 5233 subaddresses) to one
 * inbox, and Gmail ignores dots in the local part, so each spelling counting
 * on its own let 20 case variants of one address receive 63 confirmation
 * mails in a hardening review. Counting a few distinct mailboxes together only makes
 * their owners wait an hour sooner; counting one apart is a mail bomb.
 */
export function toMailboxKey(email: string): string {
  const lower = email.normalize('NFKC').toLowerCase();
  const at = lower.lastIndexOf('@');
  const domain = lower.slice(at + 1) === 'googlemail.com' ? 'gmail.com' : lower.slice(at + 1);
  const mailbox = lower.slice(0, at).replace(/\+.*$/, '') || lower.slice(0, at);
  return `${domain === 'gmail.com' ? mailbox.replaceAll('.', '') : mailbox}@${domain}`;
}
