import type { ReactNode } from 'react';
import { BODY_TEXT_CLASS, renderBodyBlock } from '@/components/article/body-blocks';
import type { FixedPage } from '@/lib/content';
import { buildPublisherPage } from '@/lib/seo/json-ld';
import { TRUST_PAGES, type FixedPageSlug } from '@/lib/site/pages';
import { formatFoundedDate, type Publisher } from '@/lib/site/publisher';
import { toFixedPageBlocks, type FixedPageBlock } from '@/lib/text/fixed-page-body';
import { DetailList, MailLink, TrustPageFrame } from './trust-page';

type FixedPageViewProps = {
  page: Pick<FixedPage, 'slug' | 'title' | 'body' | 'updatedAt'>;
  publisher: Publisher;
  siteUrl: string;
  /** The newsroom's preview: the same page without its structured data (it is not the page crawlers read). */
  preview?: boolean;
};

const EYEBROWS: Record<FixedPageSlug, string> = { about: 'ABOUT', privacy: 'PRIVACY POLICY', terms: 'TERMS OF USE', contact: 'CONTACT' };

/** The publisher's pages for crawlers: 会社概要 is its AboutPage, お問い合わせ its ContactPage (lib/seo/json-ld.ts). */
const PAGE_TYPES: Partial<Record<FixedPageSlug, 'AboutPage' | 'ContactPage'>> = { about: 'AboutPage', contact: 'ContactPage' };

function renderBlock(block: FixedPageBlock, key: number, publisher: Publisher): ReactNode {
  switch (block.type) {
    case 'publisher':
      return (
        <DetailList
          key={key}
          label="会社情報"
          rows={[
            { term: '会社名', detail: publisher.name },
            { term: '所在地', detail: publisher.address },
            { term: '設立', detail: formatFoundedDate(publisher.founded) },
            { term: '代表者', detail: publisher.representative },
            { term: 'お問い合わせ', detail: <MailLink email={publisher.contactEmail} /> },
          ]}
        />
      );
    case 'contact':
      return (
        <div key={key} className="my-6 border-t-4 border-brand bg-paper px-5 py-5" data-testid="contact-box">
          <p className="text-sm font-bold text-muted">お問い合わせ先</p>
          <p className="mt-1 text-lg">
            <MailLink email={publisher.contactEmail} />
          </p>
        </div>
      );
    default:
      return renderBodyBlock(block, key);
  }
}

/**
 * 会社概要, プライバシーポリシー, 利用規約 or お問い合わせ as readers see it: the
 * newsroom's wording (docs/adr/0048-fixed-pages.md) through the article
 * body's renderer, with the publisher's details from the SITE_PUBLISHER_*
 * settings filled in where the wording names them, and its 最終更新日.
 */
export function FixedPageView({ page, publisher, siteUrl, preview = false }: FixedPageViewProps) {
  const path = TRUST_PAGES[page.slug].path;
  const type = PAGE_TYPES[page.slug];
  const jsonLd = preview ? null : type ? buildPublisherPage(type, { path, name: page.title }, siteUrl, publisher) : undefined;
  return (
    <TrustPageFrame title={page.title} path={path} eyebrow={EYEBROWS[page.slug]} publisher={publisher} siteUrl={siteUrl} updatedAt={page.updatedAt} jsonLd={jsonLd}>
      <div data-testid="fixed-page-body" className={BODY_TEXT_CLASS}>
        {toFixedPageBlocks(page.body, publisher).map((block, i) => renderBlock(block, i, publisher))}
      </div>
    </TrustPageFrame>
  );
}
