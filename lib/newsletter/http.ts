import type { Kysely } from 'kysely';
import { CACHE_CONTROL } from '../cache/control';
import { logServerFault, toServerFault } from '../db/errors';
import type { Database } from '../db/schema';
import { readBody, type BodyRefusal } from '../http/body';
import { toClientSubject } from '../http/client-address';
import { SITE_NAME } from '../site/config';
import { toMailboxKey } from './email';
import { NEWSLETTER_PAGES } from './paths';
import { hitRateLimit } from '../http/rate-limit';
import { RATE_LIMIT_MESSAGE, SIGNUP_LIMITS } from './rate-limit';
import { confirmSubscription, requestSubscription, unsubscribe, type NewsletterContext } from './service';
import { getSigningSecret, hashAddress, readClientAddress } from './tokens';
import { parseSignup, tokenSchema, TOKEN_MESSAGE } from './validation';

/**
 * The newsletter's HTTP endpoints, one function each, taking a Request and
 * giving a Response, so the route files stay one line and the whole exchange
 * (limits, status codes, what is stored) is tested without a server.
 *
 * Each endpoint answers two kinds of client: the enhanced form (JSON in,
 * JSON out) and a plain HTML form without JavaScript (form-encoded in; a 303
 * to a result page on success, or a small page with the message and the
 * right 4xx status on failure).
 */

export type NewsletterHttpDeps = {
  db: Kysely<Database>;
  siteUrl: string;
  mailFrom: string;
  proxyHops: number;
  now?: () => Date;
  /** Called after mail was queued (the worker sends it at once instead of at its next poll). */
  onQueued?: () => void;
};

/** The biggest body any newsletter endpoint reads: a signup is well under 1 KB. */
export const MAX_BODY_BYTES = 4096;

export const HTTP_MESSAGES = {
  accepted:
    'ご入力のアドレスに確認のメールをお送りしました。メール内のリンクから48時間以内に登録を完了してください。届かない場合は、迷惑メールフォルダもご確認ください。',
  unsupported: '送信の形式が正しくありません。ページを再読み込みしてから、もう一度お試しください。',
  tooLarge: '送信内容が大きすぎます。メールアドレスだけを入力して、もう一度お試しください。',
  unreadable: '送信内容を読み取れませんでした。ページを再読み込みしてから、もう一度お試しください。',
  confirmed: 'メールマガジンの登録が完了しました。',
  alreadyConfirmed: 'このメールアドレスの登録は、すでに完了しています。',
  expired: '登録手続きの有効期限(48時間)が切れています。お手数ですが、もう一度お申し込みください。',
  used: 'このリンクはすでに使われたか、無効になっています。お手数ですが、もう一度お申し込みください。',
  unknownLink: 'このリンクは無効です。メールに記載されたリンクをもう一度お確かめください。',
  unsubscribed: 'メールマガジンの配信を停止しました。',
  alreadyUnsubscribed: 'このメールアドレスへの配信は、すでに停止しています。',
} as const;

type Reply = {
  status: number;
  message: string;
  field?: string | null;
  /** Where a 303 sends a plain form; the JSON client gets `jsonStatus` (default 200) and the message instead. */
  location?: string;
  jsonStatus?: number;
  headers?: Record<string, string>;
};

