import { addToCounts, reportStoreError, type ViewCounts, type ViewStore } from './store';
import { toHourKey } from './windows';

/** How long counted views wait in memory before one batched write, in ms. */
export const FLUSH_INTERVAL_MS = 1000;

/**
 * Collects counted views in memory and writes them to the store in one
 * batch per interval (or sooner once `maxPending` views wait), so a beacon
 * costs a map update rather than a database write. The price: a crash loses
 * at most one interval of views.
 */
export class ViewBuffer {
  private counts: ViewCounts = new Map();
  private pending = 0;
  private latest = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ViewStore,
    private readonly options: { intervalMs?: number; maxPending?: number; onError?: (error: unknown) => void } = {},
  ) {}

  /** Counts one view of `articleId` at `at`. */
  add(articleId: string, at: Date): void {
    addToCounts(this.counts, toHourKey(at), articleId);
    this.pending += 1;
    this.latest = Math.max(this.latest, at.getTime());
    if (this.pending >= (this.options.maxPending ?? 5000)) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.intervalMs ?? FLUSH_INTERVAL_MS);
      // A pending flush must not keep a finished process (tests, scripts) alive.
      this.timer.unref?.();
    }
  }

  /** Views waiting to be written. */
  get size(): number {
    return this.pending;
  }

  /** Writes everything waiting; resolves when it is stored. Flushes run one at a time, in order. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === 0) return this.flushing;
    const batch = this.counts;
    const latest = new Date(this.latest);
    this.counts = new Map();
    this.pending = 0;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.store.addViews(batch, latest);
      } catch (error) {
        // Keep the views for the next flush rather than dropping them.
        for (const [hour, perArticle] of batch) for (const [id, n] of perArticle) addToCounts(this.counts, hour, id, n);
        for (const perArticle of batch.values()) for (const n of perArticle.values()) this.pending += n;
        this.latest = Math.max(this.latest, latest.getTime());
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.options.intervalMs ?? FLUSH_INTERVAL_MS);
          this.timer.unref?.();
        }
        const report = this.options.onError ?? ((e: unknown) => reportStoreError('views not written; kept for the next batch', e));
        report(error);
      }
    });
    return this.flushing;
  }
}
