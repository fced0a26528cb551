import { Parser, jaModel } from 'budoux';
import { type Scheme, tone } from './colour';
import { n, rect } from './svg';

// librsvg picks whichever installed font matches; CJK coverage matters for cover titles.
const FONT_FAMILY = "'Noto Sans CJK JP', sans-serif";

const phrases = new Parser(jaModel);

/** Width of `text` in ems: CJK and full-width forms are 1em, the rest about 0.6em. */
function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F]/u.test(ch) ? 1 : 0.6;
  return em;
}

/**
 * Breaks a title into lines of at most `maxEm`. A space always starts a new
 * line, as a cover sets 「主題 副題」 on two lines; otherwise lines break between
 * BudouX phrases, so a Japanese word is split only when it alone is too long.
 */
function wrapLabel(label: string, maxEm: number): string[] {
  return label
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .flatMap((part) => wrapPhrases(part, maxEm));
}

function wrapPhrases(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const phrase of phrases.parse(text)) {
    if (textWidthEm(current + phrase) <= maxEm) {
      current += phrase;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const ch of phrase) {
      if (textWidthEm(current + ch) > maxEm && current) {
        lines.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type CoverPlan = {
  masthead: string;
  /** Masthead band height in pixels (0 without a masthead). */
  band: number;
  mastheadSize: number;
  lines: string[];
  titleSize: number;
  margin: number;
  artTop: number;
  artBottom: number;
};

/**
 * Lays out a cover: masthead band on top, title block at the foot sized to
 * its wrapped lines, the picture in between.
 */
export function planCover(w: number, h: number, label: string, masthead: string): CoverPlan {
  const margin = w * 0.07;
  const band = masthead ? h * 0.15 : 0;
  const mastheadSize = masthead ? Math.min(band * 0.62, ((w - margin * 2) / textWidthEm(masthead)) * 0.95) : 0;
  const innerW = w - margin * 2 - w * 0.04;
  const maxBlockH = h * 0.36;
  let titleSize = Math.min(w * 0.11, h * 0.085);
  let lines = wrapLabel(label, innerW / titleSize);
  while (titleSize > 12 && lines.length * titleSize * 1.3 > maxBlockH) {
    titleSize -= 2;
    lines = wrapLabel(label, innerW / titleSize);
  }
  const blockH = lines.length * titleSize * 1.3 + margin * 1.6;
  return { masthead, band, mastheadSize, lines, titleSize, margin, artTop: band, artBottom: h - blockH };
}

/** Masthead and title over the planned cover; the picture is already drawn. */
export function drawCover(plan: CoverPlan, w: number, h: number, s: Scheme): string {
  const { band, margin, titleSize, lines } = plan;
  const brand = tone(s.brand);
  let out = '';
  if (plan.masthead) {
    out += rect(0, 0, w, band, brand);
    out += `<text x="${n(w / 2)}" y="${n(band * 0.5 + plan.mastheadSize * 0.36)}" font-family="${FONT_FAMILY}" font-size="${n(plan.mastheadSize)}" font-weight="bold" fill="#ffffff" text-anchor="middle" letter-spacing="${n(plan.mastheadSize * 0.04)}">${escapeXml(plan.masthead)}</text>`;
  }
  const lead = titleSize * 1.3;
  const blockTop = plan.artBottom;
  out += rect(0, blockTop, w, h * 0.012, brand);
  out += rect(margin, blockTop + margin * 0.8, w * 0.015, lines.length * lead - (lead - titleSize), brand);
  out += `<text font-family="${FONT_FAMILY}" font-size="${n(titleSize)}" font-weight="bold" fill="${tone(s.ink, -5)}">`;
  for (const [i, text] of lines.entries()) {
    out += `<tspan x="${n(margin + w * 0.04)}" y="${n(blockTop + margin * 0.8 + lead * i + titleSize * 0.88)}">${escapeXml(text)}</tspan>`;
  }
  return `${out}</text>`;
}
