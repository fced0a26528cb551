import Link from 'next/link';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { JsonLd } from '@/components/seo/json-ld';
import { buildBreadcrumbs } from '@/lib/seo/json-ld';
import type { TrustPage } from '@/lib/site/pages';
import type { Publisher } from '@/lib/site/publisher';
import { formatJstDate } from '@/lib/time/jst';

/**
 * The frame of the site's pages about itself (会社概要, プライバシーポリシー,
 * 利用規約, お問い合わせ): breadcrumb, the heading as listing pages set it,
 * and the body in the article's type (size, line height, tracking), in one
 * column narrow enough to read on a phone and not too wide on a desktop.
 */

type TrustPageFrameProps = {
  page: TrustPage;
  /** The small capitals over the heading, as listings have (ABOUT, PRIVACY POLICY …). */
  eyebrow: string;
  publisher: Publisher;
  siteUrl: string;
  /** The page's own structured data, besides its breadcrumbs. */
  jsonLd?: object;
  /** Policies say when their wording took effect and last changed (制定日・改定日), under the heading. */
  dated?: boolean;
  children: React.ReactNode;
};

export function TrustPageFrame({ page, eyebrow, publisher, siteUrl, jsonLd, dated = false, children }: TrustPageFrameProps) {
  const crumbs = [
    { name: 'ホーム', path: '/' },
    { name: page.name, path: page.path },
  ];
  return (
    <>
      {jsonLd && <JsonLd data={jsonLd} />}
      <JsonLd data={buildBreadcrumbs(crumbs, siteUrl)} />
      <article className="mx-auto max-w-3xl pb-4">
        <Breadcrumb crumbs={crumbs} />
        <header className="mb-6 border-b-2 border-ink pb-3">
          <p className="text-xs font-bold tracking-widest text-brand">{eyebrow}</p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{page.name}</h1>
          {dated && (
            <p className="mt-2 text-sm text-muted">
              {formatJstDate(page.enacted)} 制定{page.revised && `(${formatJstDate(page.revised)} 改定)`}
            </p>
          )}
        </header>
        {publisher.demo && <DemoNote />}
        <div className="text-base leading-[1.9] tracking-[0.02em] text-ink md:text-[1.0625rem]">{children}</div>
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

type TrustSectionProps = { id: string; title: string; children: React.ReactNode };

/** One part of a page, with a heading other pages can link to (`/privacy#newsletter`). */
export function TrustSection({ id, title, children }: TrustSectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20">
      <h2 id={`${id}-heading`} className="mt-10 mb-4 border-l-4 border-ink pl-3 text-lg leading-snug font-bold md:text-xl">
        {title}
      </h2>
      <div className="space-y-4">{children}</div>
    </section>
  );
}

/** A bulleted list in the body's type. */
export function TrustList({ children, ordered = false }: { children: React.ReactNode; ordered?: boolean }) {
  const className = `space-y-2 pl-6 ${ordered ? 'list-decimal' : 'list-disc'}`;
  return ordered ? <ol className={className}>{children}</ol> : <ul className={className}>{children}</ul>;
}

export type DetailRow = { term: string; detail: React.ReactNode };

/**
 * A table of facts (会社概要's outline, the privacy policy's operator): on a
 * phone each term sits over its detail; from `sm` up they stand side by side.
 */
export function DetailList({ rows, label }: { rows: readonly DetailRow[]; label?: string }) {
  return (
    <dl aria-label={label} className="divide-y divide-rule border-y border-rule">
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

/** A link to another page of the site, in the body's link style. */
export function TextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-brand underline underline-offset-4 hover:text-brand-dark">
      {children}
    </Link>
  );
}
