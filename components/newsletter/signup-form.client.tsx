'use client';
// Runs in the browser: sends the signup without leaving the page and shows the answer where the reader is looking.

import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';

type SignupFormProps = {
  /** Where the form sits, recorded with the consent. */
  placement: 'sidebar' | 'article' | 'page';
  consentVersion: string;
  consentText: string;
  /** The endpoint; the plain HTML form posts there too when JavaScript is off. */
  action: string;
  compact?: boolean;
};

type Answer = { ok: boolean; message: string; field?: string };

async function postSignup(fields: Record<string, string>, action: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(fields) });
  } catch {
    return { ok: false, message: '通信できませんでした。接続を確かめて、もう一度お試しください。' };
  }
  const answer = (await response.json().catch(() => null)) as Answer | null;
  return answer ?? { ok: false, message: `送信できませんでした(${response.status})。時間をおいて、もう一度お試しください。` };
}

/**
 * The newsletter signup form. A plain HTML form that works without
 * JavaScript (it posts to the endpoint and lands on a result page); with
 * JavaScript, React Query's useMutation sends it as JSON and the answer
 * appears under the field.
 */
export function SignupForm({ placement, consentVersion, consentText, action, compact = false }: SignupFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const signup = useMutation({
    mutationFn: (fields: Record<string, string>) => postSignup(fields, action),
    onSuccess: (answer) => {
      if (answer.ok) form.current?.reset();
    },
  });
  const answer = signup.data;
  const emailError = answer?.ok === false && answer.field === 'email';

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signup.isPending) return;
    const data = new FormData(event.currentTarget);
    signup.mutate(Object.fromEntries([...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')));
  };

  return (
    // noValidate: the server checks and normalises (full-width input included) and answers in Japanese.
    <form ref={form} action={action} method="post" noValidate onSubmit={onSubmit} aria-busy={signup.isPending} className="relative space-y-3">
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
            className="min-h-11 w-full min-w-0 flex-1 border border-muted/60 bg-white px-3 py-2 text-base aria-invalid:border-brand"
          />
          <button
            type="submit"
            aria-disabled={signup.isPending}
            className={`min-h-11 shrink-0 bg-brand px-5 py-2 font-bold text-white hover:bg-brand-dark aria-disabled:opacity-70 ${compact ? 'w-full' : ''}`}
          >
            {signup.isPending ? '送信中…' : '登録する'}
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
    </form>
  );
}
