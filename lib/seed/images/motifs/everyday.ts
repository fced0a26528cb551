// Daily life: trains, the stage, books and crowds.
import { accent, accentNear, tone } from '../colour';
import { areaBelow, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, type Point, polygon, rect, rollingLine, sky, sun, verticalGradient } from '../svg';

export const drawTrain: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.28) * h, h * r.range(0.05, 0.08), dusk);
  if (!dusk) out += clouds(scene, r.int(1, 3), h * 0.3);
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.5, 0.58), h * 0.05), w, h), tone([accent(s, 0)[0], 22, dusk ? 28 : 70]));
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.62, 0.68), h * 0.035), w, h), tone([accent(s, 1)[0], 30, dusk ? 20 : 58]));
  const rail = h * r.range(0.7, 0.76);
  const carH = h * r.range(0.1, 0.13);
  const deckH = h * 0.035;
  const structure = tone(s.ink, dusk ? 8 : 35, -15);
  let scenery = '';
  const poleGap = w * r.range(0.14, 0.2);
  const poleStart = r.range(0, poleGap);
  for (let x = poleStart; x < w; x += poleGap) {
    scenery += rect(x, rail + deckH, w * 0.03, h - rail, structure) + rect(x - w * 0.004, rail - carH * 1.9, w * 0.006, carH * 1.9, tone(s.ink, 20));
    scenery += rect(x - w * 0.02, rail - carH * 1.75, w * 0.04, h * 0.006, tone(s.ink, 20));
  }
  scenery += rect(0, rail, w, deckH, structure) + rect(0, rail, w, deckH * 0.25, tone(s.ink, 10));
  scenery += `<path d="M0 ${n(rail - carH * 1.7)}${Array.from({ length: Math.ceil(w / poleGap) + 1 }, (_, i) => `Q${n(poleStart + (i - 0.5) * poleGap)} ${n(rail - carH * 1.6)} ${n(poleStart + i * poleGap)} ${n(rail - carH * 1.7)}`).join('')}" fill="none" stroke="${tone(s.ink, 15)}" stroke-width="${n(h * 0.003)}"/>`;

  const bullet = r.chance(0.55);
  const body = bullet ? '#f4f6f8' : tone(accent(s, 2), 10, -5);
  const stripe = bullet ? tone(accent(s, 0), -5, 10) : tone(accent(s, 3), 15, 10);
  const carL = w * r.range(0.2, 0.26);
  const gap = w * 0.006;
  const top = rail - carH - h * 0.012;
  const cars = r.int(3, 5);
  const front = w * r.range(0.62, 0.95);
  let train = '';
  for (let i = 0; i < cars; i++) {
    const x1 = front - i * (carL + gap);
    const x0 = x1 - carL;
    if (i === 0) {
      const nose = bullet ? carL * 0.45 : carH * 0.12;
      const d = bullet
        ? `M${n(x0)} ${n(top)}L${n(x1 - nose)} ${n(top)}C${n(x1 - nose * 0.3)} ${n(top)} ${n(x1 + nose * 0.1)} ${n(top + carH * 0.65)} ${n(x1 + nose * 0.2)} ${n(top + carH)}L${n(x0)} ${n(top + carH)}Z`
        : `M${n(x0)} ${n(top)}L${n(x1 - nose)} ${n(top)}Q${n(x1)} ${n(top)} ${n(x1)} ${n(top + nose)}L${n(x1)} ${n(top + carH)}L${n(x0)} ${n(top + carH)}Z`;
      train += path(d, body);
      train += bullet
        ? path(`M${n(x1 - nose * 0.85)} ${n(top + carH * 0.08)}C${n(x1 - nose * 0.5)} ${n(top + carH * 0.08)} ${n(x1 - nose * 0.3)} ${n(top + carH * 0.2)} ${n(x1 - nose * 0.2)} ${n(top + carH * 0.35)}L${n(x1 - nose * 0.85)} ${n(top + carH * 0.35)}Z`, tone(s.ink, 10))
        : rect(x1 - carH * 0.06, top + carH * 0.12, carH * 0.06, carH * 0.4, tone(s.ink, 10));
      train += rect(x0, top + carH * 0.62, carL - nose * 0.15 + (bullet ? nose * 0.05 : 0), carH * 0.1, stripe);
    } else {
      train += rect(x0, top, carL, carH, body, ` rx="${n(carH * 0.12)}"`);
      train += rect(x0, top + carH * 0.62, carL, carH * 0.1, stripe);
    }
    const windows = bullet ? 9 : 6;
    const usable = carL * (i === 0 ? (bullet ? 0.5 : 0.85) : 0.9);
    for (let k = 0; k < windows; k++) {
      const wx = x0 + carL * 0.05 + (usable / windows) * k;
      train += rect(wx, top + carH * 0.2, (usable / windows) * (bullet ? 0.6 : 0.7), carH * (bullet ? 0.2 : 0.3), tone(s.ink, 15), ` rx="${n(carH * 0.03)}"`);
    }
    if (!bullet) train += rect(x0 + carL * 0.45, top + carH * 0.15, carL * 0.08, carH * 0.8, tone(accent(s, 2), -10, -5));
    train += rect(x0 + carL * 0.1, top + carH, carL * 0.18, h * 0.012, tone(s.ink, 0)) + rect(x1 - carL * 0.28, top + carH, carL * 0.18, h * 0.012, tone(s.ink, 0));
    if (!bullet) train += polygon([[x0 + carL * 0.4, top], [x0 + carL * 0.5, top - carH * 0.35], [x0 + carL * 0.6, top]], 'none', ` stroke="${tone(s.ink, 15)}" stroke-width="${n(h * 0.004)}"`);
  }
  const tail = front - cars * (carL + gap);
  for (let i = r.int(3, 6); i > 0; i--) {
    const y = top + carH * r.range(0.1, 0.9);
    const x = Math.max(0, tail) - w * r.range(0.02, 0.1);
    train += line(x, y, x + w * r.range(0.06, 0.14), y, '#ffffff', h * 0.005, opacity(0.6));
  }
  out += maybeMirror(scene, scenery + train, r.chance(0.5));
  return out;
};

