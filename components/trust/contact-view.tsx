import { NEWSLETTER_PAGES } from '@/lib/newsletter/paths';
import { buildPublisherPage } from '@/lib/seo/json-ld';
import { SITE_NAME } from '@/lib/site/config';
import { TRUST_ANCHORS, TRUST_PAGES } from '@/lib/site/pages';
import type { Publisher } from '@/lib/site/publisher';
import { MailLink, TextLink, TrustPageFrame, TrustSection } from './trust-page';

type ContactViewProps = { publisher: Publisher; siteUrl: string };

type Topic = { id: string; subject: string; title: string; body: React.ReactNode };

/**
 * お問い合わせ: one mail address (SITE_CONTACT_EMAIL) and what to write for
 * each kind of message, so the desk can sort mail by its subject. No form:
 * a form would add a stored message, a rate limit and spam handling for
 * what a mail program already does.
 */
export function ContactView({ publisher, siteUrl }: ContactViewProps) {
  const page = TRUST_PAGES.contact;
  const topics: Topic[] = [
    {
      id: TRUST_ANCHORS.corrections,
      subject: '訂正',
      title: '記事の誤りのご指摘',
      body: (
        <p>
          記事のアドレス(URL)と見出し、誤りと思われる箇所、そう考える根拠をお書きください。編集部で確認し、誤りであれば速やかに訂正します。訂正の方針は
          <TextLink href={`${TRUST_PAGES.about.path}#${TRUST_ANCHORS.corrections}`}>会社概要の「訂正について」</TextLink>をご覧ください。
        </p>
      ),
    },
    {
      id: 'opinions',
      subject: 'ご意見',
      title: '記事や本サイトへのご意見、ご感想',
      body: <p>いただいたご意見は編集部で共有し、今後の記事づくりに生かします。すべてのご意見に個別にはお返事できないことを、ご了承ください。</p>,
    },
    {
      id: 'tips',
      subject: '情報提供',
      title: 'ニュースの情報提供',
      body: <p>取材のきっかけとなる情報をお寄せください。情報をお寄せくださった方が誰であるかを、ご本人の同意なく明かすことはありません。</p>,
    },
    {
      id: 'press',
      subject: '報道関係',
      title: '取材、報道関係のお問い合わせ',
      body: <p>当社や本サイトへの取材のお申し込みは、媒体名、ご担当の方のお名前とご連絡先、取材の内容と締め切りをお書き添えください。</p>,
    },
    {
      id: 'licensing',
      subject: '転載',
      title: '記事や写真の転載、二次利用のご相談',
      body: <p>利用したい記事や写真のアドレス、利用の目的と方法(媒体、部数や期間など)をお書きください。通信社の配信記事など、当社が許諾できないものもあります。</p>,
    },
    {
      id: 'advertising',
      subject: '広告',
      title: '広告、タイアップのお問い合わせ',
      body: <p>御社名、ご担当の方のお名前、ご検討中の内容をお書きください。担当者からご連絡します。</p>,
    },
    {
      id: 'newsletter',
      subject: 'メールマガジン',
      title: 'メールマガジンについて',
      body: (
        <p>
          配信の停止は、各メールの末尾にあるリンクからいつでもできます。うまくいかない場合は、ご登録のメールアドレスからご連絡ください。登録の方法は
          <TextLink href={NEWSLETTER_PAGES.signup}>メールマガジンのページ</TextLink>にあります。
        </p>
      ),
    },
    {
      id: 'privacy',
      subject: '個人情報',
      title: '個人情報の開示などのご請求',
      body: (
        <p>
          当社が保有する個人データの開示、訂正、利用の停止などのご請求は、この窓口で承ります。詳しくは
          <TextLink href={`${TRUST_PAGES.privacy.path}#requests`}>プライバシーポリシー</TextLink>をご覧ください。
        </p>
      ),
    },
  ];
  return (
    <TrustPageFrame page={page} eyebrow="CONTACT" publisher={publisher} siteUrl={siteUrl} jsonLd={buildPublisherPage('ContactPage', page, siteUrl, publisher)}>
      <p>{SITE_NAME}へのお問い合わせは、メールで承っています。件名の初めに、下記の用件を【】に入れてお書きください(例:【訂正】)。</p>
      <div className="my-6 border-t-4 border-brand bg-paper px-5 py-5">
        <p className="text-sm font-bold text-muted">お問い合わせ先</p>
        <p className="mt-1 text-lg">
          <MailLink email={publisher.contactEmail} />
        </p>
        <p className="mt-2 text-sm leading-relaxed text-muted">
          内容を確かめたうえで、担当者からお返事します。用件によっては、お返事までお時間をいただくことや、お答えできないことがあります。お電話でのお問い合わせは承っていません。
        </p>
      </div>
      {topics.map((topic) => (
        <TrustSection key={topic.id} id={topic.id} title={`【${topic.subject}】${topic.title}`}>
          {topic.body}
        </TrustSection>
      ))}
      <p className="mt-10 text-sm text-muted">
        お寄せいただいたメールアドレスや内容は、お問い合わせへの対応のためにだけ利用します(
        <TextLink href={TRUST_PAGES.privacy.path}>プライバシーポリシー</TextLink>)。
      </p>
    </TrustPageFrame>
  );
}
