/**
 * Whether a write failed because the disk (or the database's size limit) is
 * full: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100) and out-of-
 * memory-for-storage codes, or ENOSPC from a file write. Such a failure is
 * the server's condition, not the request's fault, and passes: callers answer
 * 503 with a message a person can act on, never a bare 500.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === '53100' || code === '53200' || code === 'ENOSPC') return true;
  }
  return false;
}

/** What a person sees when a save fails for lack of space; nothing was kept. */
export const STORAGE_FULL_MESSAGE = 'ただいまサーバーの保存領域が不足しているため、受け付けられませんでした。内容は保存されていません。しばらく時間をおいてから、もう一度お試しください。';

/** How long to suggest waiting before retrying (Retry-After, seconds). */
export const STORAGE_FULL_RETRY_SECONDS = 300;
