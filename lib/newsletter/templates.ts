import { SITE_NAME } from '../site/config';
import { formatDateline } from '../time/jst';
import { NEWSLETTER_ENDPOINTS, NEWSLETTER_PAGES, withToken } from './paths';

/** A mail ready for the outbox. `headers` are extra header lines (List-Unsubscribe …). */
export type MailContent = { kind: MailKind; subject: string; text: string; html: string; headers: Record<string, string> };
export type MailKind = 'confirm' | 'welcome' | 'already-subscribed' | 'edition';

/** Links every mail to a subscriber carries. */
export type UnsubscribeLinks = {
  /** The page with the 配信停止 button (a GET never unsubscribes: mail scanners follow links). */
  page: string;
  /** RFC 8058 one-click target: a POST with `List-Unsubscribe=One-Click` unsubscribes. */
  oneClick: string;
};

/** Where the newsletter's links point; `siteUrl` is the public origin (SITE_URL). */
export function buildNewsletterLinks(siteUrl: string, tokens: { confirm?: string; unsubscribe: string }) {
  return {
    confirm: tokens.confirm ? siteUrl + withToken(NEWSLETTER_PAGES.confirm, tokens.confirm) : null,
    unsubscribe: {
      page: siteUrl + withToken(NEWSLETTER_PAGES.unsubscribe, tokens.unsubscribe),
      oneClick: siteUrl + withToken(NEWSLETTER_ENDPOINTS.unsubscribe, tokens.unsubscribe),
    },
    site: siteUrl,
  };
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

// 特定電子メール法 asks every mail to name its sender and say how to stop
// receiving it; the footer does both in every mail.
function footer(unsubscribe: UnsubscribeLinks, siteUrl: string) {
  const text = [
    '――――――――――――――――――――',
    `配信停止はこちら: ${unsubscribe.page}`,
    `送信者: ${SITE_NAME} 編集部(${siteUrl})`,
    'このメールは送信専用です。ご返信いただいてもお答えできません。',
  ].join('\n');
  const html = `<hr style="border:none;border-top:1px solid #e2e2e2;margin:24px 0">
<p style="font-size:12px;color:#5c5c5c;line-height:1.7">配信停止は<a href="${escapeHtml(unsubscribe.page)}">こちら</a>から。<br>送信者: ${escapeHtml(SITE_NAME)} 編集部(<a href="${escapeHtml(siteUrl)}">${escapeHtml(siteUrl)}</a>)<br>このメールは送信専用です。ご返信いただいてもお答えできません。</p>`;
  return { text, html };
}

function wrapHtml(title: string, inner: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="margin:0;padding:24px;font-family:'Hiragino Sans','Noto Sans JP',Meiryo,sans-serif;color:#1a1a1a;line-height:1.8"><div style="max-width:560px;margin:0 auto"><p style="font-weight:bold;color:#b4121b;font-size:20px;margin:0 0 16px">${escapeHtml(SITE_NAME)}</p>${inner}</div></body></html>`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:#b4121b;color:#fff;padding:12px 24px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a></p>`;
}

/** RFC 2369 / RFC 8058 headers: mail clients show their own unsubscribe button and POST to it. */
function listHeaders(unsubscribe: UnsubscribeLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The confirmation mail: one link to the page whose button completes the signup. */
export function confirmationMail(links: { confirm: string; unsubscribe: UnsubscribeLinks; site: string }, expiresAt: Date): MailContent {
  const subject = `【${SITE_NAME}】メールマガジン登録の確認`;
  const until = formatDateline(expiresAt);
  const f = footer(links.unsubscribe, links.site);
  const text = [
    `${SITE_NAME} メールマガジンへのお申し込みを受け付けました。`,
    '',
    '次のリンクを開き、表示されるページの「登録を完了する」ボタンを押すと、登録が完了します。',
    links.confirm,
    '',
    `リンクの有効期限: ${until}(48時間)`,
    'お心当たりのない場合は、このメールを破棄してください。登録は行われず、今後メールが届くこともありません。',
    '',
    f.text,
  ].join('\n');
  const html = wrapHtml(
    subject,
    `<p>${escapeHtml(SITE_NAME)} メールマガジンへのお申し込みを受け付けました。</p>
<p>下のボタンからページを開き、「登録を完了する」を押すと登録が完了します。</p>
${button(links.confirm, '登録手続きを続ける')}
<p style="font-size:14px">ボタンが使えない場合は、次のアドレスを開いてください。<br><a href="${escapeHtml(links.confirm)}">${escapeHtml(links.confirm)}</a></p>
<p style="font-size:14px">リンクの有効期限: ${escapeHtml(until)}(48時間)<br>お心当たりのない場合は、このメールを破棄してください。登録は行われず、今後メールが届くこともありません。</p>
${f.html}`,
  );
  return { kind: 'confirm', subject, text, html, headers: listHeaders(links.unsubscribe) };
}

/** Sent once the signup is confirmed. */
export function welcomeMail(links: { unsubscribe: UnsubscribeLinks; site: string }): MailContent {
  const subject = `【${SITE_NAME}】メールマガジンの登録が完了しました`;
  const f = footer(links.unsubscribe, links.site);
  const text = [
    `${SITE_NAME} メールマガジンにご登録いただき、ありがとうございます。`,
    '',
    '最新のニュースと編集部のおすすめ記事を、週に数回お届けします。',
    `サイトはこちら: ${links.site}`,
    '',
    f.text,
  ].join('\n');
  const html = wrapHtml(
    subject,
    `<p>${escapeHtml(SITE_NAME)} メールマガジンにご登録いただき、ありがとうございます。</p>
<p>最新のニュースと編集部のおすすめ記事を、週に数回お届けします。</p>
${button(links.site, `${SITE_NAME}を開く`)}
${f.html}`,
  );
  return { kind: 'welcome', subject, text, html, headers: listHeaders(links.unsubscribe) };
}

/** Sent instead of a confirmation when the address is already on the list, so the form's reply can be the same for everyone. */
export function alreadySubscribedMail(links: { unsubscribe: UnsubscribeLinks; site: string }): MailContent {
  const subject = `【${SITE_NAME}】メールマガジンはすでにご登録済みです`;
  const f = footer(links.unsubscribe, links.site);
  const text = [
    `このメールアドレスは、${SITE_NAME} メールマガジンにすでに登録されています。お手続きは必要ありません。`,
    '',
    'お心当たりのない場合は、このメールを破棄してください。配信を止めたい場合は、下の配信停止のリンクからお手続きください。',
    '',
    f.text,
  ].join('\n');
  const html = wrapHtml(
    subject,
    `<p>このメールアドレスは、${escapeHtml(SITE_NAME)} メールマガジンにすでに登録されています。お手続きは必要ありません。</p>
<p>お心当たりのない場合は、このメールを破棄してください。配信を止めたい場合は、下の配信停止のリンクからお手続きください。</p>
${f.html}`,
  );
  return { kind: 'already-subscribed', subject, text, html, headers: listHeaders(links.unsubscribe) };
}

/** An edition's content as its mail shows it (lib/newsletter/editions.ts): each article's link is absolute. */
export type EditionMailInput = {
  subject: string;
  intro: string;
  articles: { headline: string; standfirst: string | null; url: string }[];
};

/** The intro's paragraphs: blank lines part them; single line breaks stay inside one. */
export function splitParagraphs(text: string): string[][] {
  return text
    .replaceAll('\r\n', '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

/**
 * A newsletter edition as one subscriber gets it: the intro as plain
 * paragraphs, then each article's headline, standfirst and link, then the
 * footer with their 配信停止 link, and the RFC 8058 one-click headers.
 * Only the unsubscribe links differ from one subscriber to the next, so the
 * newsroom's preview is this same function with an example link.
 */
export function editionMail(edition: EditionMailInput, links: { unsubscribe: UnsubscribeLinks; site: string }): MailContent {
  const f = footer(links.unsubscribe, links.site);
  const intro = splitParagraphs(edition.intro);
  const text = [
    ...intro.map((lines) => lines.join('\n') + '\n'),
    ...edition.articles.map((a) => ['■ ' + a.headline, ...(a.standfirst ? [a.standfirst] : []), a.url, ''].join('\n')),
    f.text,
  ].join('\n');
  const introHtml = intro.map((lines) => `<p style="margin:0 0 16px">${lines.map(escapeHtml).join('<br>')}</p>`).join('\n');
  const articlesHtml = edition.articles
    .map(
      (a) => `<div style="border-top:1px solid #e2e2e2;padding:16px 0">
<p style="margin:0 0 8px;font-size:18px;font-weight:bold;line-height:1.5"><a href="${escapeHtml(a.url)}" style="color:#1a1a1a;text-decoration:none">${escapeHtml(a.headline)}</a></p>
${a.standfirst ? `<p style="margin:0 0 8px;font-size:15px;color:#3d3d3d">${escapeHtml(a.standfirst)}</p>\n` : ''}<p style="margin:0;font-size:14px"><a href="${escapeHtml(a.url)}" style="color:#b4121b">記事を読む</a></p>
</div>`,
    )
    .join('\n');
  const html = wrapHtml(edition.subject, `${introHtml}\n${articlesHtml}\n${f.html}`);
  return { kind: 'edition', subject: edition.subject, text, html, headers: listHeaders(links.unsubscribe) };
}
