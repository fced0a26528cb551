/**
 * 「LIVE」 on a running live page's card, rail row or ticker row (ADR 0039):
 * text, not a colour or a dot, so it reads without colour; a screen reader
 * hears 「ライブ配信中」 rather than the English word spelled out. No state
 * and no hooks: the server-rendered rails and the ones refreshed in the
 * browser print the same markup.
 */
export function LiveBadge() {
  return (
    <span data-testid="live-badge" className="inline-block shrink-0 rounded-sm bg-brand-fill px-1 text-[11px] leading-4 font-bold tracking-wide text-white">
      <span aria-hidden="true">LIVE</span>
      <span className="sr-only">ライブ配信中</span>
    </span>
  );
}
