import { DATABASE_UNAVAILABLE_MESSAGE } from '../db/errors';
import { SITE_NAME } from '../site/config';

/**
 * The body of a 503 answered before any page renders (proxy.ts, a newsroom
 * page while the database is down): plain HTML with the one message every
 * caller uses (lib/db/errors.ts), styled by attributes (the CSP refuses
 * inline `<style>` elements, ADR 0021).
 */
export const UNAVAILABLE_PAGE_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>ただいまご利用いただけません | ${SITE_NAME}</title></head>
<body style="margin:0;font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;color:#1a1a1a;background:#fff">
<main style="max-width:40rem;margin:0 auto;padding:4rem 1rem"><p style="color:#b4121b;font-weight:700;letter-spacing:.1em">503</p>
<h1 style="font-size:1.5rem;line-height:1.5">ただいまご利用いただけません</h1>
<p role="alert">${DATABASE_UNAVAILABLE_MESSAGE}</p>
<p><a href="/" style="color:#075985">${SITE_NAME} トップページへ</a></p></main></body></html>`;
