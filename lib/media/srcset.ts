/** The range of CSS widths, in px, a picture is ever drawn at across the layouts that show it. */
export type DrawnWidths = { min: number; max: number };

/**
 * Device pixels per CSS pixel the candidates cover. A 3× phone then gets the
 * candidate made for 2× of the widest layout, which is still at least as wide
 * as it needs wherever the widest layout is twice the phone's (the hero: 358 px
 * × 3 ≤ 760 px × 2), and one slightly soft picture otherwise.
 */
const MAX_DENSITY = 2;
/** Candidates closer than this ratio to the one kept before them add bytes and no choice (next.config's 384 and 390). */
const MIN_STEP = 1.05;

type Candidate = { url: string; width: number };

function parseSrcSet(srcSet: string): Candidate[] | null {
  const candidates: Candidate[] = [];
  // next/image writes `url 640w, url 828w`; its URLs never contain ", ".
  for (const entry of srcSet.split(', ')) {
    const match = /^(\S+) (\d+)w$/.exec(entry.trim());
    if (!match) return null;
    candidates.push({ url: match[1]!, width: Number(match[2]) });
  }
  return candidates;
}

/**
 * Drops the candidates of a next/image `srcSet` (width descriptors) that no
 * browser picks for a picture drawn between `drawn.min` and `drawn.max` CSS
 * px: those narrower than it is ever drawn at 1×, those wider than the first
 * that covers its widest layout at {@link MAX_DENSITY}×, and near-duplicates.
 * next/image otherwise lists every configured width (ten for a fixed `sizes`,
 * eight for the related cards' `vw` sizes), and the page carries each
 * candidate twice, in its HTML and in its RSC payload. Returns the `src`
 * (the widest kept candidate, as next/image's own fallback is its widest) with
 * the trimmed `srcSet`; anything it cannot read is returned unchanged.
 */
export function trimSrcSet(
  image: { src: string; srcSet?: string | undefined },
  drawn: DrawnWidths,
): { src: string; srcSet: string | undefined } {
  const candidates = image.srcSet ? parseSrcSet(image.srcSet) : null;
  if (!candidates || candidates.length === 0) return { src: image.src, srcSet: image.srcSet };
  const sorted = [...candidates].sort((a, b) => a.width - b.width);
  const widest = sorted.at(-1)!;
  const from = sorted.find((c) => c.width >= drawn.min) ?? widest;
  const to = sorted.find((c) => c.width >= drawn.max * MAX_DENSITY) ?? widest;
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (candidate.width < from.width || candidate.width > to.width) continue;
    const previous = kept.at(-1);
    // Of two near-duplicates keep the wider one, so the widest needed survives.
    if (previous && candidate.width < previous.width * MIN_STEP) kept.pop();
    kept.push(candidate);
  }
  return { src: kept.at(-1)!.url, srcSet: kept.map((c) => `${c.url} ${c.width}w`).join(', ') };
}
