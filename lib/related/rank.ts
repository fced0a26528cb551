/**
 * The order of あわせて読みたい: which public articles to suggest under a
 * story, best first. Pure: the query (lib/content/related.ts) gathers the
 * candidates and their links, this decides.
 *
 * The order, as the editors asked for it:
 * 1. articles in the same series or sharing a topic,
 * 2. then articles sharing tags (rarer tags count for more),
 * 3. then articles in the same section,
 * 4. then the newest of the rest (the model page fills its row with other
 *    sections' news once the close relations run out).
 * Within each tier a stronger relation ranks first, but it fades with age,
 * so a fresh story beats an old one with the same relation.
 */

/** What the ranking needs to know about an article. */
export type RelatedFeatures = {
  id: string;
  sectionSlug: string;
  seriesSlug: string | null;
  topicSlugs: readonly string[];
  tagSlugs: readonly string[];
  /** ISO-8601 UTC. */
  publishedAt: string;
};

export type RankOptions = {
  now: Date;
  /** How many articles carry each tag; a tag on few articles says more. Missing = 1. */
  tagCounts: ReadonlyMap<string, number>;
  limit: number;
};

/** Tiers, best first. */
export const RELATED_TIER = { seriesOrTopic: 0, tags: 1, section: 2, other: 3 } as const;

// Days for a relation's strength to halve. Two weeks: news suggestions go
// stale fast, but a close relation from last month still beats a loose one
// from this morning within the same tier.
const HALF_LIFE_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Weight of one shared tag, falling with the number of articles that carry
 * it: 1 for a tag on one article, 0.5 on three, 0.2 on 31, under 0.1 on
 * 1,000. A person in two stories links them; a city in thousands barely does.
 */
export function tagWeight(articlesWithTag: number): number {
  return 1 / Math.log2(1 + Math.max(1, articlesWithTag));
}

/** Which tier a candidate falls in for `subject`. */
export function decideRelatedTier(subject: RelatedFeatures, candidate: RelatedFeatures): number {
  const sameSeries = subject.seriesSlug !== null && candidate.seriesSlug === subject.seriesSlug;
  if (sameSeries || candidate.topicSlugs.some((t) => subject.topicSlugs.includes(t))) return RELATED_TIER.seriesOrTopic;
  if (candidate.tagSlugs.some((t) => subject.tagSlugs.includes(t))) return RELATED_TIER.tags;
  if (candidate.sectionSlug === subject.sectionSlug) return RELATED_TIER.section;
  return RELATED_TIER.other;
}

function relationStrength(subject: RelatedFeatures, candidate: RelatedFeatures, options: RankOptions): number {
  let strength = 1;
  if (subject.seriesSlug !== null && candidate.seriesSlug === subject.seriesSlug) strength += 2;
  strength += 2 * candidate.topicSlugs.filter((t) => subject.topicSlugs.includes(t)).length;
  for (const tag of candidate.tagSlugs) {
    if (subject.tagSlugs.includes(tag)) strength += 2 * tagWeight(options.tagCounts.get(tag) ?? 1);
  }
  if (candidate.sectionSlug === subject.sectionSlug) strength += 0.5;
  return strength;
}

/**
 * Candidates ordered for the subject's あわせて読みたい, at most `limit`.
 * The subject itself and articles published after `now` are never returned
 * (the query already keeps drafts out; this guards the rule twice).
 */
export function rankRelated(subject: RelatedFeatures, candidates: readonly RelatedFeatures[], options: RankOptions): RelatedFeatures[] {
  const nowMs = options.now.getTime();
  const seen = new Set<string>([subject.id]);
  const scored: { candidate: RelatedFeatures; tier: number; score: number; time: number }[] = [];
  for (const candidate of candidates) {
    const time = Date.parse(candidate.publishedAt);
    if (seen.has(candidate.id) || Number.isNaN(time) || time > nowMs) continue;
    seen.add(candidate.id);
    const ageDays = (nowMs - time) / DAY_MS;
    const score = relationStrength(subject, candidate, options) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
    scored.push({ candidate, tier: decideRelatedTier(subject, candidate), score, time });
  }
  scored.sort((a, b) => a.tier - b.tier || b.score - a.score || b.time - a.time || (a.candidate.id < b.candidate.id ? -1 : 1));
  return scored.slice(0, options.limit).map((s) => s.candidate);
}
