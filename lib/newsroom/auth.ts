import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { readBody } from '../http/body';
import { getNewsroomContext } from './context';
import { checkRequestOrigin, isValidCsrfToken, listAllowedOrigins, toCsrfToken, toSignInToken } from './csrf';
import type { Editor } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, toBodyErrorResponse } from './http';
import { toReturnPath } from './return-path';
import { isTwoFactorRequired } from './policies';
import { canEditFixedPages, canManageAccounts, canPublish, isOpenWhileTwoFactorDue, TWO_FACTOR_DUE, TWO_FACTOR_SETUP_PAGE } from './roles';
import { createSession, findSession, revokeSession } from './sessions';

/**
 * Who is signed in to the newsroom, and the guard every newsroom page,
 * route handler and Server Action passes first.
 */

export type SignedIn = {
  editor: Editor;
  sessionId: string;
  csrfToken: string;
  twoFactorOn: boolean;
  /**
   * The 管理者 requires two-factor sign-in of this account's role and it has
   * none yet (ADR 0043): until it sets it up, it reaches only
   * TWO_FACTOR_SETUP_PAGE and what that page posts (roles.ts, isOpenWhileTwoFactorDue).
   */
  twoFactorDue: boolean;
};

/** `__Host-` (https only) pins the cookie to our exact host and path `/`: no subdomain can set or shadow it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kiji_session' : 'kiji_session';
}

/** This request's session, whether or not its two-factor sign-in is due. */
async function findSignedIn(): Promise<SignedIn | null> {
  const { db, secret, settings } = await getNewsroomContext();
  const token = (await cookies()).get(sessionCookieName(settings.secureCookies))?.value;
  const found = await findSession(db, token);
  if (!found) return null;
  // The setting is read only for an account it could concern: most requests make no second query.
  const twoFactorDue = canPublish(found.editor.role) && !found.twoFactorOn && (await isTwoFactorRequired(db));
  return { editor: found.editor, sessionId: found.sessionId, csrfToken: toCsrfToken(secret, found.sessionId), twoFactorOn: found.twoFactorOn, twoFactorDue };
}

/**
 * The signed-in editor of this request, or null. Reads cookies, so only in
 * dynamic code. Null too for an account whose two-factor sign-in is due:
 * whatever asks this (a preview, the sign-in page) treats it as signed out.
 */
export async function getSignedInEditor(): Promise<SignedIn | null> {
  const signedIn = await findSignedIn();
  return signedIn && !signedIn.twoFactorDue ? signedIn : null;
}

/** A fresh token for the sign-in form (which has no session to bind a CSRF token to). */
export async function issueSignInToken(): Promise<string> {
  const { secret } = await getNewsroomContext();
  return toSignInToken(secret);
}

/**
 * For newsroom pages: the signed-in editor, or a redirect to the sign-in
 * page that comes back to `returnTo`; an account whose two-factor sign-in
 * is due is sent to set it up from every page but that one.
 */
export async function requireEditor(returnTo: string): Promise<SignedIn> {
  const signedIn = await findSignedIn();
  if (!signedIn) redirect(`/newsroom/sign-in?next=${encodeURIComponent(toReturnPath(returnTo))}`);
  if (signedIn.twoFactorDue && !isOpenWhileTwoFactorDue(toReturnPath(returnTo).split('?')[0]!)) redirect(TWO_FACTOR_SETUP_PAGE);
  return signedIn;
}

/**
 * For the 管理者's pages: the signed-in 管理者; anyone else signed in is sent
 * to the article list, which says why; an outsider to sign-in.
 */
export async function requireAdmin(returnTo: string): Promise<SignedIn> {
  const signedIn = await requireEditor(returnTo);
  if (!canManageAccounts(signedIn.editor.role)) redirect('/newsroom?denied=accounts');
  return signedIn;
}

/**
 * For the fixed pages' editor (docs/adr/0048-fixed-pages.md): a signed-in
 * デスク or 管理者; a 記者 is sent to the article list, which says why.
 */
