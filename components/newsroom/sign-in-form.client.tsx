'use client';
// Client: posts the credentials with fetch so a refusal (401/429) shows its message in place, with the status intact, and asks for the 確認コード when the account has two-factor sign-in.

import { useState } from 'react';

type SignInFormProps = { token: string; next: string };

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';

type Answer = { redirect?: string; error?: string; codeRequired?: boolean; restart?: boolean };

async function post(path: string, body: unknown): Promise<{ ok: boolean; answer: Answer } | null> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: response.ok, answer: (await response.json().catch(() => ({}))) as Answer };
  } catch {
    return null;
  }
}

const OFFLINE = '通信に失敗しました。接続を確かめてもう一度お試しください。';

export function SignInForm({ token, next }: SignInFormProps) {
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onPassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await post('/api/newsroom/sign-in', { login: form.get('login'), password: form.get('password'), token, next });
    if (result?.ok && result.answer.redirect) return window.location.assign(result.answer.redirect);
    setBusy(false);
    if (result?.ok && result.answer.codeRequired) return setStep('code');
    setError(result ? (result.answer.error ?? 'サインインできませんでした。もう一度お試しください。') : OFFLINE);
  }

  async function onCode(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await post('/api/newsroom/sign-in/code', { code: form.get('code'), token, next });
    if (result?.ok && result.answer.redirect) return window.location.assign(result.answer.redirect);
    setBusy(false);
    if (result?.answer.restart) setStep('password');
    setError(result ? (result.answer.error ?? 'サインインできませんでした。もう一度お試しください。') : OFFLINE);
  }

  const alert = error && (
    <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
      {error}
    </p>
  );

  if (step === 'code') {
    return (
      // Keyed apart: React would otherwise reuse the password box as the code box, password and all.
      <form key="code" onSubmit={onCode} className="mt-6 space-y-4" noValidate>
        <p className="text-sm">このアカウントは二段階認証を使っています。</p>
        <label className="block">
          <span className="text-sm font-semibold">確認コード</span>
          <input
            name="code"
            required
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={32}
            aria-describedby="code-hint"
            className={`${inputClass} font-mono text-lg tracking-widest`}
          />
          <span id="code-hint" className="mt-1 block text-xs text-muted">
            認証アプリに表示されている6桁の数字を入力してください。スマートフォンが手元にないときは、回復コード(例: abcde-23456)も使えます。
          </span>
        </label>
        {alert}
        <button type="submit" disabled={busy} className="w-full rounded bg-ink px-4 py-2.5 font-bold text-white disabled:opacity-60">
          {busy ? '確認中…' : '確認してサインイン'}
        </button>
        <button
          type="button"
          className="w-full text-sm underline"
          onClick={() => {
            setError(null);
            setStep('password');
          }}
        >
          ユーザー名とパスワードの入力に戻る
        </button>
      </form>
    );
  }

  return (
    <form key="password" onSubmit={onPassword} className="mt-6 space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-semibold">ユーザー名</span>
        <input name="login" autoComplete="username" required className={inputClass} />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">パスワード</span>
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      {alert}
      <button type="submit" disabled={busy} className="w-full rounded bg-ink px-4 py-2.5 font-bold text-white disabled:opacity-60">
        {busy ? 'サインイン中…' : 'サインイン'}
      </button>
    </form>
  );
}
