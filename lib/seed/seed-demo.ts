import type { Insertable, Kysely } from 'kysely';
import { deriveArticleId } from '../content/ids';
import type { ArticleTable, Database } from '../db/schema';
import { demoArticles } from './demo/articles';
import { demoMagazineIssues, demoPublications } from './demo/magazine';
import { demoAgencies, demoAuthors, demoSections, demoSeries, demoTags, demoTopics } from './demo/taxonomy';
import type { Motif, SectionSlug } from './demo/types';
import { formatJstDate } from '../time/jst';
import { jstDateDaysAgo, resolveDemoPublishedAt, resolveIssueDates } from './demo-time';
import { addPicture } from '../newsroom/pictures';
import type { PictureFields } from '../newsroom/picture-fields';
import { COVER_SIZE, HERO_SIZE, INLINE_SIZE, renderIllustration } from './images';

type ImageJob = {
  path: string;
  key: string;
  motif: Motif;
  size: { width: number; height: number };
  palette: SectionSlug | 'magazine';
  label?: string;
  masthead?: string;
  /** The words 写真ライブラリ offers the picture with (ADR 0046): what the article, or the cover, says of it. */
  library: PictureFields;
  /** When it entered the library: its article's last change, a cover's on-sale day (never later than the seed), so the newest stories' pictures come first. */
  addedAt: Date;
};

const FIGURE_LINE = /^::figure\[[^\]]*\]\{([^}]*)\}$/gm;
/** The same lines with their caption, for the library's words. */
const FIGURE_WITH_CAPTION = /^::figure\[([^\]]*)\]\{([^}]*)\}$/gm;

function readAttribute(attrs: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
}

/** Demo figures are drawn at INLINE_SIZE; writing the size into the body lets pages reserve their space. */
function withFigureSizes(body: string): string {
  return body.replace(FIGURE_LINE, (line, attrs: string) =>
    attrs.includes('width=') ? line : line.replace(/\}$/, ` width="${INLINE_SIZE.width}" height="${INLINE_SIZE.height}"}`),
  );
}

const earliest = (a: Date, b: Date) => (a < b ? a : b);

