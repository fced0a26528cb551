// Outdoor scenes: skylines, coasts, countryside and the sea.
import { accent, accentNear, tone } from '../colour';
import { areaBelow, birds, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, type Point, polygon, rect, rollingLine, sky, smoothD, stars, sun, verticalGradient } from '../svg';

export const drawCity: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.35);
  let out = sky(scene, night);
  if (night) out += stars(scene, r.int(20, 40), h * 0.45);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.08), night);
  if (!night) out += clouds(scene, r.int(0, 2), h * 0.3);
  const horizon = h * r.range(0.8, 0.88);
  const lit = '#ffd980';
  const layers = [
    { fill: night ? tone(s.nightBottom, 6, -10) : tone(s.skyBottom, -16, -22), min: 0.3, max: 0.58, windows: false },
    { fill: night ? tone(accent(s, 0), -30, -30) : tone(accent(s, 0), 0, -22), min: 0.2, max: 0.46, windows: false },
    { fill: night ? tone(s.ink, -4) : tone(s.ink, 14), min: 0.12, max: 0.36, windows: true },
  ];
  for (const [depth, layer] of layers.entries()) {
    let x = -r.range(0, 0.04) * w;
    while (x < w) {
      const bw = w * r.range(0.045, 0.1) * (1 + depth * 0.15);
      const bh = h * r.range(layer.min, layer.max);
      const top = horizon - bh;
      const roof = r.int(0, 4);
      if (roof === 3) {
        out += polygon([[x, horizon], [x, top + bh * 0.08], [x + bw, top], [x + bw, horizon]], layer.fill);
      } else {
        out += rect(x, top, bw, bh, layer.fill);
        if (roof === 1) out += rect(x + bw * 0.2, top - bh * 0.07, bw * 0.6, bh * 0.07, layer.fill);
        if (roof === 2) out += rect(x + bw * 0.45, top - bh * 0.22, Math.max(2, bw * 0.05), bh * 0.22, layer.fill);
      }
      if (layer.windows) {
        const glass = night ? lit : tone(s.skyBottom, 4);
        const alpha = night ? r.range(0.55, 0.85) : 0.45;
        const pad = bw * 0.14;
        const style = r.int(0, 2);
        if (style === 0) {
          for (let y = top + pad + bh * 0.04; y < horizon - pad; y += h * 0.034) out += rect(x + pad, y, bw - pad * 2, h * 0.014, glass, opacity(alpha));
        } else if (style === 1) {
          const cols = Math.max(2, Math.floor(bw / (w * 0.016)));
          const step = (bw - pad * 2) / cols;
          for (let c = 0; c < cols; c++) out += rect(x + pad + c * step, top + pad + bh * 0.05, step * 0.5, bh - pad * 2 - bh * 0.05, glass, opacity(alpha));
        } else {
          const cols = Math.max(2, Math.floor(bw / (w * 0.014)));
          const step = (bw - pad * 2) / cols;
          for (let y = top + pad + bh * 0.04; y < horizon - pad; y += h * 0.03) {
            for (let c = 0; c < cols; c++) if (r.chance(night ? 0.55 : 0.85)) out += rect(x + pad + c * step, y, step * 0.55, h * 0.016, glass, opacity(alpha));
          }
        }
      }
      x += bw + w * r.range(-0.012, 0.012);
    }
  }
  out += rect(0, horizon, w, h - horizon, tone(s.ink, night ? -6 : 4));
  out += line(0, horizon + (h - horizon) * 0.5, w, horizon + (h - horizon) * 0.5, tone(s.ink, 45), h * 0.006, ` stroke-dasharray="${n(w * 0.03)} ${n(w * 0.025)}"`);
  return out;
};

