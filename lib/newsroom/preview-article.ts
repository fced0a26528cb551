import type { Kysely } from 'kysely';
import type { Article } from '../content/types';
import { listArticleCorrections } from '../content/queries';
import { toArticle } from '../content/shape';
import type { Database } from '../db/schema';
import { sanitizeBodySource } from '../text/sanitize-body';
import type { ArticleDraft } from './draft';
import { UNTITLED_HEADLINE } from './labels';

/**
 * An editor's unsaved form as the render-ready Article the public page
 * components take, so the side-by-side preview is the same components
 * with the same shaping (`toArticle`) as the published page. Names of the
 * section, topics, tags, series, agency and byline come from the database; unknown
 * slugs are left out as the public page would.
 */
export async function toDraftArticle(
  db: Kysely<Database>,
  id: string,
  draft: ArticleDraft,
  times: { publishedAt: string; updatedAt: string },
): Promise<Article> {
  const inList = <T extends { slug: string }>(rows: T[], slugs: string[]) =>
    slugs.map((slug) => rows.find((r) => r.slug === slug)).filter((r): r is T => r !== undefined);
  const [section, topics, tags, series, agency, authors, corrections] = await Promise.all([
    db.selectFrom('sections').select('name').where('slug', '=', draft.section).executeTakeFirst(),
    draft.topics.length ? db.selectFrom('topics').select(['slug', 'name']).where('slug', 'in', draft.topics).execute() : [],
    draft.tags.length ? db.selectFrom('tags').select(['slug', 'name', 'kind']).where('slug', 'in', draft.tags).execute() : [],
    draft.series ? db.selectFrom('series').selectAll().where('slug', '=', draft.series).executeTakeFirst() : undefined,
    draft.agency ? db.selectFrom('agencies').selectAll().where('slug', '=', draft.agency).executeTakeFirst() : undefined,
    draft.authors.length ? db.selectFrom('authors').select(['slug', 'name', 'role']).where('slug', 'in', draft.authors).execute() : [],
    // Notices already published stay on the article whatever the form holds.
    listArticleCorrections(db, [id]),
  ]);
  const orderedTopics = inList(topics, draft.topics);
  const hero = draft.hero;
  return toArticle(
    {
      id,
      headline: draft.headline.trim() || UNTITLED_HEADLINE,
      standfirst: draft.standfirst || null,
      section_slug: draft.section,
      section_name: section?.name ?? '',
      topic_slug: orderedTopics[0]?.slug ?? null,
      topic_name: orderedTopics[0]?.name ?? null,
      published_at: times.publishedAt,
      updated_at: times.updatedAt,
      hero_src: hero?.src ?? null,
      hero_width: hero?.width ?? null,
      hero_height: hero?.height ?? null,
      hero_alt: hero?.alt ?? null,
      hero_caption: hero?.caption || null,
      hero_credit: hero?.credit || null,
      sponsored: draft.sponsored ? 1 : 0,
      // The form previews the lead as it previewed it before 0018: the stream is the composer's.
      kind: 'article',
      live_started_at: null,
      live_ended_at: null,
      // What will be stored is the cleaned body: preview exactly that.
      body: sanitizeBodySource(draft.body).body,
      wire_code: draft.wireCode,
      series_slug: series?.slug ?? null,
      series_name: series?.name ?? null,
      series_sponsored: series?.sponsored ?? null,
      series_sponsor_name: series?.sponsor_name ?? null,
      agency_name: agency?.name ?? null,
      syndication_credit: agency?.syndication_credit ?? null,
      copyright_line: agency?.copyright_line ?? null,
      seo_title: draft.seoTitle,
      seo_description: draft.seoDescription,
      social_src: draft.socialImage?.src ?? null,
      social_width: draft.socialImage?.width ?? null,
      social_height: draft.socialImage?.height ?? null,
    },
    { topics: orderedTopics, tags: inList(tags, draft.tags), authors: inList(authors, draft.authors), corrections: corrections.map(({ text, publishedAt }) => ({ text, publishedAt })) },
  );
}
