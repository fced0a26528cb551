import type { EditorAccount } from '@/lib/newsroom/editors';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/newsroom/roles';
import { formatDateline } from '@/lib/time/jst';
import { NewAccountForm, ResetTwoFactorButton, RoleForm, TwoFactorPolicyForm } from './account-forms.client';

type AccountListProps = { accounts: EditorAccount[]; me: string; csrfToken: string; twoFactorRequired: boolean };

/** The 管理者's page: what each role may do, every account with its role and two-factor sign-in, the two-factor requirement, and a new account. */
export function AccountList({ accounts, me, csrfToken, twoFactorRequired }: AccountListProps) {
  return (
    <div className="space-y-6">
      <dl className="grid gap-2 rounded border border-rule bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        {ROLES.map((r) => (
          <div key={r} className="contents">
            <dt className="font-bold">{ROLE_LABELS[r]}</dt>
            <dd>{ROLE_DESCRIPTIONS[r]}</dd>
          </div>
        ))}
      </dl>
      {/* At phone width the creation date gives way, and what is left scrolls inside its box, not the page. */}
      <div className="overflow-x-auto">
        <table className="w-full rounded border border-rule bg-white text-sm" data-testid="accounts">
          <caption className="sr-only">アカウントと役割</caption>
          <thead>
            <tr className="border-b border-rule text-left">
              <th scope="col" className="px-3 py-2">
                表示名
              </th>
              <th scope="col" className="px-3 py-2">
                ユーザー名
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                作成
              </th>
              <th scope="col" className="px-3 py-2">
                役割
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2">
                二段階認証
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-b border-rule last:border-0" data-login={a.login}>
                <td className="px-3 py-2">
                  {a.name}
                  {a.id === me && <span className="ml-1 text-muted">(自分)</span>}
                </td>
                <td className="px-3 py-2 font-mono">{a.login}</td>
                <td className="hidden px-3 py-2 text-muted sm:table-cell">{formatDateline(a.createdAt)}</td>
                <td className="px-3 py-2">
                  <RoleForm accountId={a.id} name={a.name} role={a.role} csrfToken={csrfToken} />
                </td>
                <td className="px-3 py-2" data-testid="two-factor-cell">
                  {a.twoFactorOn ? (
                    <div className="flex flex-wrap items-center gap-2">
                      <span>有効</span>
                      {a.id !== me && <ResetTwoFactorButton accountId={a.id} name={a.name} csrfToken={csrfToken} />}
                    </div>
                  ) : (
                    <span className="text-muted">未設定</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TwoFactorPolicyForm required={twoFactorRequired} csrfToken={csrfToken} />
      <NewAccountForm csrfToken={csrfToken} />
    </div>
  );
}
