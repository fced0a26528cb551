import { getJstDateParts } from '../time/jst';

/**
 * `<input type="datetime-local">` speaks the browser's local time, but the
 * newsroom schedules in Japan time wherever the editor's laptop is set:
 * these convert between an instant and the input's `YYYY-MM-DDTHH:mm`, read
 * as JST.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a JST datetime-local input. */
export function toJstInputValue(date: Date | string): string {
  const p = getJstDateParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A JST datetime-local value as an ISO instant; null when it is not one. */
export function fromJstInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+09:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
