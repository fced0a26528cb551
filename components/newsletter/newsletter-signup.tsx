import Link from 'next/link';
import { RailHeading } from '@/components/rails/rail-heading';
import { CONSENT_WORDINGS, CURRENT_CONSENT_VERSION } from '@/lib/newsletter/consent';
import { NEWSLETTER_ENDPOINTS } from '@/lib/newsletter/paths';
import { TRUST_ANCHORS, TRUST_PAGES } from '@/lib/site/pages';
import { SignupForm } from './signup-form.client';

type NewsletterSignupProps = { placement: 'sidebar' | 'article' | 'page' };

/**
 * メールマガジンのご登録: the signup block of the sidebar and of the foot of
 * articles, and the form of /newsletter. Server-rendered with the current consent wording; the form
 * inside is the client leaf.
 */
export function NewsletterSignup({ placement }: NewsletterSignupProps) {
  const form = (
    <>
      <SignupForm
        placement={placement}
        consentVersion={CURRENT_CONSENT_VERSION}
        consentText={CONSENT_WORDINGS[CURRENT_CONSENT_VERSION]}
        action={NEWSLETTER_ENDPOINTS.subscribe}
        compact={placement === 'sidebar'}
      />
      <PrivacyNote />
    </>
  );
  if (placement === 'page') return form;
  if (placement === 'sidebar') {
    return (
      <section data-testid="newsletter-sidebar">
        <RailHeading eyebrow="NEWSLETTER">メールマガジン</RailHeading>
        <p className="mb-3 text-sm leading-relaxed">メールマガジンのご登録はこちらから。最新ニュースと編集部のおすすめを、週に数回お届けします。</p>
        {form}
      </section>
    );
  }
  return (
    <section data-testid="newsletter-article" className="my-10 border-t-4 border-brand bg-paper px-5 py-6 print:hidden">
      <h2 className="text-lg font-bold">ニュースをメールでも</h2>
      <p className="mt-1 mb-4 text-sm leading-relaxed">Kijiのメールマガジンは無料です。最新ニュースと編集部のおすすめを、週に数回お届けします。</p>
      {form}
    </section>
  );
}

/**
 * Where the address goes, under every signup form: 23 characters of 12 px,
 * one line in the narrowest box a form sits in on a 390 px phone (318 px). Outside the form and the
 * consent wording: that wording is recorded with each signup (consent.ts), and
 * a link beside it is not part of what the reader agreed to.
 */
export function PrivacyNote() {
  return (
    <p data-testid="newsletter-privacy-note" className="mt-2 text-xs leading-relaxed text-muted">
      メールアドレスの取り扱い:
      <Link href={`${TRUST_PAGES.privacy.path}#${TRUST_ANCHORS.newsletterPrivacy}`} className="underline underline-offset-2 hover:text-brand">
        プライバシーポリシー
      </Link>
    </p>
  );
}
