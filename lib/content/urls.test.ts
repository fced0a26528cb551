import { describe, expect, it } from 'vitest';
import { articlePath, articlePreviewPath, decodeSlugSegment, parsePageSegment, sectionPath } from './urls';

describe('parsePageSegment', () => {
  it('treats a bare URL as page 1 and a number from 2 up as that page', () => {
    expect(parsePageSegment(undefined)).toBe(1);
    expect(parsePageSegment([])).toBe(1);
    expect(parsePageSegment(['2'])).toBe(2);
    expect(parsePageSegment(['15'])).toBe(15);
  });

  it('refuses page 1 spelled out, zero-padded, non-numeric and nested segments', () => {
    for (const bad of [['1'], ['0'], ['02'], ['x'], ['2', '3'], ['-1'], ['1e3'], ['9999999']]) {
      expect(parsePageSegment(bad)).toBeNull();
    }
  });
});

describe('paths', () => {
  it('gives page 1 the bare URL so it has one canonical address', () => {
    expect(articlePath('abcd2345')).toBe('/articles/abcd2345');
    expect(articlePath('abcd2345', 2)).toBe('/articles/abcd2345/2');
    expect(sectionPath('world', 1)).toBe('/sections/world');
    expect(sectionPath('world', 3)).toBe('/sections/world/3');
  });
});

describe('decodeSlugSegment', () => {
  it('decodes an encoded Japanese slug and keeps a plain one', () => {
    expect(decodeSlugSegment('%E6%9D%B1%E4%BA%AC')).toBe('東京');
    expect(decodeSlugSegment('tokyo')).toBe('tokyo');
  });

  it('never throws on a segment Next.js has already decoded or that is malformed', () => {
    for (const raw of ['%', '%ff', '100%', 'a%ZZ', '%E3%81']) expect(decodeSlugSegment(raw)).toBe(raw);
  });
});

describe('articlePreviewPath', () => {
  it('puts every page of an article under /preview', () => {
    expect(articlePreviewPath('abcdefgh')).toBe('/preview/articles/abcdefgh');
    expect(articlePreviewPath('abcdefgh', 3)).toBe('/preview/articles/abcdefgh/3');
  });
});
