import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getNewsroomContext } from './context';
import { checkRequestOrigin, isValidCsrfToken, listAllowedOrigins, toCsrfToken, toSignInToken } from './csrf';
import type { Editor } from './editors';
import { MESSAGES, jsonError } from './http';
import { toReturnPath } from './return-path';
import { createSession, findSession, revokeSession } from './sessions';

/**
 * Who is signed in to the newsroom, and the guard every newsroom page,
 * route handler and Server Action passes first.
 */

export type SignedIn = { editor: Editor; sessionId: string; csrfToken: string };

/** `__Host-` (https only) pins the cookie to our exact host and path `/`: no subdomain can set or shadow it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kiji_session' : 'kiji_session';
}

/** The signed-in editor of this request, or null. Reads cookies, so only in dynamic code. */
export async function getSignedInEditor(): Promise<SignedIn | null> {
  const { db, secret, settings } = await getNewsroomContext();
  const token = (await cookies()).get(sessionCookieName(settings.secureCookies))?.value;
  const found = await findSession(db, token);
  if (!found) return null;
  return { editor: found.editor, sessionId: found.sessionId, csrfToken: toCsrfToken(secret, found.sessionId) };
}

/** A fresh token for the sign-in form (which has no session to bind a CSRF token to). */
export async function issueSignInToken(): Promise<string> {
  const { secret } = await getNewsroomContext();
  return toSignInToken(secret);
}

/** For newsroom pages: the signed-in editor, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireEditor(returnTo: string): Promise<SignedIn> {
  const signedIn = await getSignedInEditor();
  if (!signedIn) redirect(`/newsroom/sign-in?next=${encodeURIComponent(toReturnPath(returnTo))}`);
  return signedIn;
}

async function readCsrfToken(request: Request): Promise<string | null> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const field = form?.get('csrf');
  return typeof field === 'string' ? field : null;
}

/**
 * The guard of every newsroom mutation (route handlers): same-origin request,
 * signed-in editor, valid CSRF token, checked in that order. Returns the
 * editor, or the 403/401 response to send instead.
 */
export async function guardMutation(request: Request): Promise<SignedIn | Response> {
  const { siteUrl, secret, settings } = await getNewsroomContext();
  const origin = checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers, settings.trustedProxyHops));
  if (!origin.ok) return jsonError(403, MESSAGES.crossSite);
  const signedIn = await getSignedInEditor();
  if (!signedIn) return jsonError(401, MESSAGES.signedOut);
  if (!isValidCsrfToken(secret, signedIn.sessionId, await readCsrfToken(request))) return jsonError(403, MESSAGES.badToken);
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
  const signedIn = await getSignedInEditor();
  if (!signedIn) throw new Error(MESSAGES.signedOut);
  if (typeof csrfToken !== 'string' || !isValidCsrfToken(secret, signedIn.sessionId, csrfToken)) throw new Error(MESSAGES.badToken);
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
