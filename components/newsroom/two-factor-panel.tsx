import type { TwoFactorSetup } from '@/lib/newsroom/two-factor';
import { formatDateline } from '@/lib/time/jst';
import { QrCode } from './qr-code';
import { ConfirmTwoFactorForm, DisableTwoFactorForm, StartTwoFactorButton } from './two-factor-forms.client';

type TwoFactorPanelProps = { setup: TwoFactorSetup; csrfToken: string };

/** An editor's own two-factor sign-in (ADR 0043): off, being set up (QR code, key, code), or on. */
export function TwoFactorPanel({ setup, csrfToken }: TwoFactorPanelProps) {
  return (
    <section aria-labelledby="two-factor-title" className="space-y-4 rounded border border-rule bg-white p-4" data-testid="two-factor">
      <h2 id="two-factor-title" className="text-lg font-bold">
        二段階認証
      </h2>
      <p className="text-sm">
        サインインのとき、パスワードに加えて、スマートフォンの認証アプリ(Google Authenticator、Microsoft Authenticator、1Password など)に表示される6桁の確認コードを入力します。パスワードが漏れても、スマートフォンがなければサインインできません。
      </p>
      {setup.on ? <On setup={setup} csrfToken={csrfToken} /> : setup.pending ? <Enrolling pending={setup.pending} csrfToken={csrfToken} /> : <StartTwoFactorButton csrfToken={csrfToken} />}
    </section>
  );
}

function On({ setup, csrfToken }: TwoFactorPanelProps) {
  return (
    <>
      <p className="font-bold" data-testid="two-factor-status">
        有効{setup.enabledAt && <span className="ml-2 font-normal text-muted">({formatDateline(setup.enabledAt)}から)</span>}
      </p>
      <p className="text-sm">
        未使用の回復コード:{setup.recoveryCodesLeft}個
        {setup.recoveryCodesLeft <= 2 && '。残りが少なくなっています。一度無効にしてから設定し直すと、新しい回復コードが発行されます。'}
      </p>
      {setup.required ? (
        <p className="rounded border border-rule px-3 py-2 text-sm">
          管理者の設定により、この役割では二段階認証が必須のため無効にできません。スマートフォンをなくして回復コードもないときは、管理者に解除を依頼してください。
        </p>
      ) : (
        <DisableTwoFactorForm csrfToken={csrfToken} />
      )}
    </>
  );
}

function Enrolling({ pending, csrfToken }: { pending: NonNullable<TwoFactorSetup['pending']>; csrfToken: string }) {
  return (
    <ol className="space-y-5">
      <li className="space-y-2">
        <p className="font-semibold">1. 認証アプリでQRコードを読み取ります</p>
        <QrCode drawing={pending.qr} label="二段階認証の設定用QRコード" />
        <p className="text-sm">読み取れないときは、アプリで「キーを入力」を選び、次のキーを入力してください(種類は「時間ベース」)。</p>
        <p>
          <code className="inline-block rounded bg-paper px-2 py-1 font-mono text-base break-words" data-testid="totp-secret">
            {pending.secret}
          </code>
        </p>
      </li>
      <li className="space-y-2">
        <p className="font-semibold">2. アプリに表示された6桁の確認コードを入力します</p>
        <ConfirmTwoFactorForm csrfToken={csrfToken} />
      </li>
      <li>
        <StartTwoFactorButton csrfToken={csrfToken} again />
      </li>
    </ol>
  );
}
