import { describeCount } from '@/lib/newsroom/counts';

type CharCountProps = {
  /** For the field's aria-describedby: a screen reader hears the count with the field, not on every keystroke. */
  id: string;
  /** Names the count for tests: `count-headline`. */
  field: string;
  count: number;
  /** The house limit shown beside the count; null = count only. */
  limit: number | null;
};

/**
 * A field's live 字数 under it, with the house limit. Over the limit it says
 * so in words as well as colour; its line is always there at one height, so
 * typing never moves the form below it.
 */
export function CharCount({ id, field, count, limit }: CharCountProps) {
  const { over, text } = describeCount(count, limit);
  return (
    <p
      id={id}
      data-testid={`count-${field}`}
      data-over={over ? 'true' : undefined}
      className={`mt-1 h-5 text-right text-xs leading-5 whitespace-nowrap tabular-nums ${over ? 'font-bold text-brand-dark' : 'text-muted'}`}
    >
      {over && <span aria-hidden="true">⚠ </span>}
      {text}
    </p>
  );
}