export const drawStage: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wall = accent(s, 0);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([wall[0], 35, 10]), tone([wall[0], 40, 20])));
  const floorTop = h * r.range(0.7, 0.76);
  const beams = r.int(2, 4);
  const beamColor = tone([accent(s, 2)[0], 80, 85]);
  const spots: Point[] = [];
  for (let i = 0; i < beams; i++) {
    const tx = w * (0.2 + (0.6 * (i + 0.5)) / beams) + r.range(-0.05, 0.05) * w;
    const fx = w * r.range(0.3, 0.7) + (i - (beams - 1) / 2) * w * 0.15;
    const spread = w * r.range(0.08, 0.12);
    spots.push([fx, floorTop + (h - floorTop) * 0.35]);
    out += polygon([[tx - w * 0.015, 0], [tx + w * 0.015, 0], [fx + spread, floorTop + (h - floorTop) * 0.35], [fx - spread, floorTop + (h - floorTop) * 0.35]], beamColor, opacity(0.14));
  }
  out += rect(0, floorTop, w, h - floorTop, tone([accent(s, 3)[0], 30, 22]));
  out += rect(0, floorTop, w, h * 0.01, tone([accent(s, 3)[0], 35, 34]));
  for (const [x, y] of spots) out += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w * 0.11)}" ry="${n((h - floorTop) * 0.2)}" fill="${beamColor}" opacity="0.3"/>`;
  const performer = tone([wall[0], 30, 6]);
  for (const [x, y] of spots.slice(0, r.int(1, spots.length))) {
    const ph = h * r.range(0.28, 0.36);
    const raised = r.chance(0.5);
    out += path(`M${n(x - ph * 0.16)} ${n(y)}L${n(x - ph * 0.12)} ${n(y - ph * 0.62)}Q${n(x)} ${n(y - ph * 0.78)} ${n(x + ph * 0.12)} ${n(y - ph * 0.62)}L${n(x + ph * 0.16)} ${n(y)}Z`, performer);
    out += circle(x, y - ph * 0.86, ph * 0.1, performer);
    out += line(x - ph * 0.1, y - ph * 0.62, x - ph * (raised ? 0.28 : 0.22), y - ph * (raised ? 0.95 : 0.3), performer, ph * 0.06);
    out += line(x + ph * 0.1, y - ph * 0.62, x + ph * 0.26, y - ph * (raised ? 0.9 : 0.5), performer, ph * 0.06);
  }
  const curtain = accent(s, 1);
  const curtainW = w * r.range(0.12, 0.18);
  let folds = '';
  for (const side of [0, 1]) {
    const x0 = side ? w - curtainW : 0;
    const inner = side ? w - curtainW : curtainW;
    const outer = side ? w : 0;
    const tie = h * r.range(0.55, 0.65);
    const d = `M${n(outer)} 0L${n(inner)} 0Q${n(inner + (side ? 1 : -1) * curtainW * 0.1)} ${n(tie * 0.7)} ${n(outer + (side ? -1 : 1) * curtainW * 0.35)} ${n(tie)}Q${n(inner)} ${n(tie + h * 0.15)} ${n(inner + (side ? -1 : 1) * curtainW * 0.1)} ${n(h)}L${n(outer)} ${n(h)}Z`;
    out += path(d, tone(curtain, -12, 5));
    for (let k = 1; k < 4; k++) folds += `M${n(x0 + (curtainW * k) / 4)} 0L${n(x0 + (curtainW * k) / 4 + (side ? 1 : -1) * curtainW * 0.05)} ${n(tie)}`;
  }
  out += `<path d="${folds}" stroke="${tone(curtain, -28)}" stroke-width="${n(w * 0.006)}" opacity="0.6"/>`;
  const scallops = r.int(7, 11);
  const valance = h * 0.09;
  let d = `M0 0L${w} 0L${w} ${n(valance)}`;
  for (let i = scallops; i > 0; i--) d += `Q${n((w * (i - 0.5)) / scallops)} ${n(valance * 1.6)} ${n((w * (i - 1)) / scallops)} ${n(valance)}`;
  out += path(`${d}Z`, tone(curtain, -18, 5));
  const audience = tone([wall[0], 25, 4]);
  for (const [row, scale] of [[0, 0.08], [1, 0.1]] as const) {
    const y = h * (row ? 1.02 : 0.96);
    for (let x = -r.range(0, scale) * h; x < w + scale * h; x += scale * h * r.range(1.1, 1.4)) {
      out += circle(x, y - scale * h * 1.05, scale * h * 0.42, audience) + rect(x - scale * h * 0.6, y - scale * h * 0.6, scale * h * 1.2, scale * h, audience, ` rx="${n(scale * h * 0.4)}"`);
    }
  }
  return out;
};

