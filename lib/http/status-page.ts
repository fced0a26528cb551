import { SITE_NAME } from '../site/config';

/**
 * A small page answered before any page renders (proxy.ts: a newsroom
 * page's 503 while the database is down): plain
 * HTML with the status, a heading, one paragraph and a link to the top page.
 * Styled by attributes: the site's CSP refuses inline `<style>` elements (ADR 0021).
 */
export function statusPageHtml({ status, title, message, alert = false }: { status: number; title: string; message: string; alert?: boolean }): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title} | ${SITE_NAME}</title></head>
<body style="margin:0;font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;color:#1a1a1a;background:#fff">
<main style="max-width:40rem;margin:0 auto;padding:4rem 1rem"><p style="color:#b4121b;font-weight:700;letter-spacing:.1em">${status}</p>
<h1 style="font-size:1.5rem;line-height:1.5">${title}</h1>
<p${alert ? ' role="alert"' : ''}>${message}</p>
<p><a href="/" style="color:#075985">${SITE_NAME} トップページへ</a></p></main></body></html>`;
}
