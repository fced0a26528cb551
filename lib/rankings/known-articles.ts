/**
 * Remembers which article ids are public, so the beacon checks an id
 * against the database at most once per TTL instead of on every view.
 * A newly published article is countable within NEGATIVE_TTL_MS; one
 * unpublished keeps being counted for up to POSITIVE_TTL_MS, which is
 * harmless because the rankings filter unpublished articles when read.
 */
export class PublicArticleCache {
  private readonly entries = new Map<string, { isPublic: boolean; until: number }>();

  constructor(
    private readonly check: (id: string, now: Date) => Promise<boolean>,
    private readonly options: { positiveTtlMs?: number; negativeTtlMs?: number; maxEntries?: number } = {},
  ) {}

  /** Whether `id` is a public article, from memory when recently checked. */
  async isPublic(id: string, now = new Date()): Promise<boolean> {
    const t = now.getTime();
    const hit = this.entries.get(id);
    if (hit && hit.until > t) return hit.isPublic;
    const isPublic = await this.check(id, now);
    // Bounded: ids are attacker-chosen, so forget the oldest half when full.
    const max = this.options.maxEntries ?? 50_000;
    if (this.entries.size >= max) {
      let drop = Math.floor(max / 2);
      for (const key of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(key);
      }
    }
    this.entries.delete(id);
    this.entries.set(id, { isPublic, until: t + (isPublic ? (this.options.positiveTtlMs ?? 60_000) : (this.options.negativeTtlMs ?? 10_000)) });
    return isPublic;
  }
}
