'use client';
// Client: the 管理者's forms post JSON, keep what was typed when the server refuses it, and show the refusal in place.

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/newsroom/roles';

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';

async function post(path: string, csrfToken: string, body: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, error: '通信に失敗しました。接続を確かめてもう一度お試しください。' };
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: answer.error ?? `処理できませんでした(${response.status})。` };
}

type RoleFormProps = { accountId: string; name: string; role: Role; csrfToken: string };

/** One account's role, changed with its own button so a slip of the select changes nothing. */
export function RoleForm({ accountId, name, role, csrfToken }: RoleFormProps) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Role>(role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const answer = await post(`/api/newsroom/accounts/${accountId}/role`, csrfToken, { role: chosen });
        setBusy(false);
        if (!answer.ok) {
          setError(answer.error);
          return;
        }
        setError(null);
        router.refresh();
      }}
    >
      <select
        aria-label={`${name}の役割`}
        value={chosen}
        onChange={(e) => setChosen(e.target.value as Role)}
        className="rounded border border-rule bg-white px-2 py-1.5 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || chosen === role} className="rounded border border-ink px-3 py-1 text-sm disabled:opacity-50">
        変更
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-brand-dark">
          {error}
        </p>
      )}
    </form>
  );
}

type NewAccountFormProps = { csrfToken: string };

/** A new account: login, display name, initial password (the person changes it later) and role. */
export function NewAccountForm({ csrfToken }: NewAccountFormProps) {
  const router = useRouter();
  const id = useId();
  const [fields, setFields] = useState({ login: '', name: '', password: '', role: 'reporter' as Role });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded border border-rule bg-white p-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setDone(null);
        const answer = await post('/api/newsroom/accounts', csrfToken, fields);
        setBusy(false);
        if (!answer.ok) {
          setError(answer.error);
          return;
        }
        setError(null);
        setDone(`「${fields.name.trim()}」(${fields.login.trim().toLowerCase()})を${ROLE_LABELS[fields.role]}として作成しました。`);
        setFields({ login: '', name: '', password: '', role: 'reporter' });
        router.refresh();
      }}
    >
      <h2 id={`${id}-title`} className="font-bold">
        アカウントを作成
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-semibold">ユーザー名</span>
          <input value={fields.login} onChange={set('login')} required autoComplete="off" maxLength={32} className={inputClass} aria-describedby={`${id}-login-hint`} />
          <span id={`${id}-login-hint`} className="text-xs text-muted">
            半角英小文字・数字・「.」「_」「-」で2〜32文字
          </span>
        </label>
        <label className="block text-sm">
          <span className="font-semibold">表示名</span>
          <input value={fields.name} onChange={set('name')} required maxLength={60} className={inputClass} />
        </label>
        <label className="block text-sm">
          <span className="font-semibold">初期パスワード</span>
          <input type="password" value={fields.password} onChange={set('password')} required autoComplete="new-password" className={inputClass} aria-describedby={`${id}-password-hint`} />
          <span id={`${id}-password-hint`} className="text-xs text-muted">
            12文字以上。本人に安全な方法で伝えてください。
          </span>
        </label>
        <label className="block text-sm">
          <span className="font-semibold">役割</span>
          <select value={fields.role} onChange={set('role')} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="text-sm">
          {done}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-ink px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
        作成する
      </button>
    </form>
  );
}

type ResetTwoFactorProps = { accountId: string; name: string; csrfToken: string };

/** Turns an account's two-factor sign-in off (a lost phone), after asking: its owner then signs in with the password alone. */
export function ResetTwoFactorButton({ accountId, name, csrfToken }: ResetTwoFactorProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        className="rounded border border-ink px-2 py-0.5 text-xs disabled:opacity-50"
        aria-label={`${name}の二段階認証を解除`}
        onClick={async () => {
          if (!window.confirm(`${name}の二段階認証を解除します。本人はパスワードだけでサインインできるようになります。よろしいですか?`)) return;
          setBusy(true);
          const answer = await post(`/api/newsroom/accounts/${accountId}/two-factor`, csrfToken, {});
          setBusy(false);
          if (!answer.ok) return setError(answer.error);
          setError(null);
          router.refresh();
        }}
      >
        解除
      </button>
      {error && (
        <p role="alert" className="text-sm text-brand-dark">
          {error}
        </p>
      )}
    </div>
  );
}

type TwoFactorPolicyProps = { required: boolean; csrfToken: string };

/** Whether デスク and 管理者 must use two-factor sign-in, changed with its own button. */
export function TwoFactorPolicyForm({ required, csrfToken }: TwoFactorPolicyProps) {
  const router = useRouter();
  const [chosen, setChosen] = useState(required);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-2 rounded border border-rule bg-white p-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const answer = await post('/api/newsroom/accounts/two-factor-policy', csrfToken, { required: chosen });
        setBusy(false);
        if (!answer.ok) return setError(answer.error);
        setError(null);
        router.refresh();
      }}
    >
      <h2 className="font-bold">二段階認証</h2>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={chosen} onChange={(e) => setChosen(e.target.checked)} className="mt-1" />
        <span>
          公開できる役割(デスク・管理者)に二段階認証を必須にする
          <span className="block text-xs text-muted">
            有効にすると、二段階認証を設定していないデスク・管理者は、サインイン後に設定を終えるまでほかの操作ができません。
          </span>
        </span>
      </label>
      {error && (
        <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || chosen === required} className="rounded border border-ink px-3 py-1 text-sm disabled:opacity-50">
        保存
      </button>
    </form>
  );
}
