import { isArticleId } from '../content/ids';

/** The newest post a reader's page has: its id, or a time. */
export type LiveAfter = { postId: string } | { time: string };

/** What `after` in GET /api/live/{id}?after=… may be: a post id, or an ISO time (UTC or with offset). */
export function parseLiveAfter(value: string | null): LiveAfter | null {
  if (!value || value.length > 40) return null;
  if (isArticleId(value)) return { postId: value };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : { time: new Date(time).toISOString() };
}