export const drawHarbor: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.2);
  let out = sky(scene, night);
  out += sun(scene, r.range(0.55, 0.9) * w, r.range(0.15, 0.35) * h, h * r.range(0.05, 0.07), night);
  if (!night) out += clouds(scene, r.int(1, 3), h * 0.32);
  const seaTop = h * r.range(0.6, 0.68);
  out += path(areaBelow(rollingLine(r, w, seaTop - h * 0.03, h * 0.02), w, seaTop + 2), tone(night ? s.nightBottom : s.skyBottom, -14, -15));
  const water = accentNear(s, 210);
  out += rect(0, seaTop, w, h - seaTop, verticalGradient(scene, tone([water[0], 48, night ? 26 : 44]), tone([water[0], 52, night ? 16 : 30])));
  for (let i = r.int(14, 24); i > 0; i--) {
    const y = seaTop + (h - seaTop) * r.range(0.1, 0.95);
    const x = r.range(0, w);
    out += line(x, y, x + w * r.range(0.03, 0.09), y, tone([water[0], 50, 70]), h * 0.005, opacity(0.6));
  }

  let land = '';
  const quayW = w * r.range(0.42, 0.55);
  const quayTop = seaTop - h * 0.012;
  land += rect(-2, quayTop, quayW + 2, h * 0.07, tone(s.ink, 20, -12)) + rect(-2, quayTop + h * 0.055, quayW + 2, h * 0.015, tone(s.ink, 5));
  const boxW = w * r.range(0.045, 0.055);
  const boxH = h * 0.045;
  for (let x = w * 0.02; x + boxW < quayW * 0.7; x += boxW * (r.chance(0.15) ? 2 : 1)) {
    for (let k = r.int(1, 4); k > 0; k--) {
      const y = quayTop - k * boxH;
      const c = accent(s, r.int(0, 3));
      land += rect(x, y, boxW * 0.94, boxH * 0.92, tone(c, r.range(-8, 8))) + rect(x, y + boxH * 0.15, boxW * 0.94, boxH * 0.08, tone(c, 18), opacity(0.7));
    }
  }
  const craneColor = tone(accent(s, 3), 0, 10);
  for (let i = 0, cranes = r.int(1, 3); i < cranes; i++) {
    const cx = quayW - w * (0.06 + i * 0.13);
    const legTop = quayTop - h * r.range(0.2, 0.26);
    const beam = h * 0.014;
    const thick = w * 0.007;
    land += rect(cx - w * 0.035, legTop, thick, quayTop - legTop, craneColor) + rect(cx + w * 0.03, legTop, thick, quayTop - legTop, craneColor);
    land += rect(cx - w * 0.07, legTop - beam, w * 0.24, beam, craneColor);
    const apex: Point = [cx, legTop - h * 0.12];
    land += `<path d="M${n(cx - w * 0.03)} ${n(legTop - beam)}L${n(apex[0])} ${n(apex[1])}L${n(cx + w * 0.035)} ${n(legTop - beam)}M${n(apex[0])} ${n(apex[1])}L${n(cx + w * 0.17)} ${n(legTop - beam)}M${n(apex[0])} ${n(apex[1])}L${n(cx - w * 0.07)} ${n(legTop - beam)}" fill="none" stroke="${craneColor}" stroke-width="${n(h * 0.004)}"/>`;
    const hook = cx + w * r.range(0.06, 0.15);
    land += line(hook, legTop, hook, legTop + h * r.range(0.05, 0.15), tone(s.ink, 10), h * 0.003) + rect(cx - w * 0.01, legTop, w * 0.03, h * 0.03, tone(s.paper, -8));
  }
  const shipX0 = quayW + w * r.range(0.03, 0.06);
  const shipX1 = w * r.range(0.9, 1.02);
  const deck = seaTop - h * 0.02;
  const keel = seaTop + h * 0.055;
  land += path(`M${n(shipX0)} ${n(deck)}L${n(shipX1 + w * 0.03)} ${n(deck)}L${n(shipX1)} ${n(keel)}L${n(shipX0 + w * 0.015)} ${n(keel)}Z`, tone(s.ink, 8));
  land += rect(shipX0 + w * 0.008, keel - h * 0.018, shipX1 - shipX0, h * 0.012, tone(accent(s, 3), -5));
  land += rect(shipX0 + w * 0.01, deck - h * 0.09, w * 0.05, h * 0.09, tone(s.paper, -3)) + rect(shipX0 + w * 0.016, deck - h * 0.08, w * 0.038, h * 0.012, tone(s.ink, 20));
  land += rect(shipX0 + w * 0.03, deck - h * 0.13, w * 0.014, h * 0.04, tone(accent(s, 1), 0));
  for (let x = shipX0 + w * 0.07; x + boxW * 0.8 < shipX1; x += boxW * 0.8) {
    for (let k = r.int(1, 3); k > 0; k--) land += rect(x, deck - k * boxH * 0.8, boxW * 0.76, boxH * 0.74, tone(accent(s, r.int(0, 3)), r.range(-6, 10)));
  }
  out += maybeMirror(scene, land, r.chance(0.5));
  if (!night) out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