export async function requireFixedPageEditor(returnTo: string): Promise<SignedIn> {
  const signedIn = await requireEditor(returnTo);
  if (!canEditFixedPages(signedIn.editor)) redirect('/newsroom?denied=pages');
  return signedIn;
}

/**
 * The request's CSRF token: the X-CSRF-Token header (fetch from the editor),
 * else the `csrf` field of a plain form post, read from a copy of the body so
 * the route handler can still read the form, and no further than a form's
 * size. A 413 when that form is larger; null when there is no token.
 */
async function readCsrfToken(request: Request): Promise<string | null | Response> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const body = await readBody(request.clone(), { limit: BODY_LIMITS.form, accept: ['form'] });
  if (body.ok) {
    const field = body.form.get('csrf');
    return typeof field === 'string' ? field : null;
  }
  if (body.status !== 413) return null;
  // The copy's branch is cancelled; cancelling this one too lets go of the socket.
  request.body?.cancel().catch(() => undefined);
  return toBodyErrorResponse(body);
}

/**
 * The guard of every newsroom mutation (route handlers): same-origin request,
 * signed-in editor, valid CSRF token, checked in that order, then (403) an
 * account whose two-factor sign-in is due posting anything but its set-up.
 * Returns the editor, or the 403/401 (or, for an oversized form, 413)
 * response to send instead.
 */
export async function guardMutation(request: Request): Promise<SignedIn | Response> {
  const { siteUrl, secret, settings } = await getNewsroomContext();
  const origin = checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers, settings.trustedProxyHops));
  if (!origin.ok) return jsonError(403, MESSAGES.crossSite);
  const signedIn = await findSignedIn();
  if (!signedIn) return jsonError(401, MESSAGES.signedOut);
  const token = await readCsrfToken(request);
  if (token instanceof Response) return token;
  if (!isValidCsrfToken(secret, signedIn.sessionId, token)) return jsonError(403, MESSAGES.badToken);
  if (signedIn.twoFactorDue && !isOpenWhileTwoFactorDue(new URL(request.url).pathname)) return jsonError(403, TWO_FACTOR_DUE);
  return signedIn;
}

/**
 * The same guard for Server Actions, which read the request through
 * `headers()`: Next.js's own check lets a request with no Origin through.
 * Throws, so an action never runs its body for an outsider.
 */
export async function guardAction(csrfToken: unknown): Promise<SignedIn> {
  const { siteUrl, secret, settings } = await getNewsroomContext();
  const h = await headers();
  if (!checkRequestOrigin(h, listAllowedOrigins(siteUrl, h, settings.trustedProxyHops)).ok) throw new Error(MESSAGES.crossSite);
  const signedIn = await findSignedIn();
  if (!signedIn) throw new Error(MESSAGES.signedOut);
  if (typeof csrfToken !== 'string' || !isValidCsrfToken(secret, signedIn.sessionId, csrfToken)) throw new Error(MESSAGES.badToken);
  // No action is part of the two-factor set-up.
  if (signedIn.twoFactorDue) throw new Error(TWO_FACTOR_DUE);
  return signedIn;
}

/**
 * Signs an editor in: ends whatever session the browser presented (the token
 * rotates at every sign-in, so a token planted before sign-in is worthless)
 * and sets the new one's cookie: httpOnly, SameSite=Lax, Secure over https.
 */
export async function startSession(editor: Editor): Promise<void> {
  const { db, settings } = await getNewsroomContext();
  const jar = await cookies();
  const name = sessionCookieName(settings.secureCookies);
  await revokeSession(db, jar.get(name)?.value);
  const { token, expiresAt } = await createSession(db, editor.id);
  jar.set(name, token, { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies, path: '/', expires: expiresAt });
}

/** Signs out: the session row is deleted (so a copied cookie stops working too), the cookie cleared. */
export async function endSession(): Promise<void> {
  const { db, settings } = await getNewsroomContext();
  const jar = await cookies();
  const name = sessionCookieName(settings.secureCookies);
  await revokeSession(db, jar.get(name)?.value);
  jar.set(name, '', { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies, path: '/', maxAge: 0 });
}
