import { createHash } from 'node:crypto';
import { addToCounts, type ViewCounts } from '../rankings/store';
import { PERIOD_HOURS, toHourKey } from '../rankings/windows';
import { getJstDateParts } from '../time/jst';
import { createRandom } from './scale';

const HOUR_MS = 3_600_000;

// Share of an average hour's readers by hour of day in Japan: the morning
// commute, lunch and the late evening are the peaks of a news site.
const JST_HOURLY_SHAPE = [0.5, 0.3, 0.2, 0.15, 0.15, 0.25, 0.6, 1.0, 1.2, 0.9, 0.8, 0.9, 1.3, 1.1, 0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.2, 0.8];

/** The article's own random sequence, so its history is the same on every seed. */
function randomFor(id: string): () => number {
  return createRandom(createHash('sha256').update(`kiji-views:${id}`).digest().readUInt32LE(0));
}

/**
 * A plausible 30-day page-view history for the demo's public articles, by
 * JST hour, so the rankings look real on first start. Each article draws a
 * popularity; its readership peaks when it is published and decays over a
 * day or so, and about one in six keeps a long tail of readers (explainers,
 * features), which is what makes 月間 differ from 週間 and 24時間. Hours of
 * the day follow a Japanese news site's rhythm. Deterministic for a given
 * `now` and article list.
 */
export function buildDemoViewHistory(articles: { id: string; publishedAt: string }[], now: Date): ViewCounts {
  const counts: ViewCounts = new Map();
  const nowMs = now.getTime();
  const currentHourStart = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const firstHourStart = currentHourStart - (PERIOD_HOURS.month - 1) * HOUR_MS;
  for (const { id, publishedAt } of articles) {
    const random = randomFor(id);
    const published = Date.parse(publishedAt);
    // Log-normal popularity: most articles are ordinary, a few are hits.
    const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const peakPerHour = 90 * Math.exp(0.8 * gauss);
    const tail = random() < 0.17 ? 0.06 + 0.12 * random() : 0.004 + 0.01 * random();
    const decayHours = 10 + 14 * random();
    for (let start = Math.max(firstHourStart, Math.floor(published / HOUR_MS) * HOUR_MS); start <= currentHourStart; start += HOUR_MS) {
      const ageHours = Math.max(0, (start - published) / HOUR_MS);
      const shape = JST_HOURLY_SHAPE[getJstDateParts(new Date(start)).hour] ?? 1;
      // The publication hour and the current hour are only partly elapsed.
      const elapsed = (Math.min(start + HOUR_MS, nowMs) - Math.max(start, published)) / HOUR_MS;
      const rate = peakPerHour * (Math.exp(-ageHours / decayHours) + tail) * shape * Math.max(0, elapsed);
      const views = Math.round(rate * (0.75 + 0.5 * random()));
      if (views > 0) addToCounts(counts, toHourKey(new Date(start)), id, views);
    }
  }
  return counts;
}
