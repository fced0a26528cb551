import { formatDateline, toJstIso } from '@/lib/time/jst';

type DatelineProps = { date: string; prefix?: string; className?: string };

/** A time in Japan time, machine-readable with its +09:00 offset: `2024年6月19日(水)20時38分`. */
export function Dateline({ date, prefix, className }: DatelineProps) {
  return (
    <span className={className}>
      {prefix}
      <time dateTime={toJstIso(date)}>{formatDateline(date)}</time>
    </span>
  );
}
