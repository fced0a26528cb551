import { describe, expect, it } from 'vitest';
import { formatCopyrightLine, isCoverageRunning, toArticle, toArticleSummary, type ArticleRow, type SummaryRow } from './shape';

const summaryRow: SummaryRow = {
  id: 'abcd2345',
  headline: '港湾再編の計画案、市議会に提出',
  standfirst: '三つの埠頭を一つにまとめる。',
  section_slug: 'japan',
  section_name: '国内',
  topic_slug: 'harbor',
  topic_name: '港のこれから',
  published_at: '2026-12-04T01:00:00.000Z',
  updated_at: '2026-12-04T01:00:30.000Z',
  hero_src: '/media/harbor.webp',
  hero_width: 1200,
  hero_height: 675,
  hero_alt: '朝の埠頭',
  hero_caption: '再編の対象になる第二埠頭',
  hero_credit: 'Kiji編集部',
  sponsored: 0,
  kind: 'article',
  live_started_at: null,
  live_ended_at: null,
};

const articleRow: ArticleRow = {
  ...summaryRow,
  body: '一段落目。\n\n::pagebreak\n\n二ページ目の段落。',
  wire_code: 'KJ-0412',
  series_slug: null,
  series_name: null,
  series_sponsored: null,
  series_sponsor_name: null,
  agency_name: '東洋共同通信',
  syndication_credit: '東洋共同',
  copyright_line: '© {year} 東洋共同通信',
  seo_title: '',
  seo_description: null,
  social_src: '/media/social.jpg',
  social_width: 1200,
  social_height: null,
};

const links = { topics: [], tags: [], authors: [], corrections: [] };

describe('toArticleSummary', () => {
  it('turns a listing row into a card: its URL, section, lead topic and hero', () => {
    expect(toArticleSummary(summaryRow)).toEqual({
      id: 'abcd2345',
      url: '/articles/abcd2345',
      headline: '港湾再編の計画案、市議会に提出',
      standfirst: '三つの埠頭を一つにまとめる。',
      section: { slug: 'japan', name: '国内' },
      topic: { slug: 'harbor', name: '港のこれから' },
      publishedAt: '2026-12-04T01:00:00.000Z',
      updatedAt: '2026-12-04T01:00:30.000Z',
      hero: { src: '/media/harbor.webp', width: 1200, height: 675, alt: '朝の埠頭', caption: '再編の対象になる第二埠頭', credit: 'Kiji編集部' },
      sponsored: false,
      liveNow: false,
    });
  });

  it('has no hero without its size, no topic without its name, and dates from what is there', () => {
    const card = toArticleSummary({ ...summaryRow, hero_height: null, topic_name: null, published_at: null, updated_at: '2026-12-03T00:00:00.000Z', sponsored: 1 });
    expect(card.hero).toBeNull();
    expect(card.topic).toBeNull();
    expect(card.publishedAt).toBe('2026-12-03T00:00:00.000Z');
    expect(card.updatedAt).toBe('2026-12-03T00:00:00.000Z');
    expect(card.sponsored).toBe(true);
  });
});

describe('a live page’s card (ADR 0039)', () => {
  const started = '2026-12-05T05:00:00.000Z';
  const live = { ...summaryRow, kind: 'live' as const };

  it('says LIVE from the first post until the desk ends the coverage', () => {
    expect(toArticleSummary({ ...live, live_started_at: started, live_ended_at: null }).liveNow).toBe(true);
    expect(toArticleSummary({ ...live, live_started_at: started, live_ended_at: '2026-12-05T09:00:00.000Z' }).liveNow).toBe(false);
  });

  it('does not say LIVE before the first post, nor on an ordinary article whatever its columns hold', () => {
    expect(toArticleSummary({ ...live, live_started_at: null, live_ended_at: null }).liveNow).toBe(false);
    expect(isCoverageRunning({ kind: 'article', live_started_at: started, live_ended_at: null })).toBe(false);
  });
});

describe('formatCopyrightLine', () => {
  it('fills {year} with the year in Japan, which starts nine hours before UTC’s', () => {
    expect(formatCopyrightLine('© {year} 東洋共同通信', '2025-12-31T15:00:00.000Z')).toBe('© 2026 東洋共同通信');
    expect(formatCopyrightLine('© {year} 東洋共同通信', '2025-12-31T14:59:59.000Z')).toBe('© 2025 東洋共同通信');
  });
});

describe('toArticle', () => {
  const article = toArticle(articleRow, links);

  it('splits the body into pages at each page break', () => {
    expect(article.pages).toHaveLength(2);
  });

  it('builds the wire attribution with the year of publication', () => {
    expect(article.attribution).toEqual({ agencyName: '東洋共同通信', syndicationCredit: '東洋共同', copyrightLine: '© 2026 東洋共同通信', wireCode: 'KJ-0412' });
    expect(toArticle({ ...articleRow, copyright_line: null }, links).attribution).toBeNull();
  });

  it('treats empty SEO fields and a share picture without its size as not set', () => {
    expect(article.seo).toEqual({ title: null, description: null, image: null });
  });

  it('counts an edit within a minute of publishing as no update, and one after as an update', () => {
    expect(article.isUpdated).toBe(false);
    expect(toArticle({ ...articleRow, updated_at: '2026-12-04T01:01:00.000Z' }, links).isUpdated).toBe(true);
  });

  it('is an ordinary article unless the row says live', () => {
    expect(article.kind).toBe('article');
    expect(toArticle({ ...articleRow, kind: 'live' }, links).kind).toBe('live');
  });
});
