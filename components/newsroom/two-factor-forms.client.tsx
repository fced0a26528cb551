'use client';
// Client: the set-up posts JSON, shows the recovery codes it gets back once (they are never shown again), and keeps what was typed when refused.

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';
const alertClass = 'rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark';

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

async function post(command: string, csrfToken: string, body: unknown = {}): Promise<Answer> {
  const response = await fetch(`/api/newsroom/two-factor/${command}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, error: '通信に失敗しました。接続を確かめてもう一度お試しください。' };
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, body: answer };
  return { ok: false, error: typeof answer.error === 'string' ? answer.error : `処理できませんでした(${response.status})。` };
}

type StartProps = { csrfToken: string; again?: boolean };

/** Starts the set-up (a new secret, shown by the page), or starts it again with a new one. */
export function StartTwoFactorButton({ csrfToken, again = false }: StartProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={busy}
        className={again ? 'text-sm underline disabled:opacity-50' : 'rounded bg-ink px-4 py-2 text-sm font-bold text-white disabled:opacity-50'}
        onClick={async () => {
          setBusy(true);
          const answer = await post('start', csrfToken);
          setBusy(false);
          if (!answer.ok) return setError(answer.error);
          setError(null);
          router.refresh();
        }}
      >
        {again ? '新しいキーでやり直す' : '設定を始める'}
      </button>
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
    </div>
  );
}

type ConfirmProps = { csrfToken: string };

/**
 * The code the app shows for the new secret. On success the recovery codes
 * are shown here once; the page is refreshed only when the editor says they
 * are kept, so a reload cannot lose them unseen.
 */
export function ConfirmTwoFactorForm({ csrfToken }: ConfirmProps) {
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) {
    return (
      <section aria-labelledby={`${id}-codes`} className="space-y-3 rounded border border-ink bg-white p-4">
        <h3 id={`${id}-codes`} className="font-bold">
          二段階認証を有効にしました。回復コードを保存してください
        </h3>
        <p className="text-sm">
          スマートフォンをなくしたときなど、確認コードの代わりに使えます。それぞれ一度だけ使えます。
          <strong>この画面を閉じると二度と表示されません。</strong>印刷するか、パスワード管理ソフトに保存してください。
        </p>
        <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base sm:grid-cols-2" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className="rounded bg-ink px-4 py-2 text-sm font-bold text-white" onClick={() => router.refresh()}>
            回復コードを保存しました
          </button>
          <Link href="/newsroom" className="text-sm underline">
            記事一覧へ
          </Link>
        </div>
      </section>
    );
  }

  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const answer = await post('confirm', csrfToken, { code });
        setBusy(false);
        if (!answer.ok) return setError(answer.error);
        setError(null);
        setRecoveryCodes(Array.isArray(answer.body.recoveryCodes) ? answer.body.recoveryCodes.map(String) : []);
      }}
    >
      <label className="block text-sm">
        <span className="font-semibold">確認コード(6桁)</span>
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={16}
          className={`${inputClass} max-w-48 font-mono text-lg tracking-widest`}
        />
      </label>
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-ink px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
        {busy ? '確認中…' : '確認して有効にする'}
      </button>
    </form>
  );
}

type DisableProps = { csrfToken: string };

/** Turning it off takes a current code, or the password (the phone may be what was lost). */
export function DisableTwoFactorForm({ csrfToken }: DisableProps) {
  const router = useRouter();
  const [fields, setFields] = useState({ code: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3 rounded border border-rule bg-white p-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const answer = await post('disable', csrfToken, fields);
        setBusy(false);
        if (!answer.ok) return setError(answer.error);
        setError(null);
        setFields({ code: '', password: '' });
        router.refresh();
      }}
    >
      <h3 className="font-bold">二段階認証を無効にする</h3>
      <p className="text-sm">確認コードかパスワードのどちらかを入力してください。</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-semibold">確認コード</span>
          <input
            value={fields.code}
            onChange={(e) => setFields((f) => ({ ...f, code: e.target.value }))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={16}
            className={`${inputClass} font-mono`}
          />
        </label>
        <label className="block text-sm">
          <span className="font-semibold">パスワード</span>
          <input
            type="password"
            value={fields.password}
            onChange={(e) => setFields((f) => ({ ...f, password: e.target.value }))}
            autoComplete="current-password"
            className={inputClass}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded border border-ink px-4 py-2 text-sm disabled:opacity-50">
        無効にする
      </button>
    </form>
  );
}
