import { demoAgencies, demoAuthors, demoSeries, demoTags, demoTopics } from './taxonomy';
import type { DemoArticle } from './types';

/** Characters a reader reads: the body without Markdown markup. */
export function countBodyCharacters(body: string): number {
  return body
    .split('\n')
    .filter((line) => !line.startsWith('::'))
    .join('')
    .replace(/^#+\s|^>\s|^-\s|\[([^\]]*)\]\([^)]*\)/gm, '$1')
    .replace(/\s/g, '').length;
}

/**
 * Problems with a list of demo articles, one line each (empty when all is
 * well): unknown slugs, lengths outside house style, malformed fields.
 */
export function findDemoProblems(articles: DemoArticle[]): string[] {
  const problems: string[] = [];
  const tagSlugs = new Set(demoTags.map((t) => t.slug));
  const topicSlugs = new Set(demoTopics.map((t) => t.slug));
  const seriesSlugs = new Set(demoSeries.map((s) => s.slug));
  const authorSlugs = new Set(demoAuthors.map((a) => a.slug));
  const agencySlugs = new Set(demoAgencies.map((a) => a.slug));
  const keys = new Set<string>();

  for (const a of articles) {
    const at = `${a.key}:`;
    if (!/^[a-z0-9-]+$/.test(a.key)) problems.push(`${at} key must be lowercase ASCII with hyphens`);
    if (keys.has(a.key)) problems.push(`${at} duplicate key`);
    keys.add(a.key);
    if (a.headline.length < 15 || a.headline.length > 60) problems.push(`${at} headline is ${a.headline.length} characters (want 25–45)`);
    const pages = a.body.split('\n::pagebreak\n').length;
    // A live page's lead is short: what a reader reads is the lead and its posts.
    const chars = countBodyCharacters([a.body, ...(a.live?.posts ?? []).map((p) => p.body)].join('\n'));
    const max = pages > 1 ? 6000 : 2000;
    if (chars < 600 || chars > max) problems.push(`${at} body is ${chars} characters (want 600–${max})`);
    if (/<[a-z!/]/i.test(a.body)) problems.push(`${at} body contains raw HTML`);
    for (const t of a.tags) if (!tagSlugs.has(t)) problems.push(`${at} unknown tag ${t}`);
    for (const t of a.topics ?? []) if (!topicSlugs.has(t)) problems.push(`${at} unknown topic ${t}`);
    for (const s of a.authors ?? []) if (!authorSlugs.has(s)) problems.push(`${at} unknown author ${s}`);
    if (a.series && !seriesSlugs.has(a.series)) problems.push(`${at} unknown series ${a.series}`);
    if (a.wire && !agencySlugs.has(a.wire.agency)) problems.push(`${at} unknown agency ${a.wire.agency}`);
    if (a.wire && !/^\[[A-Za-z0-9-]+\]$/.test(a.wire.code)) problems.push(`${at} wire code must look like [nP4K7QX2M9]`);
    if ('time' in a.published && !/^([01]\d|2[0-3]):[0-5]\d$/.test(a.published.time)) problems.push(`${at} time must be HH:MM`);
    if (a.status === 'scheduled' && !('daysAgo' in a.published && a.published.daysAgo < 0)) problems.push(`${at} scheduled articles need a negative daysAgo`);
    for (const m of a.body.matchAll(/^::figure\[[^\]]+\]\{([^}]*)\}$/gm)) {
      const attrs = m[1] ?? '';
      for (const need of ['src=', 'alt=', 'credit=', 'motif=']) if (!attrs.includes(need)) problems.push(`${at} figure lacks ${need}`);
    }
    for (const line of a.body.split('\n')) {
      if (line.startsWith('::') && !/^::(pagebreak|figure\[[^\]]+\]\{[^}]*\})$/.test(line)) problems.push(`${at} bad directive line: ${line}`);
    }
  }
  return problems;
}
