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

type TokenButtonProps = { action: string; token: string; label: string; variant?: 'brand' | 'ink' };

/**
 * The one button of a page a mail link opens: a plain form that POSTs the
 * link's token. Only the POST acts (link scanners GET), and it works
 * without JavaScript.
 */
export function TokenButton({ action, token, label, variant = 'brand' }: TokenButtonProps) {
  const colours = variant === 'brand' ? 'bg-brand-fill hover:bg-brand-fill-dark' : 'bg-chrome hover:bg-black';
  return (
    <form action={action} method="post">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={`min-h-11 px-6 py-2.5 font-bold text-white ${colours}`}>
        {label}
      </button>
    </form>
  );
}
