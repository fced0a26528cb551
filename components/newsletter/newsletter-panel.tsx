import Link from 'next/link';
import { NEWSLETTER_PAGES } from '@/lib/newsletter/paths';

type NewsletterPanelProps = { title: string; children: React.ReactNode; tone?: 'info' | 'done' | 'problem' };

/** The frame of the newsletter's own pages (result, confirmation, unsubscribe): a heading and one message. */
export function NewsletterPanel({ title, children, tone = 'info' }: NewsletterPanelProps) {
  const rule = tone === 'done' ? 'border-green-700' : tone === 'problem' ? 'border-brand' : 'border-ink';
  return (
    <div className="mx-auto max-w-xl py-10">
      <p className="text-sm font-bold tracking-widest text-brand">NEWSLETTER</p>
      <h1 className="mt-1 text-2xl font-bold">{title}</h1>
      <div className={`mt-6 space-y-4 border-l-4 ${rule} pl-4 leading-relaxed`}>{children}</div>
    </div>
  );
}

/** The way back to the signup page, under a result. */
export function BackToNewsletter({ label = 'メールマガジンのページへ' }: { label?: string }) {
  return (
    <p>
      <Link href={NEWSLETTER_PAGES.signup} className="font-semibold text-brand underline underline-offset-4 hover:text-brand-dark">
        {label}
      </Link>
    </p>
  );
}
