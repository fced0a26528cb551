import { Breadcrumb } from '@/components/layout/breadcrumb';
import { JsonLd } from '@/components/seo/json-ld';
import { buildBreadcrumbs } from '@/lib/seo/json-ld';
import type { Publisher } from '@/lib/site/publisher';
import { formatJstDate, toJstIso } from '@/lib/time/jst';

/**
 * The frame of the site's pages about itself (会社概要, プライバシーポリシー,
 * 利用規約, お問い合わせ): breadcrumb, the heading as listing pages set it
 * with the page's 最終更新日, and the body in one column narrow enough to
 * read on a phone and not too wide on a desktop.
 */

type TrustPageFrameProps = {
  /** The page's heading and last crumb. */
  title: string;
  /** Site path; the breadcrumb's last link. */
  path: string;
  /** The small capitals over the heading, as listings have (ABOUT, PRIVACY POLICY …). */
  eyebrow: string;
  publisher: Publisher;
  siteUrl: string;
  /** The last save of the wording (ISO), shown as 最終更新日. */
  updatedAt: string;
  /** The page's own structured data, besides its breadcrumbs; none in the newsroom's preview. */
  jsonLd?: object | null;
  children: React.ReactNode;
};

export function TrustPageFrame({ title, path, eyebrow, publisher, siteUrl, updatedAt, jsonLd, children }: TrustPageFrameProps) {
  const crumbs = [
    { name: 'ホーム', path: '/' },
    { name: title, path },
  ];
  return (
    <>
      {jsonLd !== null && (
        <>
          {jsonLd && <JsonLd data={jsonLd} />}
          <JsonLd data={buildBreadcrumbs(crumbs, siteUrl)} />
        </>
      )}
      <article className="mx-auto max-w-3xl pb-4">
        <Breadcrumb crumbs={crumbs} />
        <header className="mb-6 border-b-2 border-ink pb-3">
          <p className="text-xs font-bold tracking-widest text-brand">{eyebrow}</p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{title}</h1>
          <p className="mt-2 text-sm text-muted" data-testid="fixed-page-updated">
            最終更新日 <time dateTime={toJstIso(updatedAt)}>{formatJstDate(updatedAt)}</time>
          </p>
        </header>
        {publisher.demo && <DemoNote />}
        {children}
      </article>
    </>
  );
}

// Shown while SITE_PUBLISHER_* are unset: a page that names a company must not pass invented details off as real.
function DemoNote() {
  return (
    <p data-testid="demo-publisher-note" className="mb-6 border-l-4 border-brand bg-paper px-4 py-3 text-sm leading-relaxed">
      このサイトはデモです。運営会社の名称、所在地、代表者、連絡先はすべて架空のもので、実在の会社や人物とは関係ありません。
    </p>
  );
}

export type DetailRow = { term: string; detail: React.ReactNode };

/**
 * A table of facts (会社概要's outline): on a phone each term sits over its
 * detail; from `sm` up they stand side by side.
 */
export function DetailList({ rows, label }: { rows: readonly DetailRow[]; label?: string }) {
  return (
    <dl aria-label={label} className="my-6 divide-y divide-rule border-y border-rule">
      {rows.map((row) => (
        <div key={row.term} className="grid gap-0.5 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4">
          <dt className="text-sm font-bold text-muted sm:text-base sm:text-ink">{row.term}</dt>
          <dd className="min-w-0">{row.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The publisher's mail address as a link; long addresses may break anywhere rather than widen a phone's page. */
export function MailLink({ email }: { email: string }) {
  return (
    <a href={`mailto:${email}`} className="font-semibold break-all text-brand underline underline-offset-4 hover:text-brand-dark">
      {email}
    </a>
  );
}
