import { describe, expect, it } from 'vitest';
import { formatLivePostTime, toLiveCoverageState, toLivePost } from './shape';

describe('formatLivePostTime', () => {
  const started = '2026-12-05T05:00:00Z'; // 14:00 in Japan
  it('prints the Japan clock time on the day coverage began', () => {
    expect(formatLivePostTime('2026-12-05T05:32:00Z', started)).toBe('14:32');
    expect(formatLivePostTime('2026-12-05T14:59:00Z', started)).toBe('23:59');
  });
  it('adds the date once the stream has crossed midnight in Japan', () => {
    expect(formatLivePostTime('2026-12-05T15:05:00Z', started)).toBe('12/6 00:05');
  });
  it('prints the time alone before coverage has a start', () => {
    expect(formatLivePostTime('2026-12-05T15:05:00Z', null)).toBe('00:05');
  });
});

describe('toLivePost', () => {
  it('parses the house Markdown and drops page breaks, which mean nothing in a post', () => {
    const post = toLivePost(
      { id: 'abcdefgh', posted_at: '2026-12-05T05:32:00Z', headline: '', body: '一段落目\n\n::pagebreak\n\n二段落目', pinned: 1, edited_at: null, author: null },
      null,
    );
    expect(post.headline).toBeNull();
    expect(post.pinned).toBe(true);
    expect(post.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('embeds a pasted video or post as an article body does (ADR 0042)', () => {
    const post = toLivePost(
      { id: 'abcdefgh', posted_at: '2026-12-05T05:32:00Z', headline: '', body: '気象庁の会見\n\nhttps://youtu.be/kiji-demo01?t=65\n\nhttps://x.com/kiji_news/status/17', pinned: 0, edited_at: null, author: null },
      null,
    );
    expect(post.blocks).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', value: '気象庁の会見' }] },
      { type: 'embed', provider: 'youtube', id: 'kiji-demo01', start: 65, url: 'https://www.youtube.com/watch?v=kiji-demo01&t=65s' },
      { type: 'embed', provider: 'x', id: '17', user: 'kiji_news', url: 'https://x.com/kiji_news/status/17' },
    ]);
  });
});

describe('toLiveCoverageState (the newsroom list’s ライブ chip)', () => {
  it('is waiting before the first post, running after it, ended once the desk ends it; nothing for an ordinary article', () => {
    expect(toLiveCoverageState({ kind: 'live', live_started_at: null, live_ended_at: null })).toBe('waiting');
    expect(toLiveCoverageState({ kind: 'live', live_started_at: '2026-12-05T05:00:00Z', live_ended_at: null })).toBe('running');
    expect(toLiveCoverageState({ kind: 'live', live_started_at: '2026-12-05T05:00:00Z', live_ended_at: '2026-12-05T09:00:00Z' })).toBe('ended');
    expect(toLiveCoverageState({ kind: 'article', live_started_at: '2026-12-05T05:00:00Z', live_ended_at: null })).toBeNull();
  });
});