export const drawBooks: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.paper, -6), tone(s.paper, -14)));
  const shelves = h > w ? 3 : 2;
  const plank = h * 0.035;
  const wood = tone([accent(s, 3)[0], 30, 38]);
  const margin = w * 0.06;
  for (let i = 0; i < shelves; i++) {
    const floor = h * (0.12 + ((i + 1) * 0.82) / shelves) - plank;
    const room = (h * 0.82) / shelves - plank * 1.5;
    let x = margin + r.range(0, 0.04) * w;
    while (x < w - margin) {
      const roll = r.next();
      if (roll < 0.06 && x < w - margin - w * 0.12) {
        // A short pile of books lying flat.
        let y = floor;
        const pileW = w * r.range(0.09, 0.13);
        for (let k = r.int(2, 4); k > 0; k--) {
          const bh = room * r.range(0.08, 0.12);
          const inset = r.range(0, 0.1) * pileW;
          out += rect(x + inset, y - bh, pileW - inset, bh, tone(accent(s, r.int(0, 3)), r.range(-10, 12), -10), ` rx="${n(bh * 0.1)}"`);
          y -= bh;
        }
        x += pileW + w * 0.01;
        continue;
      }
      if (roll < 0.1 && x < w - margin - w * 0.06) {
        const pot = room * 0.3;
        out += path(`M${n(x)} ${n(floor - pot)}L${n(x + pot)} ${n(floor - pot)}L${n(x + pot * 0.85)} ${n(floor)}L${n(x + pot * 0.15)} ${n(floor)}Z`, tone(accent(s, 1), -5));
        for (let k = 0; k < 5; k++) out += `<ellipse cx="${n(x + pot * 0.5 + (k - 2) * pot * 0.22)}" cy="${n(floor - pot - pot * 0.5)}" rx="${n(pot * 0.14)}" ry="${n(pot * 0.45)}" fill="${tone([accentNear(s, 130)[0], 40, 35])}" transform="rotate(${(k - 2) * 18} ${n(x + pot * 0.5)} ${n(floor - pot)})"/>`;
        x += pot + w * 0.015;
        continue;
      }
      const bw = w * r.range(0.018, 0.04);
      const bh = room * r.range(0.55, 0.92);
      const color = accent(s, r.int(0, 3));
      const fill = tone(color, r.range(-14, 14), r.range(-15, 5));
      const lean = roll > 0.93 ? r.range(8, 16) : 0;
      const spine =
        rect(x, floor - bh, bw, bh, fill, ` rx="${n(bw * 0.08)}"`) +
        rect(x, floor - bh * 0.88, bw, bh * 0.04, tone(color, 25), opacity(0.8)) +
        (r.chance(0.5) ? rect(x + bw * 0.2, floor - bh * 0.7, bw * 0.6, bh * 0.25, tone(color, 30), opacity(0.6)) : rect(x, floor - bh * 0.14, bw, bh * 0.04, tone(color, 25), opacity(0.8)));
      if (lean) {
        out += `<g transform="rotate(${n(lean)} ${n(x + bw)} ${n(floor)})">${spine}</g>`;
        x += bw + bh * Math.sin((lean * Math.PI) / 180) + w * 0.005;
      } else {
        out += spine;
        x += bw + w * r.range(0.001, 0.004);
      }
    }
    out += rect(0, floor, w, plank, wood) + rect(0, floor + plank, w, plank * 0.4, tone([accent(s, 3)[0], 30, 24]));
  }
  return out;
};

