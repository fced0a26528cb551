import type { EditionDelivery } from '@/lib/newsletter/edition-rules';

type EditionDeliveryProps = { delivery: EditionDelivery; recipients: number | null };

/** How a sent edition's mail is doing, from the outbox, in words: 配信済み, 送信待ち, 失敗, 取り消し. */
export function EditionDeliveryCounts({ delivery, recipients }: EditionDeliveryProps) {
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="edition-delivery">
      <div className="flex gap-1">
        <dt>宛先</dt>
        <dd className="font-bold tabular-nums">{recipients ?? 0}人</dd>
      </div>
      <div className="flex gap-1">
        <dt>配信済み</dt>
        <dd className="font-bold tabular-nums" data-testid="delivery-sent">
          {delivery.sent}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt>送信待ち</dt>
        <dd className="font-bold tabular-nums" data-testid="delivery-pending">
          {delivery.pending}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt>失敗</dt>
        <dd className={`font-bold tabular-nums ${delivery.failed > 0 ? 'text-brand-dark' : ''}`} data-testid="delivery-failed">
          {delivery.failed}
        </dd>
      </div>
      {delivery.cancelled > 0 && (
        <div className="flex gap-1" title="送信前に配信停止した購読者の分">
          <dt>取り消し(配信停止)</dt>
          <dd className="font-bold tabular-nums">{delivery.cancelled}</dd>
        </div>
      )}
    </dl>
  );
}
