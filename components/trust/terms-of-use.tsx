import { SITE_NAME } from '@/lib/site/config';
import { TRUST_PAGES } from '@/lib/site/pages';
import type { Publisher } from '@/lib/site/publisher';
import { TextLink, TrustList, TrustPageFrame, TrustSection } from './trust-page';

type TermsOfUseProps = { publisher: Publisher; siteUrl: string };

/**
 * 利用規約. Written for readers, not only for lawyers: articles, links and
 * what must not be done to the site. The court is named by the company's
 * seat rather than by a city, so the terms stay right whatever
 * SITE_PUBLISHER_ADDRESS says; the disclaimer keeps intent and gross
 * negligence out of it, which 消費者契約法 would void anyway.
 */
export function TermsOfUse({ publisher, siteUrl }: TermsOfUseProps) {
  const page = TRUST_PAGES.terms;
  return (
    <TrustPageFrame page={page} eyebrow="TERMS OF USE" publisher={publisher} siteUrl={siteUrl} dated>
      <TrustSection id="scope" title="第1条(適用)">
        <p>
          この規約は、{publisher.name}(以下「当社」)が運営するニュースサイト「{SITE_NAME}」(以下「本サイト」)の利用について定めるものです。本サイトをご利用になる方(以下「利用者」)は、この規約に同意したうえでご利用ください。
        </p>
      </TrustSection>

      <TrustSection id="copyright" title="第2条(著作権)">
        <p>
          本サイトに掲載している記事、写真、図表その他の著作物の著作権は、当社または当社に利用を許諾した権利者(通信社、寄稿者、撮影者など)に帰属します。私的使用のための複製や引用など、著作権法が認める範囲を超えて、無断で複製、転載、改変、配布、公衆送信することはできません。
        </p>
        <p>
          引用する場合は、引用の必要性がある範囲にとどめ、出典として「{SITE_NAME}」と記事のアドレスを明記してください。転載や二次利用をご希望の場合は、
          <TextLink href={TRUST_PAGES.contact.path}>お問い合わせ</TextLink>のページからご相談ください。
        </p>
      </TrustSection>

      <TrustSection id="links" title="第3条(リンク)">
        <p>
          本サイトへのリンクは、原則として自由に張っていただけます。ただし、本サイトのページを他のサイトの画面の中に表示する方法や、当社との提携や当社による推奨があるかのように誤解させる方法でのリンクはお断りします。
        </p>
      </TrustSection>

      <TrustSection id="prohibited" title="第4条(禁止事項)">
        <p>利用者は、本サイトの利用にあたり、次の行為をしてはなりません。</p>
        <TrustList>
          <li>法令または公序良俗に反する行為</li>
          <li>当社または第三者の著作権、名誉、プライバシーその他の権利や利益を侵害する行為</li>
          <li>プログラムなどを用いて短時間に大量のアクセスを繰り返すなど、本サイトのサーバーに過大な負荷をかける行為</li>
          <li>本サイトのサーバーやシステムに不正にアクセスし、またはその運営を妨げる行為</li>
          <li>閲覧数の集計(人気ランキング)を不正に操作しようとする行為</li>
          <li>他人のメールアドレスを、その方の同意なくメールマガジンに登録する行為</li>
        </TrustList>
      </TrustSection>

      <TrustSection id="newsletter" title="第5条(メールマガジン)">
        <p>
          メールマガジンの登録は、ご登録のメールアドレスに届く確認メールから手続きを完了した時点で成立します。配信はいつでも停止できます。配信の内容、回数、時刻は、予告なく変更し、または配信を終了することがあります。お預かりする情報の取り扱いは、
          <TextLink href={TRUST_PAGES.privacy.path}>プライバシーポリシー</TextLink>に定めるとおりです。
        </p>
      </TrustSection>

      <TrustSection id="disclaimer" title="第6条(免責)">
        <p>
          当社は、掲載する情報の正確さに最大限の注意を払っていますが、その完全性や有用性を保証するものではありません。記事は掲載の時点の情報に基づいており、その後の状況の変化を反映していない場合があります。
        </p>
        <p>
          利用者が本サイトの情報をもとに行った判断(投資に関する判断を含みます)や、本サイトからリンクした他のサイトの内容によって生じた損害について、当社は責任を負いません。ただし、当社の故意または重大な過失による場合は、この限りではありません。
        </p>
      </TrustSection>

      <TrustSection id="changes-to-service" title="第7条(サービスの変更、中断)">
        <p>当社は、設備の保守や障害への対応などのため、予告なく本サイトの内容を変更し、または本サイトの提供を一時的に中断することがあります。</p>
      </TrustSection>

      <TrustSection id="changes-to-terms" title="第8条(規約の変更)">
        <p>
          当社は、必要に応じてこの規約を変更することがあります。変更する場合は、変更後の内容とその効力が生じる日を、あらかじめ本サイトに掲載してお知らせします。効力が生じた日以降に本サイトを利用した方は、変更後の規約に同意したものとみなします。
        </p>
      </TrustSection>

      <TrustSection id="jurisdiction" title="第9条(準拠法、管轄)">
        <p>この規約は日本法に基づいて解釈します。本サイトに関して紛争が生じた場合は、当社の本店所在地を管轄する地方裁判所を第一審の専属的合意管轄裁判所とします。</p>
      </TrustSection>
    </TrustPageFrame>
  );
}
