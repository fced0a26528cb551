import { SITE_NAME } from '../site/config';

/**
 * The body of a 410 Gone answer for a withdrawn article. Plain HTML, because
 * proxy.ts answers before any page renders; it links readers back to the
 * top page and says plainly that the article is gone on purpose. Styled by
 * attributes: the site's CSP refuses inline `<style>` elements (ADR 0021).
 */
export const GONE_PAGE_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>この記事は公開を終了しました | ${SITE_NAME}</title></head>
<body style="margin:0;font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;color:#1a1a1a;background:#fff">
<main style="max-width:40rem;margin:0 auto;padding:4rem 1rem"><p style="color:#b4121b;font-weight:700;letter-spacing:.1em">410</p>
<h1 style="font-size:1.5rem;line-height:1.5">この記事は公開を終了しました</h1>
<p>お探しの記事は、編集部の判断により掲載を取りやめました。</p>
<p><a href="/" style="color:#075985">${SITE_NAME} トップページへ</a></p></main></body></html>`;
