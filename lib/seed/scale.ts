import type { Insertable, Kysely } from 'kysely';
import { deriveArticleId } from '../content/ids';
import type { ArticleTable, Database } from '../db/schema';
import { demoArticles } from './demo/articles';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence (the same count, the same articles). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;

/**
 * Adds `count` generated articles for scale benchmarks: bodies recombined from
 * the demo's paragraphs, spread over the past two years, reusing the demo's
 * pictures and tags. Not demo content: `npm run seed -- --articles N` only.
 * Writes in transactions of `batchSize` so memory stays flat at any count.
 */
export async function addScaleArticles(
  db: Kysely<Database>,
  { count, now, batchSize = 500 }: { count: number; now: Date; batchSize?: number },
): Promise<void> {
  const sources = demoArticles.filter((a) => !a.status);
  const paragraphs = sources.flatMap((a) => a.body.split('\n\n').filter((p) => !p.startsWith('::') && !p.startsWith('#')));
  // Numbering continues from the articles already there, so running it twice adds, never collides.
  const offset = Number((await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const random = createRandom(offset + 1);

  for (let start = 0; start < count; start += batchSize) {
    const rows: Insertable<ArticleTable>[] = [];
    const tags: Database['article_tags'][] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const source = sources[Math.floor(random() * sources.length)]!;
      const id = deriveArticleId(`scale-${offset + i}`);
      const publishedAt = new Date(now.getTime() - Math.floor(random() * 730 * DAY_MS) - DAY_MS).toISOString();
      const body = Array.from({ length: 4 + Math.floor(random() * 4) }, () => paragraphs[Math.floor(random() * paragraphs.length)]!).join('\n\n');
      rows.push({
        id,
        status: 'published',
        headline: `${source.headline}(${i + 1})`,
        standfirst: source.standfirst ?? null,
        body,
        section_slug: source.section,
        hero_src: `/media/demo/articles/${source.key}.webp`,
        hero_width: 1200,
        hero_height: 675,
        hero_alt: source.hero.alt,
        hero_caption: source.hero.caption,
        hero_credit: source.hero.credit,
        agency_slug: null,
        wire_code: null,
        breaking_until: null,
        sponsored: 0,
        series_slug: null,
        published_at: publishedAt,
        updated_at: publishedAt,
        created_at: now.toISOString(),
      });
      source.tags.slice(0, 2).forEach((tag_slug, position) => tags.push({ article_id: id, tag_slug, position }));
    }
    await db.transaction().execute(async (trx) => {
      for (let j = 0; j < rows.length; j += 50) await trx.insertInto('articles').values(rows.slice(j, j + 50)).execute();
      for (let j = 0; j < tags.length; j += 200) await trx.insertInto('article_tags').values(tags.slice(j, j + 200)).execute();
    });
  }
}
