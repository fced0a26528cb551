import 'server-only';
import { unstable_cache } from 'next/cache';
import { CACHE_SECONDS, CACHE_TAGS } from '../cache/tags';
import { getDb } from '../db';
import { listBreakingNews, TICKER_SIZE } from './breaking-queries';

/**
 * The ニュース速報 ticker for every page that shows it. Tagged `breaking`
 * (a flag raised or lowered) and `articles` (publishing, unpublishing), and
 * recomputed every CACHE_SECONDS.breaking so expiries and scheduled
 * articles come and go without anyone invalidating anything.
 */
export const getBreakingNews = unstable_cache(async () => listBreakingNews(await getDb(), new Date(), TICKER_SIZE), ['breaking'], {
  tags: [CACHE_TAGS.breaking, CACHE_TAGS.articles],
  revalidate: CACHE_SECONDS.breaking,
});
