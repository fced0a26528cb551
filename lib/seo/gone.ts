import { SITE_NAME } from '../site/config';

/**
 * The page of a taken-down article (410 Gone). Plain HTML from the proxy,
 * outside React, so it needs nothing but this string; `noindex` so it is
 * never itself listed.
 */
export function renderGonePage(): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>この記事は公開を終了しました | ${SITE_NAME}</title>
<style>body{font-family:system-ui,"Noto Sans CJK JP",sans-serif;color:#1a1a1a;margin:0;padding:4rem 1rem;text-align:center;line-height:1.8}p.code{color:#b4121b;font-weight:700;letter-spacing:.1em;font-size:.875rem}a{display:inline-block;margin-top:2rem;background:#b4121b;color:#fff;padding:.6rem 1.5rem;font-weight:700;text-decoration:none}</style>
</head>
<body>
<main>
<p class="code">410 GONE</p>
<h1>この記事は公開を終了しました</h1>
<p>お探しの記事は掲載を終了したため、ご覧いただけません。</p>
<a href="/">${SITE_NAME} トップページへ</a>
</main>
</body>
</html>
`;
}
