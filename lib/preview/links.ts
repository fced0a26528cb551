import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sign, verifySignature } from '../signing';

/**
 * Shareable preview links: a colleague without an account sees one article
 * as it will look. The token names the link, its expiry and our HMAC of
 * both with the article id, so a guessed or altered token fails before any
 * lookup; the database row makes each link revocable.
 */

export const DEFAULT_LINK_HOURS = 48;
/** What the newsroom offers; longer-lived drafts should get a fresh link. */
export const LINK_HOURS_CHOICES = [1, 6, 24, 48, 72, 168] as const;

const TOKEN = /^([A-Za-z0-9_-]{12})\.(\d{13})\.([A-Za-z0-9_-]{43})$/;

export type PreviewLink = {
  id: string;
  articleId: string;
  token: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  createdBy: string | null;
};

function toToken(secret: string, id: string, articleId: string, expiresMs: number): string {
  return `${id}.${expiresMs}.${sign(secret, 'preview-link', `${id}.${articleId}.${expiresMs}`)}`;
}

/** Makes a link to `articleId` that works for `hours` hours (1 hour to 30 days). */
export async function createPreviewLink(
  db: Kysely<Database>,
  secret: string,
  input: { articleId: string; editorId: string; hours: number; now?: Date },
): Promise<PreviewLink> {
  const now = input.now ?? new Date();
  const hours = Math.min(Math.max(1, Math.round(input.hours)), 30 * 24);
  const id = randomBytes(9).toString('base64url');
  const expires = new Date(now.getTime() + hours * 3_600_000);
  await db
    .insertInto('preview_links')
    .values({
      id,
      article_id: input.articleId,
      created_by: input.editorId,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      revoked_at: null,
    })
    .execute();
  return {
    id,
    articleId: input.articleId,
    token: toToken(secret, id, input.articleId, expires.getTime()),
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    revokedAt: null,
    createdBy: input.editorId,
  };
}

export type LinkCheck = { ok: true; articleId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'expired' | 'revoked' };

/**
 * Whether a token opens a preview now, and of which article. Checked on the
 * link and on every preview page view, so revoking or expiry takes effect at
 * the colleague's next page load.
 */
export async function checkPreviewToken(db: Kysely<Database>, secret: string, token: string | undefined, now = new Date()): Promise<LinkCheck> {
  const m = token ? TOKEN.exec(token) : null;
  if (!m) return { ok: false, reason: 'malformed' };
  const [, id, expiresMs, signature] = m as unknown as [string, string, string, string];
  const row = await db.selectFrom('preview_links').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || Date.parse(row.expires_at) !== Number(expiresMs)) return { ok: false, reason: 'malformed' };
  if (!verifySignature(secret, 'preview-link', `${id}.${row.article_id}.${expiresMs}`, signature)) return { ok: false, reason: 'malformed' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (Number(expiresMs) <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, articleId: row.article_id, expiresAt: new Date(Number(expiresMs)) };
}

/** Revokes a link of `articleId`; false when there is no such link. */
export async function revokePreviewLink(db: Kysely<Database>, articleId: string, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('preview_links')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type PreviewLinkStatus = 'active' | 'expired' | 'revoked';

/** A link as the newsroom lists it: with whether it still opens its preview. */
export type ListedPreviewLink = PreviewLink & { status: PreviewLinkStatus };

/** Whether a link opens its preview at `now`; a revoked link says so even after it would have expired. */
export function decideLinkStatus(link: Pick<PreviewLink, 'expiresAt' | 'revokedAt'>, now: Date): PreviewLinkStatus {
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** An article's links, newest first, with their tokens (re-derived: the token itself is never stored) and their status at `now`. */
export async function listPreviewLinks(db: Kysely<Database>, secret: string, articleId: string, now = new Date()): Promise<ListedPreviewLink[]> {
  const rows = await db.selectFrom('preview_links').selectAll().where('article_id', '=', articleId).orderBy('created_at', 'desc').execute();
  return rows.map((r) => {
    const link: PreviewLink = {
      id: r.id,
      articleId: r.article_id,
      token: toToken(secret, r.id, r.article_id, Date.parse(r.expires_at)),
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      createdBy: r.created_by,
    };
    return { ...link, status: decideLinkStatus(link, now) };
  });
}

/** The public path of a preview link. */
export function previewLinkPath(token: string): string {
  return `/preview/${token}`;
}
