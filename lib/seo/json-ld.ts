import type {
  AboutPage,
  BlogPosting,
  BreadcrumbList,
  CollectionPage,
  ContactPage,
  CorrectionComment,
  ImageObject,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  ProfilePage,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';
import type { Article, ArticleSummary, Author } from '../content/types';
import { articlePath, authorPath } from '../content/urls';
import { SITE_NAME } from '../site/config';
import { TRUST_ANCHORS, TRUST_PAGES, type TrustPage } from '../site/pages';
import type { Publisher } from '../site/publisher';
import { toLiveModifiedAt } from '../live/shape';
import type { LiveStream } from '../live/types';
import { toPlainText } from '../text/markdown';
import { toJstIso } from '../time/jst';
import { cropPath, decideCropSize, type CropRatio } from './crops';
import { LOGO_PATH, LOGO_SIZE } from './feeds';
import { describeArticle } from './text';
import { toAbsoluteUrl } from './xml';

/**
 * Structured data (schema.org JSON-LD) for Google's article, breadcrumb and
 * sitelinks-search features, typed with schema-dts so a misspelt property
 * fails the type check. Every URL is absolute, from `SITE_URL`; every time
 * is Japan time with `+09:00`.
 */

const CROPS: CropRatio[] = ['16x9', '4x3', '1x1'];

/** The publisher: Kiji as a news organisation, with its logo. */
export function buildPublisher(siteUrl: string): NewsMediaOrganization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${siteUrl}/#publisher`,
    name: SITE_NAME,
    url: `${siteUrl}/`,
    logo: { '@type': 'ImageObject', url: toAbsoluteUrl(LOGO_PATH, siteUrl), width: `${LOGO_SIZE.width}`, height: `${LOGO_SIZE.height}` },
  };
}

function buildImages(article: Article, siteUrl: string): ImageObject[] {
  const hero = article.hero;
  if (!hero) return [];
  return CROPS.flatMap((ratio) => {
    const path = cropPath(hero.src, ratio);
    if (!path) return [];
    const size = decideCropSize(hero.width, hero.height, ratio);
    return [{ '@type': 'ImageObject', url: toAbsoluteUrl(path, siteUrl), width: `${size.width}`, height: `${size.height}` } satisfies ImageObject];
  });
}

// Staff bylines are people; wire stories without one credit the agency; anything else is the publisher's own.
function buildAuthors(article: Article, siteUrl: string): (Person | Organization)[] {
  if (article.authors.length > 0) {
    return article.authors.map((a): Person => ({ '@type': 'Person', name: a.name, jobTitle: a.role, url: toAbsoluteUrl(authorPath(a.slug), siteUrl) }));
  }
  if (article.attribution) return [{ '@type': 'Organization', name: article.attribution.agencyName }];
  return [{ '@type': 'Organization', name: `${SITE_NAME}編集部`, url: `${siteUrl}/` }];
}

/** `NewsArticle` for an article page (its canonical page 1 URL is the entity's id). */
export function buildNewsArticle(article: Article, siteUrl: string): WithContext<NewsArticle> {
  const url = toAbsoluteUrl(articlePath(article.id), siteUrl);
  const keywords = [...article.topics.map((t) => t.name), ...article.tags.map((t) => t.name)];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: describeArticle(article),
    image: buildImages(article, siteUrl),
    datePublished: toJstIso(article.publishedAt),
    dateModified: toJstIso(article.updatedAt),
    author: buildAuthors(article, siteUrl),
    publisher: buildPublisher(siteUrl),
    articleSection: article.section.name,
    ...(keywords.length > 0 ? { keywords: keywords.join(',') } : {}),
    inLanguage: 'ja',
    isAccessibleForFree: true,
    ...(article.attribution?.wireCode ? { identifier: article.attribution.wireCode } : {}),
    // `?.`: an Article cached by a build before ADR 0034 has no `corrections` until it is next rendered.
    ...(article.corrections?.length ? { correction: buildCorrections(article.corrections) } : {}),
  };
}

/** Posts of a live page given as `liveBlogUpdate`: the newest, as Google's live-blog guidance asks; the page itself has them all. */
export const LIVE_BLOG_UPDATES = 10;

/**
 * `LiveBlogPosting` for a live page (ADR 0036): the article's NewsArticle
 * properties, the coverage times (`coverageEndTime` once the desk ended
 * it), the newest posts as `liveBlogUpdate`, each with its own URL
 * (`#post-…`), and `dateModified` following the newest post, edit or the
 * end (toLiveModifiedAt, as the sitemaps do), so a crawler sees the page
 * change with its stream.
 */
export function buildLiveBlogPosting(article: Article, stream: LiveStream, siteUrl: string): WithContext<LiveBlogPosting> {
  const { '@type': _type, '@id': _id, ...news } = buildNewsArticle(article, siteUrl);
  const url = toAbsoluteUrl(articlePath(article.id), siteUrl);
  const latest = toLiveModifiedAt(article.updatedAt, [...stream.posts.map((p) => p.editedAt ?? p.postedAt), stream.endedAt]);
  const updates = stream.posts.slice(0, LIVE_BLOG_UPDATES).map(
    (p): BlogPosting => ({
      '@type': 'BlogPosting',
      '@id': `${url}#post-${p.id}`,
      url: `${url}#post-${p.id}`,
      headline: p.headline ?? toPlainText(p.blocks).slice(0, 110),
      articleBody: toPlainText(p.blocks),
      datePublished: toJstIso(p.postedAt),
      ...(p.editedAt ? { dateModified: toJstIso(p.editedAt) } : {}),
      ...(p.author ? { author: { '@type': 'Person', name: p.author } } : {}),
    }),
  );
  return {
    ...news,
    '@type': 'LiveBlogPosting',
    '@id': `${url}#article`,
    dateModified: toJstIso(latest),
    ...(stream.startedAt ? { coverageStartTime: toJstIso(stream.startedAt) } : {}),
    ...(stream.endedAt ? { coverageEndTime: toJstIso(stream.endedAt) } : {}),
    liveBlogUpdate: updates,
  } as WithContext<LiveBlogPosting>;
}

