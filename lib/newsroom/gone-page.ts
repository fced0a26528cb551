import { statusPageHtml } from '../http/status-page';

/** The body of a 410 Gone answer for a withdrawn article (proxy.ts): it says plainly that the article is gone on purpose. */
export const GONE_PAGE_HTML = statusPageHtml({ status: 410, title: 'この記事は公開を終了しました', message: 'お探しの記事は、編集部の判断により掲載を取りやめました。ほかの記事はキーワードで検索するか、トップページからお探しください。', search: true });
