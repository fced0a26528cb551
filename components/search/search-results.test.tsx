import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_FILTERS, parseSearchQuery, type SearchFilters, type SearchHit, type SearchResults as Results } from '@/lib/content';
import { SearchForm } from './search-form';
import { SearchResults } from './search-results';
import { testSummary } from '@/test/support/articles';

const hit: SearchHit = {
  article: testSummary({ headline: '関税交渉が合意', publishedAt: '2026-11-19T03:00:00.000Z' }),
  headline: [{ text: '関税', match: true }, { text: '交渉が合意', match: false }],
  snippet: [],
};

function results(raw: string, filters: SearchFilters, overrides: Partial<Results> = {}): Results {
  return { items: [hit], page: 1, totalPages: 3, totalItems: 41, totalCapped: false, query: parseSearchQuery(raw)!, filters, ...overrides };
}

/** The page's text as a reader sees it: phrase-break hints (`<wbr>`) are not text. */
const seen = (node: React.ReactElement) => renderToStaticMarkup(node).replace(/<wbr\/?>/g, '');

describe('SearchResults', () => {
  it('says when one-character words were looked for in headlines and standfirsts only', () => {
    expect(seen(<SearchResults results={results('北 関税 米', DEFAULT_SEARCH_FILTERS)} />)).toContain(
      '1文字の語(「北」「米」)は見出しとリードだけから探しています',
    );
    expect(renderToStaticMarkup(<SearchResults results={results('関税', DEFAULT_SEARCH_FILTERS)} />)).not.toContain('1文字の語');
  });

  it('keeps the order and period in the links to other pages', () => {
    const html = renderToStaticMarkup(<SearchResults results={results('関税', { sort: 'newest', period: 'month' })} />);
    expect(html).toContain('href="/search?q=%E9%96%A2%E7%A8%8E&amp;sort=newest&amp;period=month&amp;page=2"');
    const plain = renderToStaticMarkup(<SearchResults results={results('関税', DEFAULT_SEARCH_FILTERS)} />);
    expect(plain).toContain('href="/search?q=%E9%96%A2%E7%A8%8E&amp;page=2"');
  });

  it('suggests every period when a shorter one found nothing', () => {
    const none = { items: [], totalItems: 0, totalPages: 1 };
    expect(seen(<SearchResults results={results('関税', { sort: 'relevance', period: 'week' }, none)} />)).toContain('期間を「すべて」にすると');
    expect(renderToStaticMarkup(<SearchResults results={results('関税', DEFAULT_SEARCH_FILTERS, none)} />)).not.toContain('期間を');
  });
});

describe('SearchForm', () => {
  it('offers order and period as labelled choices in the same GET form, the current ones chosen', () => {
    const html = renderToStaticMarkup(<SearchForm defaultValue="関税" filters={{ sort: 'newest', period: 'year' }} />);
    expect(html).toMatch(/^<form [^>]*action="\/search" method="get">.*<select .*<\/form>$/);
    expect(html).toMatch(/<label for="search-q-sort"[^>]*>並び順<\/label><select id="search-q-sort" name="sort"/);
    expect(html).toMatch(/<label for="search-q-period"[^>]*>期間<\/label><select id="search-q-period" name="period"/);
    expect(html).toContain('<option value="newest" selected="">新しい順</option>');
    expect(html).toContain('<option value="year" selected="">1年</option>');
    for (const label of ['関連度', 'すべて', '1週間', '1か月']) expect(html).toContain(`>${label}</option>`);
  });

  it('stays a plain words-only search elsewhere (header, not-found page)', () => {
    const html = renderToStaticMarkup(<SearchForm id="not-found-q" />);
    expect(html).not.toContain('<select');
  });
});
