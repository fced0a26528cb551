import { SITE_NAME } from '@/lib/site/config';
import { TRUST_ANCHORS, TRUST_PAGES } from '@/lib/site/pages';
import type { Publisher } from '@/lib/site/publisher';
import { DetailList, MailLink, TextLink, TrustList, TrustPageFrame, TrustSection } from './trust-page';

type PrivacyPolicyProps = { publisher: Publisher; siteUrl: string };

/**
 * プライバシーポリシー: what the site really collects, read from the code
 * that collects it, so a reader can check it against what their browser
 * sees. When that code changes, this text must change with it:
 * privacy-policy.test.tsx compares the numbers and cookie names here with
 * the modules that set them.
 *
 * - the newsletter (lib/newsletter): address, status, the consent record
 *   with a keyed hash of the client address, the 48-hour confirmation link
 *   (double opt-in), the per-client and per-address limits (lib/http/rate-limit.ts,
 *   pruned after a day) and the sent mail (mail_outbox, kept);
 * - the page-view beacon (lib/rankings): an article id in, hourly counts per
 *   article stored for 31 days; the visitor is a hash of the address under a
 *   salt that changes at JST midnight, held for the dedupe and cap windows
 *   (an hour at most), never stored with the counts; no cookie;
 * - logs (lib/log, deploy/nginx/kiji-http.conf): no mail or IP addresses in
 *   the application's log; nginx's access log keeps the client's /24 (IPv6 /48)
 *   and no query string; its error log names addresses (deploy/README.md);
 * - cookies: none for readers; the newsroom's session and device cookies,
 *   and the preview grant scoped to one article's preview address (there is
 *   no draft mode, ADR 0019);
 * - nothing of anyone else's is loaded (CSP `script-src 'self'`), and the
 *   share buttons are plain links (components/share/share-links.tsx).
 */
