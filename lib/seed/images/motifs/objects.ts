// Things seen close up: coins and notes, smartphones in hands, a shogi board mid-game.
import { accent, type Hsl, tone } from '../colour';
import { circle, type Draw, line, maybeMirror, n, opacity, path, type Point, polygon, rect, verticalGradient } from '../svg';

const SKIN: readonly Hsl[] = [
  [28, 52, 76],
  [26, 44, 66],
  [24, 40, 54],
];

/** Stacks of coins rising like a bar chart in front of fanned banknotes: interest rates, wages, prices, money. */
export const drawCoins: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.paper, -4), tone(s.paper, -16)));
  out += circle(w * r.range(0.3, 0.7), h * 0.35, h * 0.45, tone(accent(s, 0), 30, -10), opacity(0.35));
  // Banknotes, fanned behind: plain panels with a watermark oval and a border, no lettering.
  const notes = r.int(3, 5);
  const nw = Math.min(w * 0.34, h * 0.62);
  const nh = nw * 0.5;
  const fx = w * r.range(0.25, 0.4);
  const fy = h * 0.48;
  for (let i = 0; i < notes; i++) {
    const angle = -30 + (60 * i) / Math.max(1, notes - 1) + r.range(-4, 4);
    const c = accent(s, i);
    const note =
      rect(fx - nw * 0.1, fy - nh, nw, nh, tone([c[0], 30, 80]), ` rx="${n(nh * 0.04)}"`) +
      rect(fx - nw * 0.07, fy - nh * 0.92, nw * 0.94, nh * 0.84, 'none', ` stroke="${tone([c[0], 35, 55])}" stroke-width="${n(nh * 0.03)}"`) +
      `<ellipse cx="${n(fx + nw * 0.58)}" cy="${n(fy - nh * 0.5)}" rx="${n(nh * 0.24)}" ry="${n(nh * 0.3)}" fill="${tone([c[0], 30, 68])}"/>` +
      circle(fx + nw * 0.1, fy - nh * 0.3, nh * 0.12, tone([c[0], 40, 55]), opacity(0.6));
    out += `<g transform="rotate(${n(angle)} ${n(fx)} ${n(fy)})">${note}</g>`;
  }
  // Stacks of coins: a cylinder is a rectangle of edges capped by an ellipse with a rim.
  const tableY = h * r.range(0.84, 0.9);
  out += rect(0, tableY, w, h - tableY, tone([accent(s, 3)[0], 15, 40]));
  const metals: Hsl[] = [
    [44, 70, 55],
    [40, 10, 72],
    [22, 55, 48],
  ];
  const stacks = w > h * 1.2 ? r.int(5, 7) : 4;
  const cw = Math.min((w * 0.62) / stacks, h * 0.16);
  const x0 = w * r.range(0.3, 0.36);
  const rising = r.chance(0.7);
  for (let i = 0; i < stacks; i++) {
    const metal = r.pick(metals);
    const count = rising ? 2 + i * r.int(2, 3) : r.int(2, 12);
    const coinH = cw * 0.16;
    const cx = x0 + i * cw * 1.12;
    const base = tableY + h * 0.03;
    let stack = '';
    for (let k = 0; k < count; k++) {
      const y = base - k * coinH;
      const drift = r.range(-0.03, 0.03) * cw;
      stack += rect(cx - cw / 2 + drift, y - coinH, cw, coinH, tone(metal, -12), ` rx="${n(coinH * 0.3)}"`);
      stack += line(cx - cw / 2 + drift, y - coinH * 0.5, cx + cw / 2 + drift, y - coinH * 0.5, tone(metal, -22), coinH * 0.12, opacity(0.6));
    }
    const topY = base - count * coinH;
    stack += `<ellipse cx="${n(cx)}" cy="${n(topY)}" rx="${n(cw / 2)}" ry="${n(cw * 0.18)}" fill="${tone(metal, 6)}"/><ellipse cx="${n(cx)}" cy="${n(topY)}" rx="${n(cw * 0.36)}" ry="${n(cw * 0.12)}" fill="none" stroke="${tone(metal, -8)}" stroke-width="${n(cw * 0.025)}"/>`;
    if (metal[1] < 20 && r.chance(0.5)) stack += `<ellipse cx="${n(cx)}" cy="${n(topY)}" rx="${n(cw * 0.08)}" ry="${n(cw * 0.03)}" fill="${tone(metal, -25)}"/>`;
    out += stack;
  }
  // A loose coin lying flat in front.
  const lx = w * r.range(0.12, 0.25);
  const metal = r.pick(metals);
  out += `<ellipse cx="${n(lx)}" cy="${n(tableY + h * 0.06)}" rx="${n(cw * 0.55)}" ry="${n(cw * 0.2)}" fill="${tone(metal, -12)}"/><ellipse cx="${n(lx)}" cy="${n(tableY + h * 0.05)}" rx="${n(cw * 0.55)}" ry="${n(cw * 0.2)}" fill="${tone(metal, 6)}"/>`;
  return maybeMirror(scene, out, r.chance(0.3));
};