export const drawMountains: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  if (dusk) out += stars(scene, r.int(15, 30), h * 0.35);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.09), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), h * 0.25);
  const ranges = r.int(3, 4);
  const nearHue = accent(s, 0)[0];
  for (let i = 0; i < ranges; i++) {
    const t = i / (ranges - 1);
    const base = h * (0.5 + t * 0.32);
    const amp = h * (0.32 - t * 0.14);
    const pts: Point[] = [[-w * 0.05, base - amp * r.range(0, 0.3)]];
    const peaks = r.int(3, 6) + i;
    const step = (w * 1.1) / (peaks * 2);
    for (let k = 1; k <= peaks * 2; k++) {
      const x = -w * 0.05 + k * step + r.range(-0.3, 0.3) * step;
      pts.push([x, k % 2 ? base - amp * r.range(0.55, 1) : base - amp * r.range(0.05, 0.4)]);
    }
    const hue = t < 0.5 ? s.skyTop[0] : nearHue;
    const fill = dusk ? tone([hue, 30, 34 - t * 22]) : tone([hue, 22 + t * 12, 72 - t * 46]);
    out += polygon([...pts, [w * 1.05, h], [-w * 0.05, h]], fill);
    if (i <= 1 && !dusk) {
      for (let k = 1; k < pts.length - 1; k++) {
        const p = pts[k] as Point;
        const a = pts[k - 1] as Point;
        const b = pts[k + 1] as Point;
        if (p[1] > a[1] || p[1] > b[1] || p[1] > base - amp * 0.7) continue;
        const f = r.range(0.22, 0.34);
        const left: Point = [p[0] + (a[0] - p[0]) * f, p[1] + (a[1] - p[1]) * f];
        const right: Point = [p[0] + (b[0] - p[0]) * f, p[1] + (b[1] - p[1]) * f];
        const low = Math.max(left[1], right[1]);
        out += polygon([p, right, [right[0] - (right[0] - left[0]) * 0.3, low - h * 0.015], [left[0] + (right[0] - left[0]) * 0.45, low + h * 0.01], left], '#f8f9fb');
      }
    }
  }
  if (r.chance(0.5)) {
    const lakeTop = h * r.range(0.84, 0.9);
    out += rect(0, lakeTop, w, h - lakeTop, tone([accentNear(s, 205)[0], 45, dusk ? 22 : 58]));
    for (let i = r.int(5, 9); i > 0; i--) {
      const y = lakeTop + (h - lakeTop) * r.range(0.15, 0.9);
      const x = r.range(0, w);
      out += line(x, y, x + w * r.range(0.04, 0.12), y, '#ffffff', h * 0.004, opacity(0.45));
    }
  } else {
    const treeColor = tone([nearHue, 30, dusk ? 8 : 18]);
    let trees = '';
    for (let x = -w * 0.02; x < w * 1.02; x += w * r.range(0.015, 0.04)) {
      const th = h * r.range(0.07, 0.14);
      const ty = h * r.range(0.95, 1.02);
      trees += `M${n(x)} ${n(ty - th)}L${n(x + th * 0.28)} ${n(ty)}L${n(x - th * 0.28)} ${n(ty)}Z`;
    }
    out += path(trees, treeColor) + rect(0, h * 0.97, w, h * 0.03, treeColor);
  }
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.35);
  return out;
};