/** Media paths are served at `/media/<path>`. */
export function toMediaSrc(path: string): string {
  return `/media/${path}`;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads Kiji's demo content into an empty database: taxonomy, the
 * hand-written articles (dated relative to `now`), the magazine's issues,
 * publications, and a generated illustration for each of them.
 */
export async function seedDemoContent(db: Kysely<Database>, { now }: { now: Date }): Promise<void> {
  const nowIso = now.toISOString();
  const images: ImageJob[] = [];

  await db
    .insertInto('sections')
    .values(demoSections.map((s, position) => ({ ...s, position })))
    .execute();
  await db.insertInto('topics').values(demoTopics).execute();
  await db
    .insertInto('tags')
    .values(demoTags.map((t) => ({ ...t, description: t.description ?? null })))
    .execute();
  await db
    .insertInto('series')
    .values(
      demoSeries.map((s) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        sponsored: s.sponsored ? 1 : 0,
        sponsor_name: s.sponsorName ?? null,
      })),
    )
    .execute();
  await db.insertInto('authors').values(demoAuthors).execute();
  await db
    .insertInto('agencies')
    .values(
      demoAgencies.map((a) => ({
        slug: a.slug,
        name: a.name,
        syndication_credit: a.syndicationCredit,
        copyright_line: a.copyrightLine,
      })),
    )
    .execute();

  const sponsoredSeries = new Set(demoSeries.filter((s) => s.sponsored).map((s) => s.slug));
  const articleRows: Insertable<ArticleTable>[] = [];
  const topicRows: Database['article_topics'][] = [];
  const tagRows: Database['article_tags'][] = [];
  const authorRows: Database['article_authors'][] = [];
  const livePostRows: Insertable<Database['live_posts']>[] = [];

  for (const a of demoArticles) {
    const id = deriveArticleId(a.key);
    const publishedAt = resolveDemoPublishedAt(a.published, now);
    const updatedAt =
      a.updatedAfterMinutes !== undefined ? new Date(publishedAt.getTime() + a.updatedAfterMinutes * 60_000) : publishedAt;
    const heroPath = `demo/articles/${a.key}.webp`;
    images.push({ path: heroPath, key: a.key, motif: a.hero.motif, size: HERO_SIZE, palette: a.section, library: { caption: a.hero.caption, credit: a.hero.credit, alt: a.hero.alt }, addedAt: earliest(updatedAt, now) });
    for (const m of a.body.matchAll(FIGURE_WITH_CAPTION)) {
      const attrs = m[2] ?? '';
      const src = readAttribute(attrs, 'src');
      const motif = readAttribute(attrs, 'motif') as Motif | undefined;
      if (src?.startsWith('/media/') && motif) {
        const library = { caption: m[1] ?? '', credit: readAttribute(attrs, 'credit') ?? '', alt: readAttribute(attrs, 'alt') ?? '' };
        images.push({ path: src.slice('/media/'.length), key: src, motif, size: INLINE_SIZE, palette: a.section, library, addedAt: earliest(updatedAt, now) });
      }
    }
    articleRows.push({
      id,
      status: a.status ?? 'published',
      headline: a.headline,
      standfirst: a.standfirst ?? null,
      body: withFigureSizes(a.body),
      section_slug: a.section,
      hero_src: toMediaSrc(heroPath),
      hero_width: HERO_SIZE.width,
      hero_height: HERO_SIZE.height,
      hero_alt: a.hero.alt,
      hero_caption: a.hero.caption,
      hero_credit: a.hero.credit,
      agency_slug: a.wire?.agency ?? null,
      wire_code: a.wire?.code ?? null,
      breaking_until:
        a.breakingHours !== undefined ? new Date(publishedAt.getTime() + a.breakingHours * 3_600_000).toISOString() : null,
      sponsored: a.series && sponsoredSeries.has(a.series) ? 1 : 0,
      series_slug: a.series ?? null,
      published_at: publishedAt.toISOString(),
      updated_at: updatedAt.toISOString(),
      created_at: nowIso,
      // Every row names every column: in a multi-row insert SQLite is sent NULL, not the default, for one left out.
      kind: a.live ? 'live' : 'article',
      live_started_at: a.live ? publishedAt.toISOString() : null,
      live_ended_at: a.live?.endedAfterMinutes !== undefined ? new Date(publishedAt.getTime() + a.live.endedAfterMinutes * 60_000).toISOString() : null,
    });
    // Demo posts name no newsroom account: the demo's only editor is made after the seed.
    a.live?.posts.forEach((p, n) =>
      livePostRows.push({
        id: deriveArticleId(`${a.key}#post-${n}`),
        article_id: id,
        posted_at: new Date(publishedAt.getTime() + p.minutes * 60_000).toISOString(),
        headline: p.headline ?? null,
        body: p.body,
        editor_id: null,
        pinned: p.pinned ? 1 : 0,
      }),
    );
    (a.topics ?? []).forEach((topic_slug, position) => topicRows.push({ article_id: id, topic_slug, position }));
    a.tags.forEach((tag_slug, position) => tagRows.push({ article_id: id, tag_slug, position }));
    (a.authors ?? []).forEach((author_slug, position) => authorRows.push({ article_id: id, author_slug, position }));
  }

  await insertInBatches(articleRows, 50, (batch) => db.insertInto('articles').values(batch).execute());
  await insertInBatches(topicRows, 200, (batch) => db.insertInto('article_topics').values(batch).execute());
  await insertInBatches(tagRows, 200, (batch) => db.insertInto('article_tags').values(batch).execute());
  await insertInBatches(authorRows, 200, (batch) => db.insertInto('article_authors').values(batch).execute());
  await insertInBatches(livePostRows, 200, (batch) => db.insertInto('live_posts').values(batch).execute());

  const issueRows = demoMagazineIssues.map((issue) => {
    const { onSaleDate, issueDate } = resolveIssueDates(issue.weeksAgo, now);
    const path = `demo/magazine/${issueDate}.webp`;
    const library = { caption: `週刊Kiji ${formatJstDate(issueDate)}号 表紙(特集「${issue.featureTitle}」)`, credit: 'Kiji編集部', alt: `週刊Kijiの表紙。特集「${issue.featureTitle}」` };
    images.push({ path, key: `issue-${issue.weeksAgo}`, motif: issue.motif, size: COVER_SIZE, palette: 'magazine', label: issue.featureTitle, library, addedAt: earliest(new Date(onSaleDate), now) });
    return {
      slug: issueDate,
      issue_date: issueDate,
      on_sale_date: onSaleDate,
      feature_title: issue.featureTitle,
      blurb: issue.blurb,
      cover_src: toMediaSrc(path),
      cover_width: COVER_SIZE.width,
      cover_height: COVER_SIZE.height,
    };
  });
  await db.insertInto('magazine_issues').values(issueRows).execute();
  // Each issue's contents (目次), by the keys of demo articles; a key that names none is a mistake in the demo.
  const articleIds = new Set(articleRows.map((r) => r.id));
  const contentRows = demoMagazineIssues.flatMap((issue, i) =>
    (issue.articles ?? []).map((key, position) => {
      const article_id = deriveArticleId(key);
      if (!articleIds.has(article_id)) throw new Error(`demo magazine issue ${issue.weeksAgo}: no demo article ${key}`);
      return { issue_slug: issueRows[i]!.slug, position, article_id };
    }),
  );
  if (contentRows.length > 0) await db.insertInto('magazine_issue_articles').values(contentRows).execute();

  await db
    .insertInto('publications')
    .values(
      demoPublications.map((p) => {
        const path = `demo/publications/${p.slug}.webp`;
        const library = { caption: `${p.title} 表紙`, credit: 'Kiji編集部', alt: `${p.title}の表紙` };
        images.push({ path, key: p.slug, motif: p.motif, size: COVER_SIZE, palette: 'magazine', label: p.title, masthead: 'KIJI MOOK', library, addedAt: earliest(new Date(jstDateDaysAgo(p.onSaleDaysAgo, now)), now) });
        return {
          slug: p.slug,
          title: p.title,
          kind: p.kind,
          blurb: p.blurb,
          on_sale_date: jstDateDaysAgo(p.onSaleDaysAgo, now),
          on_sale: p.onSale ? 1 : 0,
          price_yen: p.priceYen,
          cover_src: toMediaSrc(path),
          cover_width: COVER_SIZE.width,
          cover_height: COVER_SIZE.height,
        };
      }),
    )
    .execute();

  // sharp renders on libuv's thread pool; a few at a time keeps both cores busy.
  const unique = [...new Map(images.map((job) => [job.path, job])).values()];
  await insertInBatches(unique, 8, async (batch) => {
    const rendered = await Promise.all(
      batch.map(async (job) => ({
        path: job.path,
        content_type: 'image/webp',
        bytes: await renderIllustration({ key: job.key, motif: job.motif, palette: job.palette, label: job.label, masthead: job.masthead, ...job.size }),
        width: job.size.width,
        height: job.size.height,
        created_at: nowIso,
      })),
    );
    await db.insertInto('media').values(rendered).execute();
    // In 写真ライブラリ at once, as an upload would be: the migration's backfill (ADR 0046) ran before there was anything to list.
    for (const [i, job] of batch.entries()) {
      await addPicture(db, { src: toMediaSrc(job.path), ...job.size, byteSize: rendered[i]!.bytes.length, uploadedBy: null, ...job.library }, job.addedAt);
    }
  });
}