export const drawCrowd: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.skyTop, 4), tone(s.skyBottom, 2)));
  if (r.chance(0.6)) {
    let skyline = '';
    for (let x = 0; x < w; x += w * r.range(0.05, 0.1)) {
      const bh = h * r.range(0.15, 0.4);
      skyline += `M${n(x)} ${n(h)}V${n(h * 0.62 - bh)}H${n(x + w * r.range(0.04, 0.08))}V${n(h)}Z`;
    }
    out += path(skyline, tone(s.skyBottom, -12, -20), opacity(0.6));
  } else {
    out += sun(scene, r.range(0.15, 0.85) * w, h * r.range(0.12, 0.25), h * r.range(0.06, 0.09), false);
  }
  const rows = r.int(4, 5);
  const extra = r.pick(['placards', 'umbrellas', 'bubbles'] as const);
  let extras = '';
  for (let i = 0; i < rows; i++) {
    const t = i / (rows - 1);
    const size = h * (0.1 + t * 0.12);
    const baseline = h * (0.5 + t * 0.55);
    let x = -r.range(0, 0.5) * size;
    while (x < w + size) {
      const c = accent(s, r.int(0, 3));
      const body = tone(c, 6 - t * 14 + r.range(-6, 6), -10 - (1 - t) * 20);
      const bw = size * r.range(0.75, 0.95);
      const bh = size * r.range(0.85, 1.05);
      const head = size * r.range(0.2, 0.24);
      const top = baseline - bh;
      out += path(`M${n(x - bw / 2)} ${n(baseline)}V${n(top + bw * 0.3)}Q${n(x - bw / 2)} ${n(top)} ${n(x - bw * 0.2)} ${n(top)}H${n(x + bw * 0.2)}Q${n(x + bw / 2)} ${n(top)} ${n(x + bw / 2)} ${n(top + bw * 0.3)}V${n(baseline)}Z`, body);
      out += circle(x, top - head * 1.05, head, tone([c[0], 25, 22 + (1 - t) * 30]));
      if (i > 0 && i < rows - 1 && r.chance(0.12)) {
        const ex = x + bw * 0.3;
        const ey = top - size * 0.9;
        if (extra === 'placards') {
          extras += line(ex, ey, ex, top + bh * 0.2, tone(s.ink, 20), size * 0.04) + rect(ex - size * 0.4, ey - size * 0.45, size * 0.8, size * 0.5, tone(accent(s, r.int(0, 3)), 25, 10), ` rx="${n(size * 0.04)}"`);
        } else if (extra === 'umbrellas') {
          extras += path(`M${n(ex - size * 0.7)} ${n(ey + size * 0.3)}A${n(size * 0.7)} ${n(size * 0.55)} 0 0 1 ${n(ex + size * 0.7)} ${n(ey + size * 0.3)}Z`, tone(accent(s, r.int(0, 3)), 8, 10)) + line(ex, ey + size * 0.3, ex, top, tone(s.ink, 20), size * 0.035);
        } else {
          extras += rect(ex - size * 0.35, ey - size * 0.5, size * 0.9, size * 0.5, '#ffffff', ` rx="${n(size * 0.2)}"${opacity(0.9)}`) + polygon([[ex - size * 0.1, ey], [ex + size * 0.1, ey], [ex - size * 0.15, ey + size * 0.2]], '#ffffff', opacity(0.9));
        }
      }
      x += bw * r.range(0.95, 1.25);
    }
    if (i === rows - 3 || (rows === 4 && i === 1)) {
      out += extras;
      extras = '';
    }
  }
  return out + extras;
};