export const drawFields: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.25) * h, h * r.range(0.05, 0.08), false);
  out += clouds(scene, r.int(1, 3), h * 0.28);
  const horizon = h * r.range(0.4, 0.52);
  const bands = r.int(4, 6);
  const tops: ((x: number) => number)[] = [];
  for (let i = 0; i < bands; i++) {
    const t = i / bands;
    tops.push(rollingLine(r, w, horizon + (h - horizon) * t * 0.85, h * (0.015 + t * 0.05)));
  }
  for (const [i, top] of tops.entries()) {
    const c = accent(s, i);
    const d = areaBelow(top, w, h);
    out += path(d, tone([c[0], r.range(30, 50), 64 - i * 5]));
    if (i === bands - 2) {
      const id = scene.uid();
      scene.defs.push(`<clipPath id="${id}"><path d="${d}"/></clipPath>`);
      let rows = '';
      for (let k = 1; k < 10; k++) {
        const dy = k * h * 0.03;
        rows += smoothD(Array.from({ length: 13 }, (_, j): Point => [(w * j) / 12, top((w * j) / 12) + dy]), false);
      }
      out += `<path d="${rows}" clip-path="url(#${id})" fill="none" stroke="${tone(c, -22)}" stroke-width="${n(h * 0.006)}" opacity="0.4"/>`;
    }
  }
  const front = tops[bands - 1];
  if (front) {
    const id = scene.uid();
    scene.defs.push(`<clipPath id="${id}"><path d="${areaBelow(front, w, h)}"/></clipPath>`);
    const vx = r.range(0.3, 0.7) * w;
    const vy = horizon - h * 0.1;
    let rows = '';
    for (let x = -w; x < w * 2; x += w * 0.06) rows += `M${n(x)} ${n(h)}L${n(vx)} ${n(vy)}`;
    out += `<path d="${rows}" clip-path="url(#${id})" stroke="${tone(accent(s, bands - 1), -25)}" stroke-width="${n(h * 0.008)}" opacity="0.35"/>`;
  }
  const treeColor = tone([accentNear(s, 120)[0], 35, 28]);
  for (let i = r.int(3, 7); i > 0; i--) {
    const band = tops[r.int(1, Math.max(1, bands - 3))];
    if (!band) continue;
    const x = r.range(0.04, 0.96) * w;
    const y = band(x) + h * 0.01;
    const size = h * r.range(0.03, 0.055);
    out += rect(x - size * 0.1, y - size * 1.2, size * 0.2, size * 1.2, tone(s.ink, 10)) + circle(x, y - size * 1.5, size * 0.7, treeColor);
  }
  const farm = tops[1];
  if (farm && r.chance(0.7)) {
    const x = r.range(0.15, 0.85) * w;
    const y = farm(x) + h * 0.015;
    const size = h * r.range(0.06, 0.09);
    out += rect(x, y - size, size * 1.3, size, tone(accent(s, 3), 0)) + polygon([[x - size * 0.12, y - size], [x + size * 0.65, y - size * 1.55], [x + size * 1.42, y - size]], tone(s.ink, 12));
    out += rect(x + size * 0.5, y - size * 0.55, size * 0.3, size * 0.55, tone(s.ink, 20));
  }
  out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

export const drawWaves: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  const horizon = h * r.range(0.42, 0.52);
  const sunX = r.range(0.15, 0.85) * w;
  out += sun(scene, sunX, horizon - h * r.range(0.05, 0.2), h * r.range(0.07, 0.11), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), horizon * 0.6);
  const sea = accentNear(s, 205);
  const layers = r.int(4, 6);
  let boatDrawn = false;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = horizon + (h - horizon) * t * 0.85;
    const amp = h * (0.012 + t * 0.05);
    const waves = r.range(2, 4) + (1 - t) * 4;
    const phase = r.range(0, Math.PI * 2);
    const crest = (x: number): number => {
      const p = (x / w) * waves * Math.PI * 2 + phase;
      // |sin| flipped gives sharp crests and round troughs, like a woodblock wave.
      return base - amp * (1 - Math.abs(Math.sin(p / 2)) * 2) - amp * 0.3 * Math.sin(p * 1.7);
    };
    const fill = tone([sea[0] + t * 10, 50 + t * 10, dusk ? 30 - t * 14 : 68 - t * 34]);
    out += path(areaBelow(crest, w, h, Math.round(waves * 8)), fill);
    const foam: Point[] = [];
    for (let k = 0; k <= 48; k++) foam.push([(w * k) / 48, crest((w * k) / 48) + h * 0.006]);
    out += `<path d="${smoothD(foam, false)}" fill="none" stroke="#ffffff" stroke-width="${n(h * (0.003 + t * 0.006))}" opacity="${dusk ? 0.35 : 0.7}"/>`;
    if (t > 0.5) {
      for (let k = r.int(4, 9); k > 0; k--) {
        const x = r.range(0, w);
        out += circle(x, crest(x) + r.range(0.01, 0.05) * h, h * r.range(0.004, 0.01), '#ffffff', opacity(0.7));
      }
    }
    if (!boatDrawn && i === 1 && r.chance(0.6)) {
      boatDrawn = true;
      const bx = r.range(0.2, 0.8) * w;
      const by = crest(bx) + h * 0.005;
      const size = h * r.range(0.06, 0.09);
      out += path(`M${n(bx - size)} ${n(by - size * 0.25)}L${n(bx + size)} ${n(by - size * 0.25)}L${n(bx + size * 0.7)} ${n(by)}L${n(bx - size * 0.7)} ${n(by)}Z`, tone(s.ink, 10));
      out += polygon([[bx, by - size * 1.6], [bx, by - size * 0.35], [bx + size * 0.8, by - size * 0.35]], '#fbfbf8') + polygon([[bx - size * 0.08, by - size * 1.3], [bx - size * 0.08, by - size * 0.35], [bx - size * 0.6, by - size * 0.35]], tone(accent(s, 1), 15));
    }
  }
  if (!dusk) out += birds(scene, r.int(2, 5), horizon * 0.7);
  return out;
};

