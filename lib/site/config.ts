import type { SectionSlug } from '../seed/demo/types';

/** The publication's name, used in titles, the masthead and feeds. */
export const SITE_NAME = 'Kiji';
export const SITE_TAGLINE = 'ニュースを、深く、速く。';
/** The publication's account on X, named in every page's card (`twitter:site`). Fictional, as the demo is. */
export const SITE_X_ACCOUNT = '@kiji_news_demo';

export type SiteSection = { slug: SectionSlug; name: string; description: string };

/**
 * The sections of the site, in navigation order. This is configuration, not
 * content: the header renders from it without a database (so the build needs
 * none), and the seed writes the same list to the sections table.
 */
export const siteSections: SiteSection[] = [
  { slug: 'world', name: 'ワールド', description: '国際情勢と各国の動き' },
  { slug: 'business', name: 'ビジネス', description: '経済・企業・市場のニュース' },
  { slug: 'japan', name: '日本', description: '政治と行政、全国の話題' },
  { slug: 'society', name: '社会', description: '暮らし・事件・教育・医療' },
  { slug: 'technology', name: 'テクノロジー', description: 'AI、半導体、宇宙、ネットの最前線' },
  { slug: 'culture', name: 'カルチャー', description: '映画・音楽・本・食と旅' },
];
