import { buildPublisherPage } from '@/lib/seo/json-ld';
import { SITE_NAME } from '@/lib/site/config';
import { TRUST_ANCHORS, TRUST_PAGES } from '@/lib/site/pages';
import { formatFoundedDate, type Publisher } from '@/lib/site/publisher';
import { DetailList, MailLink, TextLink, TrustList, TrustPageFrame, TrustSection } from './trust-page';

type AboutViewProps = { publisher: Publisher; siteUrl: string };

/**
 * 会社概要: who publishes the site (from the SITE_PUBLISHER_* settings) and
 * how the newsroom works, including how it corrects mistakes. The policy
 * sections have fixed anchors: the publisher's JSON-LD points crawlers at
 * them (`publishingPrinciples`, `correctionsPolicy`).
 */
export function AboutView({ publisher, siteUrl }: AboutViewProps) {
  const page = TRUST_PAGES.about;
  return (
    <TrustPageFrame page={page} eyebrow="ABOUT" publisher={publisher} siteUrl={siteUrl} jsonLd={buildPublisherPage('AboutPage', page, siteUrl, publisher)}>
      <p>
        {SITE_NAME}は、国内外のニュースを深く、速く伝えるニュースサイトです。政治や経済から、暮らし、テクノロジー、カルチャーまで、編集部の取材による記事と、通信社から配信を受けた記事をお届けしています。運営は{publisher.name}です。
      </p>

      <TrustSection id="outline" title="会社情報">
        <DetailList
          label="会社情報"
          rows={[
            { term: '会社名', detail: publisher.name },
            { term: '所在地', detail: publisher.address },
            { term: '設立', detail: formatFoundedDate(publisher.founded) },
            { term: '代表者', detail: publisher.representative },
            {
              term: '事業内容',
              detail: (
                <ul className="space-y-1">
                  <li>ニュースサイト「{SITE_NAME}」の運営</li>
                  <li>週刊誌「週刊{SITE_NAME}」、別冊・ムックの編集と発行</li>
                  <li>メールマガジンの配信</li>
                  <li>広告の企画と販売</li>
                </ul>
              ),
            },
            {
              term: 'お問い合わせ',
              detail: (
                <>
                  <MailLink email={publisher.contactEmail} />
                  <span className="mt-1 block text-sm text-muted">
                    用件ごとのご案内は<TextLink href={TRUST_PAGES.contact.path}>お問い合わせ</TextLink>のページをご覧ください。
                  </span>
                </>
              ),
            },
          ]}
        />
      </TrustSection>

      <TrustSection id={TRUST_ANCHORS.editorialPolicy} title="編集方針">
        <p>{SITE_NAME}編集部は、読者の皆さまがご自身で考え、判断するための確かな材料をお届けすることを務めとしています。記事は次の方針に沿って作っています。</p>
        <TrustList>
          <li>
            <strong className="font-bold">正確さを第一にします。</strong>
            事実は複数の情報源にあたって確かめ、確認できないことを事実として書きません。
          </li>
          <li>
            <strong className="font-bold">公正に伝えます。</strong>
            意見の分かれる話題では、一方の主張だけでなく、それぞれの立場の言い分を伝えるよう努めます。
          </li>
          <li>
            <strong className="font-bold">編集の独立を守ります。</strong>
            広告主や取材先の意向によって、記事の内容を変えることはありません。
          </li>
          <li>
            <strong className="font-bold">広告と記事を区別します。</strong>
            広告主の提供による記事や連載には「PR」と表示します。
          </li>
          <li>
            <strong className="font-bold">出典を明らかにします。</strong>
            通信社から配信を受けた記事には、配信元の名称と著作権の表示を添えます。
          </li>
          <li>
            <strong className="font-bold">取材源を守ります。</strong>
            情報を寄せてくださった方が誰であるかを、ご本人の同意なく明かすことはありません。
          </li>
        </TrustList>
      </TrustSection>

      <TrustSection id={TRUST_ANCHORS.corrections} title="訂正について">
        <p>記事に誤りがあった場合は、分かりしだい速やかに訂正します。</p>
        <TrustList>
          <li>事実にかかわる誤りは、どこをどのように改めたかを、訂正した日時とともに記事の末尾の「訂正」欄に明記します。見出しや写真の説明の誤りも同じように扱います。</li>
          <li>訂正した記事と、新しい情報を加えた記事には「更新」の日時を表示します。</li>
          <li>誤字・脱字など、意味の変わらない表記の修正は、表示せずに直すことがあります。</li>
          <li>誤りが記事の根幹にかかわり、訂正では正しく伝えられない場合は、記事の掲載を取りやめることがあります。</li>
        </TrustList>
        <p>
          記事の誤りにお気づきの際は、
          <TextLink href={`${TRUST_PAGES.contact.path}#${TRUST_ANCHORS.corrections}`}>お問い合わせ</TextLink>
          のページにある「訂正のご指摘」の方法でお知らせください。
        </p>
      </TrustSection>
    </TrustPageFrame>
  );
}