/** One hand holding a phone, fingers round one side and the thumb over the other. */
function handWithPhone(cx: number, cy: number, size: number, angle: number, skin: Hsl, screen: string, content: string, body: string): string {
  const pw = size * 0.5;
  const ph = size;
  const sk = tone(skin);
  const skShade = tone(skin, -8);
  let g = rect(cx - pw * 0.45, cy + ph * 0.1, pw * 0.9, ph * 1.2, body, ` rx="${n(pw * 0.2)}"`);
  g += path(`M${n(cx - pw * 0.62)} ${n(cy + ph * 0.55)}Q${n(cx - pw * 0.7)} ${n(cy + ph * 0.05)} ${n(cx - pw * 0.5)} ${n(cy - ph * 0.05)}L${n(cx + pw * 0.55)} ${n(cy + ph * 0.05)}Q${n(cx + pw * 0.7)} ${n(cy + ph * 0.3)} ${n(cx + pw * 0.5)} ${n(cy + ph * 0.65)}Z`, sk);
  g += rect(cx - pw / 2, cy - ph / 2, pw, ph, '#1d2126', ` rx="${n(pw * 0.12)}"`) + rect(cx - pw * 0.44, cy - ph * 0.45, pw * 0.88, ph * 0.9, screen, ` rx="${n(pw * 0.08)}"`) + content;
  for (let k = 0; k < 3; k++) g += rect(cx + pw * 0.42, cy - ph * (0.05 - k * 0.15), pw * 0.2, ph * 0.12, k === 1 ? skShade : sk, ` rx="${n(pw * 0.08)}"`);
  g += `<ellipse cx="${n(cx - pw * 0.5)}" cy="${n(cy + ph * 0.05)}" rx="${n(pw * 0.13)}" ry="${n(ph * 0.2)}" fill="${sk}" transform="rotate(20 ${n(cx - pw * 0.5)} ${n(cy + ph * 0.05)})"/>`;
  return `<g transform="rotate(${n(angle)} ${n(cx)} ${n(cy + ph)})">${g}</g>`;
}

/** Hands holding smartphones over a blurred street: apps, social media, misinformation, digital life. */
export const drawPhone: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.35);
  let out = rect(0, 0, w, h, night ? verticalGradient(scene, tone(s.nightTop, 6), tone(s.nightBottom, 6)) : verticalGradient(scene, tone(s.skyTop, 2), tone(s.skyBottom, -10)));
  // Out-of-focus lights or shopfronts behind.
  for (let i = r.int(14, 24); i > 0; i--) out += circle(r.range(0, w), r.range(0, h * 0.8), h * r.range(0.04, 0.12), night ? tone(accent(s, r.int(0, 3)), 20, 10) : '#ffffff', opacity(night ? r.range(0.15, 0.35) : r.range(0.15, 0.3)));
  const count = w > h * 1.2 ? r.int(2, 3) : r.int(1, 2);
  for (let i = 0; i < count; i++) {
    const size = h * r.range(0.5, 0.62);
    const cx = (w * (i + 0.5)) / count + r.range(-0.05, 0.05) * w;
    const cy = h - size * r.range(0.45, 0.6);
    const pw = size * 0.5;
    const ph = size;
    const c = accent(s, i + 1);
    const screen = tone(c, 35, -10);
    // What the screen shows: a picture, a feed of grey bars, a button; never letters.
    let content = rect(cx - pw * 0.38, cy - ph * 0.38, pw * 0.76, ph * 0.3, tone(c, -5, 5), ` rx="${n(pw * 0.04)}"`);
    content += circle(cx - pw * 0.15, cy - ph * 0.28, pw * 0.08, '#ffffff', opacity(0.8)) + polygon([[cx - pw * 0.38, cy - ph * 0.08], [cx - pw * 0.05, cy - ph * 0.24], [cx + pw * 0.2, cy - ph * 0.08]], tone(c, -20, 5));
    for (let k = 0; k < 4; k++) content += rect(cx - pw * 0.38, cy + ph * (0.0 + k * 0.08), pw * r.range(0.4, 0.76), ph * 0.035, tone(s.ink, 40, -15), ` rx="${n(ph * 0.015)}"`);
    if (r.chance(0.6)) content += rect(cx - pw * 0.38, cy + ph * 0.34, pw * 0.76, ph * 0.06, tone(accent(s, 0), 0, 15), ` rx="${n(ph * 0.03)}"`);
    if (r.chance(0.5)) content += circle(cx + pw * 0.28, cy - ph * 0.34, pw * 0.07, tone([0, 75, 55]));
    const sleeve = tone(accent(s, r.int(0, 3)), night ? -20 : -10, -15);
    out += handWithPhone(cx, cy, size, r.range(-12, 12), SKIN[r.int(0, 2)] as Hsl, screen, content, sleeve);
  }
  return out;
};