export function PrivacyPolicy({ publisher, siteUrl }: PrivacyPolicyProps) {
  const page = TRUST_PAGES.privacy;
  return (
    <TrustPageFrame page={page} eyebrow="PRIVACY POLICY" publisher={publisher} siteUrl={siteUrl} dated>
      <p>
        {publisher.name}(以下「当社」)は、ニュースサイト「{SITE_NAME}」(以下「本サイト」)をご利用になる方の情報を、次のとおり取り扱います。当社は、個人情報の保護に関する法律その他の法令を守り、本サイトの運営に必要な範囲でのみ情報を取得し、利用します。
      </p>

      <TrustSection id="principles" title="1. 基本的な考え方">
        <p>
          本サイトには会員登録の仕組みがなく、記事を読むだけの方からお名前やメールアドレスをいただくことはありません。個人情報をお預かりするのは、メールマガジンにご登録いただくときと、当社にメールでお問い合わせいただくときだけです。
        </p>
        <p>本サイトは、広告の配信やアクセス解析のためのCookie、他社のトラッキング用のプログラムを使っていません。</p>
      </TrustSection>

      <TrustSection id={TRUST_ANCHORS.newsletterPrivacy} title="2. メールマガジン">
        <p>登録フォームに入力されたメールアドレスは、次の目的にだけ利用します。</p>
        <TrustList>
          <li>メールマガジンの配信</li>
          <li>登録の確認や配信停止など、お手続きに関するご案内の送信</li>
          <li>特定電子メールの送信の適正化等に関する法律に基づく、同意の記録</li>
        </TrustList>
        <p>
          <strong className="font-bold">登録の確認。</strong>
          フォームにメールアドレスを入力すると、まずそのアドレスに確認のメールをお送りします。メール内のリンクを開き、表示されたページで登録を完了するまで、メールマガジンは配信されません。リンクの有効期限は48時間です。他人のメールアドレスが無断で登録されることを防ぐための仕組みです。
        </p>
        <p>
          <strong className="font-bold">保存する情報。</strong>
          メールアドレスと登録の状態のほか、同意の記録として、登録の申し込み、確認、配信停止のそれぞれの日時と、申し込みの際に表示していた同意の文言、申し込みに使われたフォームの場所を保存します。あわせて、通信元のIPアドレスを当社だけが持つ鍵で変換した値(ハッシュ値)を保存します。IPアドレスそのものは保存しません。お送りしたメールは、宛先、件名、本文、送信日時を記録として保存します。
        </p>
        <p>
          <strong className="font-bold">大量の申し込みの防止。</strong>
          短時間に多くの申し込みがあった場合に受け付けを制限するため、通信元のIPアドレスとメールアドレスから同じように変換した値を数えます。この記録は1日を過ぎたものから消去します。
        </p>
        <p>
          <strong className="font-bold">配信の停止。</strong>
          すべてのメールの末尾にあるリンクから、いつでも配信を停止できます。停止した後も、同意と停止の記録は法令に基づく記録として保存します。記録の削除をご希望の場合は、下記の窓口までご連絡ください。
        </p>
        <p>メールの送信には、当社が委託するメール送信事業者を利用することがあります。</p>
      </TrustSection>

      <TrustSection id="rankings" title="3. 閲覧数の集計(人気ランキング)">
        <p>人気ランキングを作るため、記事のページを開くと、お使いのブラウザーから本サイトのサーバーへ、開いた記事の識別番号だけが送られます。</p>
        <TrustList>
          <li>保存するのは、記事ごと、1時間ごとの閲覧数だけです。誰がどの記事を読んだかは保存しません。閲覧数は31日を過ぎたものから消去します。</li>
          <li>
            同じ方が短時間に同じ記事を開き直した分を重ねて数えないよう、通信元のIPアドレス(IPv6の場合は前半の64ビット)と毎日入れ替わる乱数とから作った値を、最長1時間だけ使います。この値は閲覧数と一緒には保存せず、乱数は日本時間の午前0時に入れ替わるため、日をまたいで同じ方の閲覧を結び付けることはできません。
          </li>
          <li>IPアドレスそのものやCookieは、この集計に使わず、保存もしません。</li>
          <li>検索エンジンの巡回プログラムなどによる自動的なアクセスや、ブラウザーによるページの先読みは数えません。</li>
        </TrustList>
      </TrustSection>

      <TrustSection id="logs" title="4. サーバーの記録(ログ)">
        <p>
          障害の調査や不正なアクセスへの対処のため、本サイトのサーバーはアクセスの記録を残します。記録するのは、日時、開いたページのアドレス(「?」以降を除きます)、応答の結果、ブラウザーの種類(ユーザーエージェント)と、通信元のIPアドレスの一部(IPv4は前半の24ビット、IPv6は前半の48ビット)です。アクセスの記録に、IPアドレスの全体は残しません。
        </p>
        <p>
          ただし、サーバーの間の通信の失敗を書き留めるエラーの記録には、IPアドレスの全体が含まれることがあります。この記録は調査に必要な短い期間だけ保存します。本サイトのプログラムが書く動作の記録には、メールアドレスもIPアドレスも書き込みません。
        </p>
      </TrustSection>

      <TrustSection id="cookies" title="5. Cookie(クッキー)">
        <p>
          記事を読む方や、メールマガジンに登録する方のブラウザーに、本サイトはCookieを保存しません。Cookieを使うのは次の場合だけで、いずれも本サイトの運営に欠かせないものです。広告やアクセス解析には使いません。
        </p>
        <DetailList
          label="本サイトが使うCookie"
          rows={[
            { term: 'kiji_session', detail: '当社の編集部員が記事の編集画面にログインしている間、その方であることを確かめるために使います(最長12時間)。暗号化された接続では、名前の先頭に「__Host-」が付きます。' },
            { term: 'kiji_device', detail: '編集部員のログイン画面で、以前にログインした端末かどうかを確かめ、不正なログインの試みを制限するために使います(有効期間1年)。' },
            {
              term: 'kiji_preview',
              detail: '公開前の記事を確認するためのリンクを編集部から受け取った方が、そのリンクを開いたときに、その記事の確認用ページでだけ使います(リンクの有効期限まで)。',
            },
          ]}
        />
      </TrustSection>

      <TrustSection id="third-parties" title="6. 外部のサービス">
        <p>
          本サイトのページは、広告、アクセス解析、SNSのボタンなど、他社のプログラムや画像を読み込みません。ページを開いただけで、ご利用の方の情報が他社に送られることはありません。
        </p>
        <p>
          記事のシェアボタン(X、LINE、はてなブックマーク、Facebook)は、各サービスの共有ページへの通常のリンクです。ボタンを押すまで、これらのサービスに情報は送られません。押して開いたページでの情報の取り扱いは、各サービスの定めによります。記事から他のサイトへリンクしている場合も同じです。
        </p>
      </TrustSection>

      <TrustSection id="inquiries" title="7. お問い合わせ">
        <p>
          メールでお問い合わせいただいた場合、メールアドレス、お名前(お書きいただいた場合)、お問い合わせの内容は、ご返信と、記事の訂正などお問い合わせへの対応のためにだけ利用します。情報をお寄せくださった方が誰であるかを、ご本人の同意なく明かすことはありません。
        </p>
      </TrustSection>

      <TrustSection id="sharing" title="8. 第三者への提供">
        <p>当社は、法令に基づく場合など個人情報の保護に関する法律が認める場合を除き、ご本人の同意を得ずに個人データを第三者に提供しません。メール送信事業者への委託のように、利用目的の範囲で業務を委託する場合は、委託先を適切に監督します。</p>
      </TrustSection>

      <TrustSection id="security" title="9. 安全管理">
        <p>
          個人データの漏えいや滅失を防ぐため、保存先のサーバーにアクセスできる者を限るなど、必要な安全管理の措置を講じます。確認メールのリンクに使う符号は、元の値ではなくハッシュ値だけを保存します。
        </p>
      </TrustSection>

      <TrustSection id="requests" title="10. 開示などのご請求">
        <p>
          ご本人から、当社が保有する個人データについて、利用目的の通知、開示、内容の訂正・追加・削除、利用の停止・消去、第三者への提供の停止のご請求があった場合は、ご本人であることを確認したうえで、法令に従って速やかに対応します。下記の窓口までメールでご連絡ください。メールマガジンに関するご請求は、ご登録のメールアドレスからお送りいただくと、ご本人の確認が早く済みます。
        </p>
      </TrustSection>

      <TrustSection id="revisions" title="11. 改定">
        <p>法令の改正や本サイトの機能の変更に合わせて、このポリシーを改めることがあります。改めた場合は、このページでお知らせし、改定日を表示します。</p>
      </TrustSection>

      <TrustSection id="operator" title="12. 事業者と窓口">
        <DetailList
          label="事業者と窓口"
          rows={[
            { term: '事業者', detail: publisher.name },
            { term: '所在地', detail: publisher.address },
            { term: '代表者', detail: publisher.representative },
            { term: '窓口', detail: <MailLink email={publisher.contactEmail} /> },
          ]}
        />
        <p className="text-sm text-muted">
          そのほかのお問い合わせは<TextLink href={TRUST_PAGES.contact.path}>お問い合わせ</TextLink>のページをご覧ください。
        </p>
      </TrustSection>
    </TrustPageFrame>
  );
}
