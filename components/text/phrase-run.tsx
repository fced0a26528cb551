import { Fragment } from 'react';

/**
 * Phrases (文節) already found on the server, joined with `<wbr>` wrap
 * hints: the half of PhraseText that needs no BudouX model, so a client
 * component (the rails, refreshed in the browser) renders server-split
 * headlines the same way. The parent sets `break-keep` so the browser wraps
 * only at the hints.
 */
export function PhraseRun({ phrases }: { phrases: readonly string[] }) {
  return phrases.map((phrase, i) => (
    // Phrases can repeat within a headline, so the index is the only stable key.
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {phrase}
    </Fragment>
  ));
}