// schema.org's `correction` (CreativeWork), one CorrectionComment per 訂正
// notice, dated like the article (ADR 0034); Google documents no rich result
// for it, but it is how a crawler can tell a correction from an update.
function buildCorrections(corrections: Article['corrections']): CorrectionComment[] {
  return corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: toJstIso(c.publishedAt) }));
}

/** Home › … › the page: each crumb a name and a site path; the last is the page itself. */
export function buildBreadcrumbs(crumbs: { name: string; path: string }[], siteUrl: string): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: toAbsoluteUrl(c.path, siteUrl) })),
  };
}

/** A section, topic, tag or series page: a `CollectionPage` whose main entity lists its articles in order. */
export function buildCollectionPage(
  page: { name: string; description?: string | null; path: string },
  articles: ArticleSummary[],
  siteUrl: string,
  offset = 0,
): WithContext<CollectionPage> {
  const url = toAbsoluteUrl(page.path, siteUrl);
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    inLanguage: 'ja',
    isPartOf: { '@id': `${siteUrl}/#website` },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: articles.length,
      itemListElement: articles.map((a, i) => ({ '@type': 'ListItem', position: offset + i + 1, url: toAbsoluteUrl(a.url, siteUrl), name: a.headline })),
    },
  };
}

/**
 * An author's page as Google's profile-page markup asks: a `ProfilePage`
 * whose main entity is the `Person`, with the 肩書き, the プロフィール and the
 * portrait when the desk has written and chosen them (ADR 0050). The
 * `@id` is the one the person's articles point to (their `author.url`).
 */
export function buildAuthorProfile(author: Author, siteUrl: string): WithContext<ProfilePage> {
  const url = toAbsoluteUrl(authorPath(author.slug), siteUrl);
  const person: Person = {
    '@type': 'Person',
    '@id': `${url}#person`,
    name: author.name,
    url,
    ...(author.role ? { jobTitle: author.role } : {}),
    ...(author.profile ? { description: author.profile } : {}),
    ...(author.portrait ? { image: toAbsoluteUrl(author.portrait.src, siteUrl) } : {}),
    worksFor: { '@id': `${siteUrl}/#publisher` },
  };
  return { '@context': 'https://schema.org', '@type': 'ProfilePage', '@id': url, url, inLanguage: 'ja', mainEntity: person };
}

/** The site, with the search box Google may show under its result (`/search?q=`). */
export function buildWebSite(siteUrl: string, description: string): WithContext<WebSite> {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}/search?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${siteUrl}/#website`,
    url: `${siteUrl}/`,
    name: SITE_NAME,
    description,
    inLanguage: 'ja',
    publisher: { '@id': `${siteUrl}/#publisher` },
    potentialAction: search,
  };
}

/** The publisher entity on its own, for the home page. */
export function buildOrganization(siteUrl: string): WithContext<NewsMediaOrganization> {
  return { '@context': 'https://schema.org', ...(buildPublisher(siteUrl) as Exclude<NewsMediaOrganization, string>) };
}

/**
 * The publisher as its own pages describe it: the company behind the site
 * (`legalName`), its address, founding and contact, and where its
 * editorial, corrections and feedback policies are (the properties
 * schema.org gives news organisations for them). The same `@id` as
 * {@link buildPublisher}, so a crawler merges the two into one entity.
 */
export function buildPublisherProfile(siteUrl: string, publisher: Publisher): NewsMediaOrganization {
  const about = toAbsoluteUrl(TRUST_PAGES.about.path, siteUrl);
  return {
    ...(buildPublisher(siteUrl) as Exclude<NewsMediaOrganization, string>),
    legalName: publisher.name,
    address: publisher.address,
    foundingDate: publisher.founded,
    email: publisher.contactEmail,
    contactPoint: { '@type': 'ContactPoint', contactType: 'editorial', email: publisher.contactEmail, availableLanguage: 'ja' },
    publishingPrinciples: `${about}#${TRUST_ANCHORS.editorialPolicy}`,
    correctionsPolicy: `${about}#${TRUST_ANCHORS.corrections}`,
    actionableFeedbackPolicy: toAbsoluteUrl(TRUST_PAGES.contact.path, siteUrl),
  };
}

/** 会社概要 or お問い合わせ: an `AboutPage` or `ContactPage` whose main entity is the publisher. */
export function buildPublisherPage(
  type: 'AboutPage' | 'ContactPage',
  page: TrustPage,
  siteUrl: string,
  publisher: Publisher,
): WithContext<AboutPage> | WithContext<ContactPage> {
  const url = toAbsoluteUrl(page.path, siteUrl);
  return {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': url,
    url,
    name: page.name,
    inLanguage: 'ja',
    isPartOf: { '@id': `${siteUrl}/#website` },
    mainEntity: buildPublisherProfile(siteUrl, publisher),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` escaped so text
 * such as `</script>` in a headline can never close the element.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