function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json') || (request.headers.get('content-type') ?? '').includes('application/json');
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The page a no-JavaScript form gets when something is wrong: the message, the status, a way back. */
function messagePage(status: number, message: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>メールマガジン | ${escapeHtml(SITE_NAME)}</title>
<style>body{margin:0;font-family:'Hiragino Sans','Noto Sans CJK JP','Noto Sans JP',Meiryo,sans-serif;color:#1a1a1a;line-height:1.8}header{border-bottom:4px solid #b4121b;padding:12px 16px}header a{color:#b4121b;font-weight:bold;font-size:24px;text-decoration:none}main{max-width:36rem;margin:0 auto;padding:32px 16px}h1{font-size:20px}a.back{display:inline-block;margin-top:16px;background:#b4121b;color:#fff;padding:10px 20px;text-decoration:none;font-weight:bold}a:focus-visible{outline:3px solid #b4121b;outline-offset:2px}</style></head>
<body><header><a href="/">記事 ${escapeHtml(SITE_NAME)}</a></header><main><h1>メールマガジン</h1><p role="alert" data-status="${status}">${escapeHtml(message)}</p><a class="back" href="${NEWSLETTER_PAGES.signup}">メールマガジンのページへ</a></main></body></html>`;
}

function respond(request: Request, reply: Reply): Response {
  const headers: Record<string, string> = { 'Cache-Control': CACHE_CONTROL.personal, ...reply.headers };
  if (wantsJson(request)) {
    const ok = reply.status < 400;
    return Response.json({ ok, message: reply.message, ...(reply.field ? { field: reply.field } : {}) }, { status: reply.status === 303 ? (reply.jsonStatus ?? 200) : reply.status, headers });
  }
  if (reply.status === 303 && reply.location) return new Response(null, { status: 303, headers: { ...headers, Location: reply.location } });
  return new Response(messagePage(reply.status, reply.message), { status: reply.status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

type Body = { ok: true; fields: Record<string, unknown> } | { ok: false; reply: Reply };

const REFUSALS: Record<BodyRefusal['status'], string> = { 413: HTTP_MESSAGES.tooLarge, 415: HTTP_MESSAGES.unsupported, 400: HTTP_MESSAGES.unreadable };

/** The fields of a JSON object, form-encoded or multipart body of at most MAX_BODY_BYTES (lib/http/body.ts). */
async function readFields(request: Request): Promise<Body> {
  const body = await readBody(request, { limit: MAX_BODY_BYTES, accept: ['json', 'form'] });
  if (!body.ok) return { ok: false, reply: { status: body.status, message: REFUSALS[body.status] } };
  if (body.format === 'json') {
    const value = body.json;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reply: { status: 400, message: HTTP_MESSAGES.unreadable } };
    return { ok: true, fields: value as Record<string, unknown> };
  }
  const fields: Record<string, unknown> = {};
  // The first value of each name: a repeated field is not a way to slip past validation.
  for (const [name, value] of body.form.entries()) if (!(name in fields) && typeof value === 'string') fields[name] = value;
  return { ok: true, fields };
}

async function contextFor(deps: NewsletterHttpDeps): Promise<NewsletterContext> {
  return { db: deps.db, now: deps.now?.() ?? new Date(), siteUrl: deps.siteUrl, mailFrom: deps.mailFrom, secret: await getSigningSecret(deps.db) };
}

function clientOf(request: Request, deps: NewsletterHttpDeps): string {
  return readClientAddress(request.headers.get('x-forwarded-for'), deps.proxyHops);
}

/**
 * Runs an endpoint; one that fails for the server's condition (a full disk,
 * a database that cannot be reached: lib/db/errors.ts) becomes a 503 with
 * `Retry-After` and a message the reader can act on, in the form the caller
 * asked for (JSON or a page). Each endpoint writes in one transaction, so
 * nothing is left half-written, and nothing was stored or queued.
 */
async function answerServerFault(request: Request, endpoint: () => Promise<Response>): Promise<Response> {
  try {
    return await endpoint();
  } catch (error) {
    const fault = toServerFault(error);
    if (!fault) throw error;
    logServerFault('newsletter', fault, error);
    return respond(request, { status: 503, message: fault.message, headers: { 'Retry-After': String(fault.retryAfterSeconds) } });
  }
}

/** POST /api/newsletter/subscribe */
export function handleSignup(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  return answerServerFault(request, () => signup(request, deps));
}

async function signup(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  const body = await readFields(request);
  if (!body.ok) return respond(request, body.reply);
  const parsed = parseSignup(body.fields);
  if (!parsed.ok) return respond(request, { status: 400, message: parsed.failure.message, field: parsed.failure.field });
  const accepted: Reply = { status: 303, jsonStatus: 202, message: HTTP_MESSAGES.accepted, location: NEWSLETTER_PAGES.sent };
  // A filled honeypot is a bot: it gets the reply a person would, and nothing is stored or sent.
  if (parsed.value.website.trim() !== '') return respond(request, accepted);

  const ctx = await contextFor(deps);
  const client = clientOf(request, deps);
  for (const [limit, subject] of [
    [SIGNUP_LIMITS.perClient, hashAddress(ctx.secret, toClientSubject(client))],
    [SIGNUP_LIMITS.perAddress, hashAddress(ctx.secret, `mail:${toMailboxKey(parsed.value.email)}`)],
  ] as const) {
    const verdict = await hitRateLimit(ctx.db, limit, subject, ctx.now);
    if (!verdict.allowed) {
      return respond(request, { status: 429, message: RATE_LIMIT_MESSAGE, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
    }
  }
  await requestSubscription(ctx, { ...parsed.value, ipHash: hashAddress(ctx.secret, client) });
  deps.onQueued?.();
  // The same reply whatever the address's history: no one learns who is on the list.
  return respond(request, accepted);
}

function readToken(request: Request, fields: Record<string, unknown>): { ok: true; token: string } | { ok: false } {
  const parsed = tokenSchema.safeParse(fields.token ?? new URL(request.url).searchParams.get('token') ?? undefined);
  return parsed.success ? { ok: true, token: parsed.data } : { ok: false };
}

/** POST /api/newsletter/confirm: the confirmation page's button. */
export function handleConfirm(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  return answerServerFault(request, () => confirm(request, deps));
}

async function confirm(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  const body = await readFields(request);
  if (!body.ok) return respond(request, body.reply);
  const token = readToken(request, body.fields);
  if (!token.ok) return respond(request, { status: 400, message: TOKEN_MESSAGE, field: 'token' });
  const ctx = await contextFor(deps);
  const outcome = await confirmSubscription(ctx, token.token, hashAddress(ctx.secret, clientOf(request, deps)));
  switch (outcome) {
    case 'confirmed':
      deps.onQueued?.();
      return respond(request, { status: 303, message: HTTP_MESSAGES.confirmed, location: NEWSLETTER_PAGES.confirmed });
    case 'already-confirmed':
      return respond(request, { status: 303, message: HTTP_MESSAGES.alreadyConfirmed, location: NEWSLETTER_PAGES.confirmed });
    case 'expired':
      return respond(request, { status: 410, message: HTTP_MESSAGES.expired });
    case 'used':
      return respond(request, { status: 409, message: HTTP_MESSAGES.used });
    case 'invalid':
      return respond(request, { status: 404, message: HTTP_MESSAGES.unknownLink });
  }
}

/**
 * POST /api/newsletter/unsubscribe: the unsubscribe page's button, and the
 * RFC 8058 one-click POST a mail client sends to the List-Unsubscribe URL
 * (token in the query string, body `List-Unsubscribe=One-Click`).
 */
export function handleUnsubscribe(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  return answerServerFault(request, () => unsubscribeBy(request, deps));
}

async function unsubscribeBy(request: Request, deps: NewsletterHttpDeps): Promise<Response> {
  const body = await readFields(request);
  if (!body.ok) return respond(request, body.reply);
  const token = readToken(request, body.fields);
  if (!token.ok) return respond(request, { status: 400, message: TOKEN_MESSAGE, field: 'token' });
  const oneClick = body.fields['List-Unsubscribe'] === 'One-Click';
  const ctx = await contextFor(deps);
  const outcome = await unsubscribe(ctx, token.token, hashAddress(ctx.secret, clientOf(request, deps)));
  if (outcome === 'invalid') return respond(request, { status: 404, message: HTTP_MESSAGES.unknownLink });
  const message = outcome === 'unsubscribed' ? HTTP_MESSAGES.unsubscribed : HTTP_MESSAGES.alreadyUnsubscribed;
  // A mail client's one-click POST wants a plain success, not a page to follow.
  if (oneClick && !wantsJson(request)) return new Response(message, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.personal } });
  return respond(request, { status: 303, message, location: NEWSLETTER_PAGES.unsubscribed });
}
