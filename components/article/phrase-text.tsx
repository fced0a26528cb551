import { PhraseRun } from '@/components/text/phrase-run';
import { splitPhrases } from '@/lib/text/phrases';

export type PhraseTextProps = {
  text: string;
  className?: string;
};

/**
 * Text that wraps only between phrases (文節), for headlines. The phrases are
 * found on the server, so the browser gets plain `<wbr>` hints and no script;
 * `keep-all` stops breaks elsewhere, and `overflow-wrap: anywhere` still lets
 * an over-long phrase break rather than overflow a phone screen.
 */
export function PhraseText({ text, className }: PhraseTextProps) {
  return (
    <span className={className ? `break-keep [overflow-wrap:anywhere] ${className}` : 'break-keep [overflow-wrap:anywhere]'}>
      <PhraseRun phrases={splitPhrases(text)} />
    </span>
  );
}
