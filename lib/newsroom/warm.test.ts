import { describe, expect, it } from 'vitest';
import { toWarmPaths } from './warm';

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
  it('asks for nothing when nothing public changed', () => {
    expect(toWarmPaths([])).toEqual([]);
  });
});
