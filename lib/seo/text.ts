import type { Article } from '../content/types';
import { toPlainText } from '../text/markdown';

/** Characters of a meta description: about what Japanese results show before cutting. */
export const DESCRIPTION_LENGTH = 120;

/** `text` cut to `max` characters (code points) with `…` when it was longer. */
export function clipText(text: string, max = DESCRIPTION_LENGTH): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * An article's description for search results and shares: the desk's own
 * (its SEO description), else its standfirst, else its first paragraph.
 */
export function describeArticle(article: Pick<Article, 'standfirst' | 'pages' | 'headline'> & { seo?: Article['seo'] }): string {
  if (article.seo?.description) return clipText(article.seo.description);
  if (article.standfirst) return clipText(article.standfirst);
  const first = article.pages[0]?.find((b) => b.type === 'paragraph');
  return clipText(first ? toPlainText([first]) : article.headline);
}
