import { deriveArticleId } from '../lib/content/ids';
import { demoArticles } from '../lib/seed/demo/articles';
import type { DemoArticle } from '../lib/seed/demo/types';

/** Demo articles picked by what a spec needs to see on them. */

function pick(description: string, test: (a: DemoArticle) => boolean): DemoArticle & { id: string } {
  const found = demoArticles.find((a) => !a.status && test(a));
  if (!found) throw new Error(`The demo content has no ${description}`);
  return { ...found, id: deriveArticleId(found.key) };
}

const isMultiPage = (a: DemoArticle) => a.body.includes('\n::pagebreak\n');

/** A single-page wire story with a fixed JST time, sub-headings and at least two tags. */
export const wireStory = pick('single-page wire story with a time of day and h2', (a) =>
  Boolean(a.wire && 'time' in a.published && !isMultiPage(a) && a.body.includes('\n## ') && a.tags.length >= 2 && a.topics?.length),
);

export const multiPageStory = pick('multi-page article', isMultiPage);

/** The finished live page (速報ライブ, ADR 0036). */
export const liveStory = pick('live page', (a) => Boolean(a.live));

/** An article whose body embeds a YouTube video (a line that is only its address, ADR 0042). */
export const embedStory = pick('article with a YouTube embed', (a) => /^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}$/m.test(a.body));

export const correctedStory = pick('corrected article', (a) => (a.updatedAfterMinutes ?? 0) >= 5);

export const hiddenArticles = demoArticles.filter((a) => a.status).map((a) => ({ ...a, id: deriveArticleId(a.key) }));

export const publishedCount = demoArticles.filter((a) => !a.status).length;

/** Every published demo article with its id. */
export const publishedArticles = demoArticles.filter((a) => !a.status).map((a) => ({ ...a, id: deriveArticleId(a.key) }));

/** The pages issue 7's budgets hold for: home, an article led by a hero picture (every demo article has one), a section page, the ranking page. */
export const BUDGET_PAGES = {
  home: '/',
  article: `/articles/${wireStory.id}`,
  section: '/sections/world',
  ranking: '/ranking',
} as const;
