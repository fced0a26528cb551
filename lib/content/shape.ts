import type { DeskEdits, MagazineIssueTable, PublicationTable, SeriesTable, TagTable } from '../db/schema';
import { parseBody, splitPages } from '../text/markdown';
import { countReadingCharacters, getReadingMinutes } from '../text/reading-time';
import { getJstDateParts } from '../time/jst';
import type {
  Article,
  ArticleCorrection,
  ArticleSummary,
  AuthorRef,
  HeroImage,
  MagazineIssue,
  Publication,
  Series,
  TagRef,
  TopicRef,
} from './types';
import { articlePath, magazineIssuePath } from './urls';

/** The columns every article listing selects (queries.ts `selectSummaries`). */
export type SummaryRow = {
  id: string;
  headline: string;
  standfirst: string | null;
  section_slug: string;
  section_name: string;
  topic_slug: string | null;
  topic_name: string | null;
  published_at: string | null;
  updated_at: string | null;
  hero_src: string | null;
  hero_width: number | null;
  hero_height: number | null;
  hero_alt: string | null;
  hero_caption: string | null;
  hero_credit: string | null;
  sponsored: number;
  /** 0018: a live page (速報ライブ) and its coverage times; see {@link isCoverageRunning}. */
  kind: 'article' | 'live';
  live_started_at: string | null;
  live_ended_at: string | null;
};

export type ArticleRow = SummaryRow & {
  body: string;
  wire_code: string | null;
  series_slug: string | null;
  series_name: string | null;
  series_sponsored: number | null;
  series_sponsor_name: string | null;
  agency_name: string | null;
  syndication_credit: string | null;
  copyright_line: string | null;
  seo_title: string | null;
  seo_description: string | null;
  social_src: string | null;
  social_width: number | null;
  social_height: number | null;
};

function toHero(row: SummaryRow): HeroImage | null {
  if (!row.hero_src || !row.hero_width || !row.hero_height) return null;
  return {
    src: row.hero_src,
    width: row.hero_width,
    height: row.hero_height,
    alt: row.hero_alt ?? '',
    caption: row.hero_caption,
    credit: row.hero_credit,
  };
}

/**
 * Whether a live page's coverage is running: its first post has started it
 * and the desk has not ended it. A live page published before its first
 * post is not yet running (its page shows the publication, not LIVE), nor
 * is an ordinary article, whatever its columns say.
 */
export function isCoverageRunning(row: Pick<SummaryRow, 'kind' | 'live_started_at' | 'live_ended_at'>): boolean {
  return row.kind === 'live' && row.live_started_at !== null && row.live_ended_at === null;
}

/** A listing row as a card-ready summary. Public rows always carry a publication time. */
export function toArticleSummary(row: SummaryRow): ArticleSummary {
  const publishedAt = row.published_at ?? row.updated_at ?? new Date(0).toISOString();
  return {
    id: row.id,
    url: articlePath(row.id),
    headline: row.headline,
    standfirst: row.standfirst,
    section: { slug: row.section_slug, name: row.section_name },
    topic: row.topic_slug && row.topic_name ? { slug: row.topic_slug, name: row.topic_name } : null,
    publishedAt,
    updatedAt: row.updated_at ?? publishedAt,
    hero: toHero(row),
    sponsored: row.sponsored === 1,
    liveNow: isCoverageRunning(row),
  };
}

/** Fills an agency's `{year}` placeholder with the story's year in Japan time. */
export function formatCopyrightLine(template: string, publishedAt: string): string {
  return template.replaceAll('{year}', String(getJstDateParts(publishedAt).year));
}

/**
 * A full article row and its links as the article page needs it: the body
 * parsed once into blocks and split into pages, reading time counted, the
 * wire attribution assembled.
 */
export function toArticle(
  row: ArticleRow,
  links: {
    topics: TopicRef[];
    tags: (Omit<TagRef, 'kind'> & { kind: TagTable['kind'] })[];
    authors: AuthorRef[];
    corrections: ArticleCorrection[];
  },
): Article {
  const summary = toArticleSummary(row);
  const blocks = parseBody(row.body);
  return {
    ...summary,
    topics: links.topics,
    tags: links.tags,
    authors: links.authors,
    series:
      row.series_slug && row.series_name
        ? {
            slug: row.series_slug,
            name: row.series_name,
            sponsored: row.series_sponsored === 1,
            sponsorName: row.series_sponsor_name,
          }
        : null,
    attribution:
      row.agency_name && row.syndication_credit && row.copyright_line
        ? {
            agencyName: row.agency_name,
            syndicationCredit: row.syndication_credit,
            copyrightLine: formatCopyrightLine(row.copyright_line, summary.publishedAt),
            wireCode: row.wire_code,
          }
        : null,
    seo: {
      title: row.seo_title || null,
      description: row.seo_description || null,
      image: row.social_src && row.social_width && row.social_height ? { src: row.social_src, width: row.social_width, height: row.social_height } : null,
    },
    pages: splitPages(blocks),
    readingMinutes: getReadingMinutes(countReadingCharacters(blocks)),
    // A minute's grace: an edit right after publishing is not a correction readers need flagged.
    isUpdated: Date.parse(summary.updatedAt) - Date.parse(summary.publishedAt) >= 60_000,
    corrections: links.corrections,
    kind: row.kind === 'live' ? 'live' : 'article',
  };
}

export function toSeries(row: SeriesTable): Series {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    sponsored: row.sponsored === 1,
    sponsorName: row.sponsor_name,
  };
}

export function toMagazineIssue(row: Omit<MagazineIssueTable, keyof DeskEdits>): MagazineIssue {
  return {
    slug: row.slug,
    url: magazineIssuePath(row.slug),
    issueDate: row.issue_date,
    onSaleDate: row.on_sale_date,
    featureTitle: row.feature_title,
    blurb: row.blurb,
    cover: { src: row.cover_src, width: row.cover_width, height: row.cover_height, alt: `週刊Kiji ${row.issue_date}号の表紙` },
  };
}

export function toPublication(row: Omit<PublicationTable, keyof DeskEdits>): Publication {
  return {
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    blurb: row.blurb,
    onSaleDate: row.on_sale_date,
    onSale: row.on_sale === 1,
    priceYen: row.price_yen,
    cover: { src: row.cover_src, width: row.cover_width, height: row.cover_height, alt: `${row.title}の表紙` },
  };
}