/** A shogi board mid-game in perspective, pieces as plain wooden pentagons and a hand about to move one. */
export const drawShogi: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const tatami = r.chance(0.5);
  let out = rect(0, 0, w, h, tatami ? tone([70, 35, 62]) : tone([accent(s, 0)[0], 20, 30]));
  if (tatami) for (let y = h * 0.02; y < h; y += h * 0.012) out += line(0, y, w, y, tone([70, 30, 56]), h * 0.003, opacity(0.6));
  // The board: a trapezoid whose nine-by-nine grid follows the perspective.
  const cx = w * r.range(0.45, 0.55);
  const bottomW = Math.min(w * 0.8, h * 1.25);
  const topW = bottomW * 0.72;
  const top = h * 0.1;
  const bottom = h * 0.86;
  const at = (u: number, v: number): Point => {
    const y = top + (bottom - top) * v;
    const half = (topW + (bottomW - topW) * v) / 2;
    return [cx - half + half * 2 * u, y];
  };
  const m = 0.06;
  const corner = (u: number, v: number): Point => at(u, v);
  out += polygon([corner(0, 1), corner(1, 1), [at(1, 1)[0], bottom + h * 0.08], [at(0, 1)[0], bottom + h * 0.08]], tone([32, 50, 40]));
  out += polygon([corner(0, 0), corner(1, 0), corner(1, 1), corner(0, 1)], tone([42, 62, 66]));
  let grid = '';
  for (let k = 0; k <= 9; k++) {
    const f = m + ((1 - 2 * m) * k) / 9;
    const [ax, ay] = at(f, m);
    const [bx, by] = at(f, 1 - m);
    grid += `M${n(ax)} ${n(ay)}L${n(bx)} ${n(by)}`;
    const [cx0, cy0] = at(m, f);
    const [cx1, cy1] = at(1 - m, f);
    grid += `M${n(cx0)} ${n(cy0)}L${n(cx1)} ${n(cy1)}`;
  }
  out += `<path d="${grid}" stroke="${tone([30, 40, 25])}" stroke-width="${n(h * 0.003)}"/>`;
  // Pieces on random squares: the player's pointing away, the opponent's towards us.
  const piece = tone([44, 55, 78]);
  const edge = tone([36, 45, 48]);
  for (let i = r.int(14, 22); i > 0; i--) {
    const col = r.int(0, 8);
    const row = r.chance(0.5) ? r.int(0, 3) : r.int(5, 8);
    const [px, py] = at(m + ((1 - 2 * m) * (col + 0.5)) / 9, m + ((1 - 2 * m) * (row + 0.5)) / 9);
    const cell = (at(1 - m, (row + 0.5) / 9)[0] - at(m, (row + 0.5) / 9)[0]) / 9;
    const pw = cell * 0.72;
    const ph = cell * 0.62;
    const flip = row < 4 ? 180 : 0;
    out += `<g transform="rotate(${flip} ${n(px)} ${n(py)})">${polygon([[px, py - ph * 0.6], [px + pw * 0.4, py - ph * 0.3], [px + pw * 0.48, py + ph * 0.45], [px - pw * 0.48, py + ph * 0.45], [px - pw * 0.4, py - ph * 0.3]], piece, ` stroke="${edge}" stroke-width="${n(cell * 0.03)}"`)}${line(px - pw * 0.12, py - ph * 0.05, px + pw * 0.12, py + ph * 0.12, tone([20, 40, 22]), cell * 0.05)}</g>`;
  }
  // A hand reaching in from the edge, holding a piece between two fingers.
  const skin = SKIN[r.int(0, 2)] as Hsl;
  const [hx, hy] = at(r.range(0.35, 0.65), r.range(0.45, 0.6));
  const size = h * 0.16;
  const sleeve = tone(r.chance(0.5) ? [accent(s, 1)[0], 25, 25] : [220, 15, 20]);
  const fromRight = r.chance(0.5);
  const dir = fromRight ? 1 : -1;
  let hand = path(`M${n(hx + dir * size * 0.4)} ${n(hy + size * 0.2)}L${n(hx + dir * w)} ${n(hy + size * 1.4)}L${n(hx + dir * w)} ${n(hy + size * 2.4)}L${n(hx + dir * size * 0.2)} ${n(hy + size * 0.75)}Z`, sleeve);
  hand += `<ellipse cx="${n(hx + dir * size * 0.25)}" cy="${n(hy + size * 0.35)}" rx="${n(size * 0.42)}" ry="${n(size * 0.3)}" fill="${tone(skin)}" transform="rotate(${n(dir * 25)} ${n(hx + dir * size * 0.25)} ${n(hy + size * 0.35)})"/>`;
  hand += line(hx + dir * size * 0.05, hy + size * 0.2, hx - dir * size * 0.15, hy - size * 0.05, tone(skin), size * 0.14) + line(hx + dir * size * 0.1, hy + size * 0.35, hx - dir * size * 0.12, hy + size * 0.22, tone(skin, -6), size * 0.13);
  hand += polygon([[hx - dir * size * 0.2, hy - size * 0.2], [hx - dir * size * 0.05, hy - size * 0.12], [hx - dir * size * 0.08, hy + size * 0.08], [hx - dir * size * 0.3, hy + size * 0.05], [hx - dir * size * 0.32, hy - size * 0.1]], piece, ` stroke="${edge}" stroke-width="${n(size * 0.02)}"`);
  out += hand;
  return out;
};