/** Rice paddies in perspective, flooded, green or gold: farming and the price of rice. */
export const drawPaddy: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const season = r.pick(['water', 'green', 'gold'] as const);
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.05, 0.07), false);
  out += clouds(scene, r.int(1, 3), h * 0.25);
  const horizon = h * r.range(0.36, 0.44);
  out += path(areaBelow(rollingLine(r, w, horizon - h * 0.08, h * 0.05), w, h), tone([accent(s, 0)[0], 18, 70]));
  out += path(areaBelow(rollingLine(r, w, horizon - h * 0.02, h * 0.02), w, h), tone([accentNear(s, 130)[0], 30, 40]));
  // Village on the far edge: a few roofs among trees.
  for (let i = r.int(3, 6); i > 0; i--) {
    const x = r.range(0.05, 0.95) * w;
    const size = h * r.range(0.025, 0.04);
    out += rect(x, horizon - size, size * 1.6, size, tone(s.paper, -6)) + polygon([[x - size * 0.2, horizon - size], [x + size * 0.8, horizon - size * 1.6], [x + size * 1.8, horizon - size]], tone(accent(s, 1), -15, -15));
  }
  const vx = w * r.range(0.35, 0.65);
  const field = season === 'water' ? tone([accentNear(s, 205)[0], 40, 74]) : season === 'green' ? tone([110, 45, 48]) : tone([44, 70, 58]);
  const rowColor = season === 'water' ? tone([110, 45, 44]) : season === 'green' ? tone([105, 50, 34]) : tone([38, 70, 44]);
  const ridge = tone([32, 30, 38]);
  out += rect(0, horizon, w, h - horizon, field);
  // Paddies: bands getting deeper towards the viewer, cut by ridges that converge on a vanishing point.
  const bands = r.int(4, 6);
  const ys: number[] = [];
  for (let i = 0; i <= bands; i++) ys.push(horizon + (h - horizon) * Math.pow(i / bands, 1.7));
  let rows = '';
  for (let i = 0; i < bands; i++) {
    const y0 = ys[i] as number;
    const y1 = ys[i + 1] as number;
    const depth = (y1 - horizon) / (h - horizon);
    for (let k = 1; k < 5; k++) {
      const y = y0 + ((y1 - y0) * k) / 5;
      rows += `M0 ${n(y)}H${n(w)}`;
    }
    if (season === 'water') out += rect(0, y0, w, (y1 - y0) * 0.5, tone(s.skyBottom, 4), opacity(0.35 * (1 - depth)));
    out += rect(0, y1 - h * 0.004 * (1 + depth * 3), w, h * 0.008 * (1 + depth * 3), ridge);
  }
  out += `<path d="${rows}" stroke="${rowColor}" stroke-width="${n(h * 0.004)}" stroke-dasharray="${n(w * 0.006)} ${n(w * 0.01)}" opacity="${season === 'water' ? 0.8 : 0.5}"/>`;
  for (let k = -3; k <= 3; k++) {
    const bx = vx + k * w * r.range(0.28, 0.36);
    out += polygon([[vx + k * w * 0.03 - w * 0.002, horizon], [vx + k * w * 0.03 + w * 0.002, horizon], [bx + w * 0.012, h], [bx - w * 0.012, h]], ridge);
  }
  if (season === 'gold') {
    // Ears of rice in the foreground.
    let ears = '';
    for (let x = -w * 0.02; x < w * 1.02; x += w * r.range(0.012, 0.02)) {
      const base = h * 1.02;
      const top = h * r.range(0.8, 0.88);
      const bend = r.range(0.02, 0.05) * w;
      ears += `M${n(x)} ${n(base)}Q${n(x + bend * 0.2)} ${n(top)} ${n(x + bend)} ${n(top + h * 0.04)}`;
    }
    out += `<path d="${ears}" fill="none" stroke="${tone([40, 70, 40])}" stroke-width="${n(h * 0.009)}" stroke-linecap="round"/>`;
  }
  // A utility pole line along the road, and sometimes a farmer.
  const poles = r.int(3, 5);
  for (let i = 0; i < poles; i++) {
    const t = (i + 1) / (poles + 1);
    const px = w * (r.chance(0.5) ? t : 1 - t);
    const py = horizon + (h - horizon) * t * 0.5;
    const ph = h * (0.06 + t * 0.18);
    out += line(px, py, px, py - ph, tone(s.ink, 20), h * (0.003 + t * 0.004)) + line(px - ph * 0.12, py - ph * 0.9, px + ph * 0.12, py - ph * 0.9, tone(s.ink, 20), h * 0.003);
  }
  if (r.chance(0.6)) {
    const fx = w * r.range(0.15, 0.85);
    const fy = (ys[2] ?? h * 0.7) + h * 0.01;
    const size = h * 0.08;
    const body = tone(accent(s, 2), -10);
    out += path(`M${n(fx - size * 0.22)} ${n(fy)}L${n(fx - size * 0.15)} ${n(fy - size * 0.6)}Q${n(fx)} ${n(fy - size * 0.75)} ${n(fx + size * 0.15)} ${n(fy - size * 0.6)}L${n(fx + size * 0.22)} ${n(fy)}Z`, body);
    out += path(`M${n(fx - size * 0.3)} ${n(fy - size * 0.78)}L${n(fx)} ${n(fy - size * 1.02)}L${n(fx + size * 0.3)} ${n(fy - size * 0.78)}Z`, tone([45, 60, 70]));
  }
  out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

