'use client';
// Runs in the browser: sends the signup without leaving the page and shows the answer where the reader is looking.

import { useEffect, useId, useRef, useState } from 'react';
import { useOnDemand } from '@/components/query/use-on-demand';
import type { SignupAnswer, SignupRequest } from './signup-sender.client';

type SignupFormProps = {
  /** Where the form sits, recorded with the consent. */
  placement: 'sidebar' | 'article' | 'page';
  consentVersion: string;
  consentText: string;
  /** The endpoint; the plain HTML form posts there too when JavaScript is off. */
  action: string;
  compact?: boolean;
};

const UNREACHABLE: SignupAnswer = { ok: false, message: '通信できませんでした。接続を確かめて、もう一度お試しください。' };

/**
 * The newsletter signup form. A plain HTML form that works without
 * JavaScript (it posts to the endpoint and lands on a result page); with
 * JavaScript, React Query's useMutation (in the sender, loaded when the
 * reader first focuses the form) sends it as JSON and the answer appears
 * under the field.
 */
export function SignupForm({ placement, consentVersion, consentText, action, compact = false }: SignupFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const sender = useOnDemand(() => import('./signup-sender.client'));
  const SignupSender = sender.loaded;
  const [request, setRequest] = useState<SignupRequest | null>(null);
  const [sent, setSent] = useState<{ pending: boolean; answer: SignupAnswer | undefined }>({ pending: false, answer: undefined });
  const { pending, answer } = sent;
  const emailError = answer?.ok === false && answer.field === 'email';

  // A signup that went through empties the form for the next reader of this screen.
  useEffect(() => {
    if (answer?.ok) form.current?.reset();
  }, [answer]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const fields = Object.fromEntries([...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    setSent((previous) => ({ ...previous, pending: true }));
    setRequest((previous) => ({ seq: (previous?.seq ?? 0) + 1, fields }));
    sender.load().catch(() => setSent({ pending: false, answer: UNREACHABLE }));
  };
  const warmUp = () => void sender.load().catch(() => undefined);

  return (
    // noValidate: the server checks and normalises (full-width input included) and answers in Japanese.
    <form ref={form} action={action} method="post" noValidate onSubmit={onSubmit} onFocus={warmUp} onPointerDown={warmUp} aria-busy={pending} className="relative space-y-3">
      <input type="hidden" name="placement" value={placement} />
      <input type="hidden" name="consent" value={consentVersion} />
      {/* The honeypot: people never see it, form-filling bots do. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          ウェブサイト(入力しないでください)
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="mb-1 block text-sm font-semibold">
          メールアドレス
        </label>
        <div className={compact ? 'space-y-2' : 'flex flex-col gap-2 sm:flex-row'}>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            enterKeyHint="send"
            maxLength={320}
            placeholder="name@example.jp"
            aria-invalid={emailError || undefined}
            aria-describedby={`${id}-consent ${id}-answer`}
            className="min-h-11 w-full min-w-0 flex-1 border border-muted/60 bg-surface px-3 py-2 text-base aria-invalid:border-brand"
          />
          <button
            type="submit"
            aria-disabled={pending}
            className={`min-h-11 shrink-0 bg-brand-fill px-5 py-2 font-bold text-white hover:bg-brand-fill-dark aria-disabled:opacity-70 ${compact ? 'w-full' : ''}`}
          >
            {pending ? '送信中…' : '登録する'}
          </button>
        </div>
      </div>
      <p id={`${id}-consent`} className="text-xs leading-relaxed text-muted">
        {consentText}
      </p>
      {/* Both live regions exist from the start, so screen readers announce what appears in them. */}
      <div id={`${id}-answer`} data-testid="newsletter-answer">
        <p role="status" className="text-sm leading-relaxed">
          {answer?.ok && <span className="block border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">{answer.message}</span>}
        </p>
        <p role="alert" className="text-sm leading-relaxed font-semibold text-brand">
          {answer && !answer.ok && answer.message}
        </p>
      </div>
      {SignupSender && <SignupSender action={action} request={request} onChange={setSent} />}
    </form>
  );
}
