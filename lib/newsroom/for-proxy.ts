import 'server-only';
import { decideArticleRouting, type RoutingDecision } from './routing';
import { getFreshRoutingSnapshot } from './routing-cache';

/**
 * The newsroom's door for proxy.ts alone. proxy.ts runs before every article
 * request and is bundled on its own: through index.ts it would carry the
 * whole newsroom (sessions, commands, the markdown pipeline) into that bundle
 * and its start-up, for the one decision it makes.
 */

/** What a reader's request for `pathname` gets instead of the page (410 or 301), if anything; never waits on the database once the snapshot is loaded. */
export async function decideArticleRequest(pathname: string): Promise<RoutingDecision> {
  return decideArticleRouting(pathname, await getFreshRoutingSnapshot());
}