/** A storm over a town: a low, dark sky, heavy clouds, slanting rain and trees bent by the wind (typhoons, heavy rain). */
export const drawStorm: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.ink, 22), tone(s.skyBottom, -30, -40)));
  const horizon = h * r.range(0.72, 0.8);
  // Banks of cloud, darker towards the top.
  for (let row = 0; row < 3; row++) {
    const y = h * (0.06 + row * 0.12);
    const fill = tone(s.ink, 30 + row * 12);
    const pts: Point[] = [];
    for (let k = 0; k <= 16; k++) pts.push([(w * k) / 16, y + h * r.range(0.02, 0.09)]);
    out += `<path d="M0 0L${n(w)} 0L${smoothD(pts.reverse(), false).slice(1)}Z" fill="${fill}" opacity="${0.9 - row * 0.2}"/>`;
  }
  // Rain slanting with the wind.
  const slant = w * r.range(0.05, 0.1) * (r.chance(0.5) ? 1 : -1);
  let rain = '';
  for (let i = r.int(90, 140); i > 0; i--) {
    const x = r.range(-0.1, 1.1) * w;
    const y = r.range(0.15, 0.95) * h;
    const len = h * r.range(0.05, 0.1);
    rain += `M${n(x)} ${n(y)}l${n(slant * (len / h) * 2)} ${n(len)}`;
  }
  out += `<path d="${rain}" stroke="#dfe8f0" stroke-width="${n(h * 0.003)}" stroke-linecap="round" opacity="0.55"/>`;
  // Low houses and bending trees on the ground.
  out += rect(0, horizon, w, h - horizon, tone(s.ink, 12));
  let x = r.range(0, 0.05) * w;
  while (x < w) {
    const bw = w * r.range(0.06, 0.11);
    const bh = h * r.range(0.06, 0.12);
    out += rect(x, horizon - bh, bw, bh, tone(s.ink, 20)) + polygon([[x - bw * 0.06, horizon - bh], [x + bw * 0.5, horizon - bh - bh * 0.45], [x + bw * 1.06, horizon - bh]], tone(s.ink, 8));
    if (r.chance(0.5)) out += rect(x + bw * 0.3, horizon - bh * 0.6, bw * 0.2, bh * 0.25, '#ffd980', opacity(0.8));
    x += bw + w * r.range(0.03, 0.09);
    if (r.chance(0.5) && x < w) {
      const th = h * r.range(0.12, 0.2);
      const lean = Math.sign(slant) * th * 0.35;
      out += line(x, horizon, x + lean * 0.4, horizon - th, tone(s.ink, 4), h * 0.008);
      out += `<ellipse cx="${n(x + lean)}" cy="${n(horizon - th)}" rx="${n(th * 0.35)}" ry="${n(th * 0.2)}" fill="${tone(accentNear(s, 120), -10, -25)}" transform="rotate(${n(Math.sign(slant) * 20)} ${n(x + lean)} ${n(horizon - th)})"/>`;
      x += w * 0.04;
    }
  }
  // Water standing on the road.
  out += rect(0, horizon + (h - horizon) * 0.45, w, (h - horizon) * 0.2, '#9fb4c4', opacity(0.35));
  return out;
};
