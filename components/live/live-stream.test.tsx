import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LivePost, LiveStream } from '@/lib/live/types';
import { LiveStreamView } from './live-stream';

const post = (id: string, over: Partial<LivePost> = {}): LivePost => ({
  id,
  postedAt: '2026-12-05T05:32:00.000Z',
  timeLabel: '14:32',
  headline: null,
  blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: `本文 ${id}` }] }],
  author: '記者 花子',
  pinned: false,
  editedAt: null,
  ...over,
});

const stream = (over: Partial<LiveStream> = {}): LiveStream => ({
  articleId: 'tyfnpage',
  startedAt: '2026-12-05T05:00:00.000Z',
  changedAt: null,
  endedAt: null,
  posts: [post('bbbbbbbb', { headline: '上陸', pinned: true, editedAt: '2026-12-05T05:40:00.000Z' }), post('aaaaaaaa', { timeLabel: '14:05' })],
  ...over,
});

describe('LiveStreamView', () => {
  it('shows LIVE while coverage runs, the 要点, then every post newest first with its own anchor, time, author and 修正', () => {
    const html = renderToStaticMarkup(<LiveStreamView stream={stream()} />);
    expect(html).toContain('>LIVE<');
    expect(html).not.toContain('このライブ配信は終了しました');
    expect(html.indexOf('要点')).toBeLessThan(html.indexOf('id="post-bbbbbbbb"'));
    expect(html.indexOf('id="post-bbbbbbbb"')).toBeLessThan(html.indexOf('id="post-aaaaaaaa"'));
    // Each post once with its anchor: the 要点 copy links to it but does not repeat the id.
    expect(html.match(/id="post-bbbbbbbb"/g)).toHaveLength(1);
    expect(html).toContain('href="#post-aaaaaaaa"');
    expect(html).toContain('<time dateTime="2026-12-05T14:32:00+09:00">14:32</time>');
    expect(html).toContain('<h3 class="mt-1 text-lg font-bold leading-snug">上陸</h3>');
    expect(html.match(/>修正</g)).toHaveLength(2);
    // The article's own body is the one `article-body` on the page; posts carry their own test id.
    expect(html).not.toContain('data-testid="article-body"');
    expect(html).toContain('data-testid="live-post-body"');
    expect(html).toContain('記者 花子');
  });

  it('says the coverage has ended once the desk ended it, and polls no more', () => {
    const html = renderToStaticMarkup(<LiveStreamView stream={stream({ endedAt: '2026-12-05T09:00:00.000Z' })} />);
    expect(html).toContain('このライブ配信は終了しました');
    expect(html).not.toContain('>LIVE<');
  });

  it('escapes what editors typed: a post is text, never HTML', () => {
    const html = renderToStaticMarkup(<LiveStreamView stream={stream({ posts: [post('cccccccc', { headline: '<img src=x onerror=alert(1)>' })] })} />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
