import type { NewsroomContext } from '../../lib/newsroom/context';

/**
 * A newsroom context for suites that stop before the database: its `db` is a
 * trap that throws when touched, so a test also proves a refused request
 * never reached a query. Use as `vi.mock('./context', () => import('../../test/support/newsroom-context'))` beside lib/newsroom.
 * Tests only.
 */

export const TEST_SITE = 'https://kiji.example';

export async function getNewsroomContext(): Promise<NewsroomContext> {
  return {
    db: new Proxy({} as NewsroomContext['db'], {
      get: () => {
        throw new Error('the database was reached');
      },
    }),
    secret: 'a-test-secret-of-at-least-thirty-two-characters',
    settings: { secret: undefined, trustedProxyHops: 0, secureCookies: true, publicDeployment: true, internalUrl: TEST_SITE },
    siteUrl: TEST_SITE,
  };
}
