import { describe, expect, it } from 'vitest';
import type { Article } from '../content/types';
import type { LiveStream } from '../live/types';
import { parseBody } from '../text/markdown';
import { testArticle } from '../../test/support/articles';
import { buildLiveBlogPosting } from './json-ld';

const SITE = 'https://kiji.example';

const article: Article = testArticle({
  id: 'tyfnpage',
  headline: '台風上陸 ライブ',
  section: { slug: 'national', name: '社会' },
  publishedAt: '2026-12-05T04:00:00.000Z',
  body: '台風の接近に伴う情報を随時お伝えします。',
  kind: 'live',
});

const posts = Array.from({ length: 12 }, (_, i) => ({
  id: `post${'abcdefghjkmn'[i]}xyz`,
  postedAt: new Date(Date.parse('2026-12-05T05:00:00.000Z') + (11 - i) * 60_000).toISOString(),
  timeLabel: '',
  headline: i === 0 ? '上陸' : null,
  blocks: parseBody(`第${12 - i}報です。`),
  author: '記者 花子',
  pinned: false,
  editedAt: null,
}));

describe('LiveBlogPosting JSON-LD', () => {
  const stream: LiveStream = { articleId: article.id, startedAt: '2026-12-05T05:00:00.000Z', endedAt: null, posts, changedAt: null };
  it('gives coverage times, the ten newest posts with their own URLs, and dateModified at the newest post', () => {
    const data = buildLiveBlogPosting(article, stream, SITE) as unknown as Record<string, unknown> & { liveBlogUpdate: Record<string, unknown>[] };
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe('2026-12-05T14:00:00+09:00');
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(data.dateModified).toBe('2026-12-05T14:11:00+09:00');
    expect(data.liveBlogUpdate).toHaveLength(10);
    expect(data.liveBlogUpdate[0]).toMatchObject({ '@type': 'BlogPosting', headline: '上陸', articleBody: '第12報です。', url: `${SITE}/articles/tyfnpage#post-${posts[0]!.id}` });
    expect(data.headline).toBe('台風上陸 ライブ');
  });
  it('an edit moves dateModified; ending the coverage moves it to the end', () => {
    const edited = [{ ...posts[5]!, editedAt: '2026-12-05T06:00:00.000Z' }, ...posts.slice(6)];
    const running = buildLiveBlogPosting(article, { ...stream, posts: edited }, SITE) as unknown as Record<string, unknown>;
    expect(running.dateModified).toBe('2026-12-05T15:00:00+09:00');
    const data = buildLiveBlogPosting(article, { ...stream, posts: edited, endedAt: '2026-12-05T09:00:00.000Z' }, SITE) as unknown as Record<string, unknown>;
    expect(data.coverageEndTime).toBe('2026-12-05T18:00:00+09:00');
    // The page changed then (「このライブ配信は終了しました」), as the sitemap's lastmod says too.
    expect(data.dateModified).toBe('2026-12-05T18:00:00+09:00');
  });
  it('never dates the page before its own update, even with no posts', () => {
    const data = buildLiveBlogPosting({ ...article, updatedAt: '2026-12-05T07:00:00.000Z' }, { ...stream, posts: [] }, SITE) as unknown as Record<string, unknown>;
    expect(data.dateModified).toBe('2026-12-05T16:00:00+09:00');
  });
});
