import { describe, expect, it } from 'vitest';
import { CACHE_TAGS } from '../cache/tags';
import { frontCachePaths, toWarmPaths } from './warm';

describe('toWarmPaths', () => {
  it('maps invalidated tags to the first page readers open, article first', () => {
    expect(toWarmPaths(['section:world', 'articles', 'tag:tokyo', 'article:abcdefgh', 'topic:harbor', 'series:chronicle', 'taxonomy'])).toEqual([
      '/articles/abcdefgh',
      '/',
      '/sections/world',
      '/tags/tokyo',
      '/topics/harbor',
      '/series/chronicle',
    ]);
  });
  it('re-renders an author\'s page for an edit of their profile, and leaves the article pages of their byline to their next reader (ADR 0050)', () => {
    expect(toWarmPaths([CACHE_TAGS.author('ito-sayaka'), CACHE_TAGS.byline('ito-sayaka')])).toEqual(['/authors/ito-sayaka']);
    expect(frontCachePaths([CACHE_TAGS.author('ito-sayaka')])).toEqual(['/authors/ito-sayaka']);
  });
  it('re-renders the home page alone for a change of the desk\'s front page', () => {
    expect(toWarmPaths([CACHE_TAGS.frontPage])).toEqual(['/']);
    expect(frontCachePaths([CACHE_TAGS.frontPage])).toEqual(['/']);
  });
  it('re-renders a live page alone for a post on it (its stream\'s tag)', () => {
    expect(toWarmPaths([CACHE_TAGS.live('abcdefgh')])).toEqual(['/articles/abcdefgh']);
    expect(frontCachePaths([CACHE_TAGS.live('abcdefgh')])).toEqual(['/articles/abcdefgh']);
  });
  it('re-renders the home page and the issue list for the magazine, and an issue\'s page and the list for its contents (ADR 0049)', () => {
    expect(toWarmPaths([CACHE_TAGS.magazine, CACHE_TAGS.magazineIssue('2026-12-15')])).toEqual(['/', '/magazine', '/magazine/2026-12-15']);
    expect(toWarmPaths([CACHE_TAGS.magazineIssue('2026-12-15')])).toEqual(['/magazine/2026-12-15', '/magazine']);
    expect(toWarmPaths([CACHE_TAGS.publications])).toEqual(['/', '/publications']);
    expect(frontCachePaths([CACHE_TAGS.magazine]).sort()).toEqual(['/', '/magazine', '/sitemap.xml', '/sitemaps/issues-1.xml', '/sitemaps/pages-1.xml'].sort());
  });

  it('re-renders a fixed page alone for its save, at its own address', () => {
    expect(toWarmPaths([CACHE_TAGS.fixedPage('terms'), CACHE_TAGS.fixedPages])).toEqual(['/terms']);
    expect(frontCachePaths([CACHE_TAGS.fixedPage('terms'), CACHE_TAGS.fixedPages]).sort()).toEqual(['/sitemap.xml', '/sitemaps/pages-1.xml', '/terms']);
  });
  it('asks for nothing when nothing public changed', () => {
    expect(toWarmPaths([])).toEqual([]);
  });
});

describe('frontCachePaths', () => {
  it('names the first page of everything a publish shows, each once: the warmed pages, feeds and sitemaps', () => {
    const paths = frontCachePaths([CACHE_TAGS.articles, CACHE_TAGS.article('abcd2345'), CACHE_TAGS.section('world'), CACHE_TAGS.tag('関税'), CACHE_TAGS.breaking]);
    expect(paths.sort()).toEqual(
      ['/', '/feed.xml', '/sitemap.xml', '/sitemaps/news.xml', '/articles/abcd2345', '/sections/world', '/feeds/world.xml', `/tags/${encodeURIComponent('関税')}`].sort(),
    );
  });

  it('names nothing for a tag no front copy shows by itself', () => {
    expect(frontCachePaths([CACHE_TAGS.taxonomy])).toEqual([]);
  });
});
