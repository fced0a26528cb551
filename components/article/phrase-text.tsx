import { Fragment } from 'react';
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
  const phrases = splitPhrases(text);
  return (
    <span className={className ? `break-keep [overflow-wrap:anywhere] ${className}` : 'break-keep [overflow-wrap:anywhere]'}>
      {phrases.map((phrase, i) => (
        // Phrases can repeat within a headline, so the index is the only stable key.
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {phrase}
        </Fragment>
      ))}
    </span>
  );
}
