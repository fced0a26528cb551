import type { SignedIn } from '../../lib/newsroom/auth';
import type { NewsroomContext } from '../../lib/newsroom/context';
import type { Editor } from '../../lib/newsroom/editors';

/**
 * The newsroom's context and guard for suites beside lib/newsroom, which
 * state only what differs: the database, and who the guard lets through.
 * Tests only.
 *
 * A suite that stops before the database:
 *   vi.mock('./context', () => import('../../test/support/newsroom-context'));
 * its `db` is a trap that throws when touched, so a test also proves a
 * refused request never reached a query. A suite on a real database:
 *   vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
 *   vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.refuse ?? state.editor));
 */

export const TEST_SITE = 'https://kiji.example';
/** The context's secret: what a suite signs a sign-in or CSRF token with. */
export const TEST_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

function toContext(db: NewsroomContext['db']): NewsroomContext {
  return {
    db,
    secret: TEST_SECRET,
    settings: { secret: undefined, trustedProxyHops: 0, secureCookies: true, publicDeployment: true, internalUrl: TEST_SITE },
    siteUrl: TEST_SITE,
  };
}

export async function getNewsroomContext(): Promise<NewsroomContext> {
  return toContext(
    new Proxy({} as NewsroomContext['db'], {
      get: () => {
        throw new Error('the database was reached');
      },
    }),
  );
}

/** lib/newsroom/context.ts on the suite's own database: `open` runs at every request, so the suite may open it in beforeAll, or count the requests that got this far. */
export function fakeNewsroomContext(open: () => NewsroomContext['db']) {
  return { getNewsroomContext: async (): Promise<NewsroomContext> => toContext(open()) };
}

/**
 * lib/newsroom/auth.ts as a route handler meets it: guardMutation answers
 * what `decide` returns at each request, a refusal (a Response) or who is
 * signed in, either an editor (session `s1`, CSRF token `t`) or a whole
 * session. Its checks themselves are tested in auth.test.ts, and route by
 * route in e2e/newsroom-access.spec.ts.
 */
export function fakeNewsroomGuard(decide: () => Response | Editor | Pick<SignedIn, 'editor' | 'sessionId' | 'csrfToken'>) {
  return {
    guardMutation: async (): Promise<SignedIn | Response> => {
      const answer = decide();
      if (answer instanceof Response) return answer;
      const session = 'editor' in answer ? answer : { editor: answer, sessionId: 's1', csrfToken: 't' };
      return { twoFactorOn: false, twoFactorDue: false, ...session };
    },
  };
}
