// Pictures of ideas rather than places: charts, circuit boards, the globe.
import { accent, accentNear, clamp, tone } from '../colour';
import { circle, type Draw, line, n, opacity, path, type Point, polygon, polyline, rect, sky, smoothD, stars, verticalGradient } from '../svg';

export const drawChart: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dark = r.chance(0.3);
  const text = dark ? tone(s.paper, -40) : tone(s.ink, 55, -20);
  let out = rect(0, 0, w, h, dark ? tone(s.nightTop, 4) : tone(s.paper, -3));
  const card = { x: w * 0.07, y: h * 0.1, w: w * 0.86, h: h * 0.8 };
  const rx = n(Math.min(w, h) * 0.025);
  out += rect(card.x + h * 0.01, card.y + h * 0.015, card.w, card.h, '#000000', ` rx="${rx}"${opacity(0.08)}`);
  out += rect(card.x, card.y, card.w, card.h, dark ? tone(s.nightBottom, -4) : '#ffffff', ` rx="${rx}"`);
  const donut = w > h * 1.15 && r.chance(0.55);
  out += rect(card.x + card.w * 0.05, card.y + card.h * 0.07, card.w * r.range(0.22, 0.34), card.h * 0.04, text, ` rx="${n(card.h * 0.02)}"`);
  out += rect(card.x + card.w * 0.05, card.y + card.h * 0.14, card.w * r.range(0.12, 0.2), card.h * 0.025, text, ` rx="${n(card.h * 0.012)}"${opacity(0.6)}`);
  const plot = { x0: card.x + card.w * 0.07, x1: card.x + card.w * (donut ? 0.62 : 0.94), y0: card.y + card.h * 0.25, y1: card.y + card.h * 0.88 };
  for (let i = 0; i <= 4; i++) {
    const y = plot.y0 + ((plot.y1 - plot.y0) * i) / 4;
    out += line(plot.x0, y, plot.x1, y, text, h * 0.002, opacity(0.35));
  }
  const bars = r.int(6, 11);
  const slot = (plot.x1 - plot.x0) / bars;
  const trend = r.chance(0.6) ? 1 : -1;
  let v = trend > 0 ? r.range(0.25, 0.45) : r.range(0.7, 0.9);
  let lineV = r.range(0.3, 0.8);
  const points: Point[] = [];
  const barColor = accent(s, 0);
  for (let i = 0; i < bars; i++) {
    v = clamp(v + trend * r.range(-0.06, 0.14), 0.08, 0.98);
    lineV = clamp(lineV + r.range(-0.18, 0.18), 0.1, 0.95);
    const bh = (plot.y1 - plot.y0) * v;
    const x = plot.x0 + slot * i + slot * 0.21;
    out += rect(x, plot.y1 - bh, slot * 0.58, bh, i === bars - 1 ? tone(accent(s, 1), 0, 10) : tone(barColor, 14, -10), ` rx="${n(slot * 0.06)}"`);
    points.push([plot.x0 + slot * (i + 0.5), plot.y1 - (plot.y1 - plot.y0) * lineV]);
  }
  const lineColor = tone(accent(s, 2), -8, 10);
  out += polyline(points, lineColor, h * 0.008);
  for (const [x, y] of points) out += circle(x, y, h * 0.011, dark ? tone(s.nightBottom, -4) : '#ffffff', ` stroke="${lineColor}" stroke-width="${n(h * 0.005)}"`);
  out += line(plot.x0, plot.y1, plot.x1, plot.y1, text, h * 0.004);
  if (donut) {
    const cx = card.x + card.w * 0.81;
    const cy = card.y + card.h * 0.45;
    const radius = Math.min(card.w * 0.11, card.h * 0.24);
    const circ = 2 * Math.PI * radius;
    const parts = Array.from({ length: r.int(3, 5) }, () => r.range(0.5, 2));
    const total = parts.reduce((a, b) => a + b, 0);
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      const len = (part / total) * circ;
      out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="none" stroke="${tone(accent(s, i), i * 4)}" stroke-width="${n(radius * 0.45)}" stroke-dasharray="${n(len)} ${n(circ)}" stroke-dashoffset="${n(-offset)}" transform="rotate(-90 ${n(cx)} ${n(cy)})"/>`;
      offset += len;
      const ly = cy + radius * 1.5 + i * card.h * 0.06;
      if (ly < card.y + card.h * 0.93) out += rect(cx - radius, ly, card.h * 0.03, card.h * 0.03, tone(accent(s, i), i * 4)) + rect(cx - radius + card.h * 0.05, ly + card.h * 0.005, radius * r.range(0.9, 1.6), card.h * 0.02, text, opacity(0.5));
    }
  } else {
    const last = points[points.length - 1];
    if (last) {
      const size = h * 0.05;
      const dir = trend > 0 ? -1 : 1;
      out += polygon([[last[0], last[1] + dir * size * 1.4], [last[0] - size * 0.6, last[1] + dir * size * 0.6], [last[0] + size * 0.6, last[1] + dir * size * 0.6]], lineColor, opacity(0.85));
    }
  }
  return out;
};

export const drawCircuit: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const board = accent(s, 0)[0];
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([board, 45, 13]), tone([board, 40, 7])));
  const grid = h * 0.04;
  const dots = scene.uid();
  scene.defs.push(`<pattern id="${dots}" width="${n(grid)}" height="${n(grid)}" patternUnits="userSpaceOnUse"><circle cx="${n(grid / 2)}" cy="${n(grid / 2)}" r="${n(h * 0.0018)}" fill="#ffffff" opacity="0.18"/></pattern>`);
  out += rect(0, 0, w, h, `url(#${dots})`);
  const trace = tone([accent(s, 1)[0], 70, 58]);
  const hot = tone([accent(s, 2)[0], 85, 66]);
  const padFill = tone([board, 45, 10]);
  const strokeW = h * 0.006;
  const drawTrace = (pts: Point[], highlight: boolean): string =>
    (highlight ? polyline(pts, hot, strokeW * 3.5, opacity(0.22)) : '') +
    polyline(pts, highlight ? hot : trace, strokeW, highlight ? '' : opacity(0.85)) +
    circle((pts[pts.length - 1] as Point)[0], (pts[pts.length - 1] as Point)[1], h * 0.011, padFill, ` stroke="${highlight ? hot : trace}" stroke-width="${n(strokeW)}"`);

  for (let i = r.int(6, 11); i > 0; i--) {
    let [x, y]: Point = [r.range(0, w), r.range(0, h)];
    const pts: Point[] = [[x, y]];
    for (let k = r.int(2, 3); k > 0; k--) {
      const [dx, dy] = r.pick<Point>([[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]);
      const len = h * r.range(0.06, 0.18);
      x += dx * len;
      y += dy * len;
      pts.push([x, y]);
    }
    out += circle(pts[0]?.[0] ?? 0, pts[0]?.[1] ?? 0, h * 0.009, trace, opacity(0.85)) + drawTrace(pts, r.chance(0.15));
  }

  const size = h * r.range(0.26, 0.36);
  const cx = w * r.range(0.35, 0.65);
  const cy = h * r.range(0.4, 0.6);
  const pinLen = h * 0.03;
  const sides: { out: Point; along: Point }[] = [
    { out: [1, 0], along: [0, 1] },
    { out: [-1, 0], along: [0, 1] },
    { out: [0, 1], along: [1, 0] },
    { out: [0, -1], along: [1, 0] },
  ];
  let pins = '';
  for (const side of sides) {
    const count = r.int(4, 7);
    const spacing = size / (count + 1);
    const sign = r.chance(0.5) ? 1 : -1;
    const first = h * r.range(0.03, 0.08);
    const diagonal = h * r.range(0.04, 0.1);
    for (let i = 0; i < count; i++) {
      const t = -size / 2 + spacing * (i + 1);
      const bx = cx + side.out[0] * (size / 2) + side.along[0] * t;
      const by = cy + side.out[1] * (size / 2) + side.along[1] * t;
      const ex = bx + side.out[0] * pinLen;
      const ey = by + side.out[1] * pinLen;
      pins += line(bx, by, ex, ey, tone(s.paper, -25), spacing * 0.4, ' stroke-linecap="butt"');
      if (!r.chance(0.8)) continue;
      // Pins further along the bend direction turn first, so a side's traces run parallel and never cross.
      const first1 = first + (sign > 0 ? count - 1 - i : i) * spacing * 0.75;
      const p1: Point = [ex + side.out[0] * first1, ey + side.out[1] * first1];
      const p2: Point = [p1[0] + (side.out[0] + sign * side.along[0]) * diagonal, p1[1] + (side.out[1] + sign * side.along[1]) * diagonal];
      const last = h * r.range(0.04, 0.35);
      const p3: Point = [p2[0] + side.out[0] * last, p2[1] + side.out[1] * last];
      out += drawTrace([[ex, ey], p1, p2, p3], r.chance(0.18));
    }
  }
  out += pins;
  out += rect(cx - size / 2, cy - size / 2, size, size, tone(s.ink, -6), ` rx="${n(size * 0.06)}"`);
  out += rect(cx - size * 0.32, cy - size * 0.32, size * 0.64, size * 0.64, 'none', ` rx="${n(size * 0.04)}" stroke="${trace}" stroke-width="${n(strokeW * 0.8)}"${opacity(0.6)}`);
  out += circle(cx - size * 0.36, cy - size * 0.36, size * 0.035, tone(s.paper, -30));
  for (let i = r.int(4, 8); i > 0; i--) {
    const x = r.range(0.05, 0.95) * w;
    const y = r.range(0.05, 0.95) * h;
    if (Math.abs(x - cx) < size && Math.abs(y - cy) < size) continue;
    const cw = h * r.range(0.03, 0.05);
    out += rect(x, y, cw, cw * 0.5, tone(s.ink, 5)) + rect(x, y, cw * 0.22, cw * 0.5, tone(s.paper, -25)) + rect(x + cw * 0.78, y, cw * 0.22, cw * 0.5, tone(s.paper, -25));
  }
  return out;
};

export const drawGlobe: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.5);
  let out = sky(scene, night);
  out += stars(scene, night ? r.int(40, 70) : 0, h);
  const radius = Math.min(w, h) * r.range(0.3, 0.37);
  const cx = w * r.range(0.4, 0.6);
  const cy = h * r.range(0.46, 0.54);
  const sea = accentNear(s, 215);
  const land = accentNear(s, 110);
  const clip = scene.uid();
  scene.defs.push(`<clipPath id="${clip}"><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}"/></clipPath>`);
  const tilt = r.range(-25, -12);
  const ringRx = radius * r.range(1.3, 1.45);
  const ringRy = radius * r.range(0.22, 0.32);
  const ringColor = tone(accent(s, 2), 10, 10);
  const ringW = radius * 0.025;
  out += `<g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})"><ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(ringRx)}" ry="${n(ringRy)}" fill="none" stroke="${ringColor}" stroke-width="${n(ringW)}"${opacity(0.7)}/></g>`;
  out += circle(cx, cy, radius * 1.08, tone(sea, 30), opacity(0.2));
  out += circle(cx, cy, radius, tone(sea, -6, -5));
  let continents = '';
  for (let i = r.int(3, 5); i > 0; i--) {
    const angle = r.range(0, Math.PI * 2);
    const dist = radius * r.range(0, 0.75);
    const bx = cx + Math.cos(angle) * dist;
    const by = cy + Math.sin(angle) * dist;
    const size = radius * r.range(0.18, 0.4);
    const k = r.int(7, 10);
    const pts: Point[] = [];
    for (let j = 0; j < k; j++) {
      const a = (j / k) * Math.PI * 2;
      const rr = size * r.range(0.55, 1.15);
      pts.push([bx + Math.cos(a) * rr * 1.2, by + Math.sin(a) * rr]);
    }
    continents += smoothD(pts, true);
  }
  let grid = '';
  for (let i = 1; i <= 3; i++) {
    const rx = radius * Math.cos((i * Math.PI) / 8);
    grid += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(radius - rx + radius * 0.05 * i)}" ry="${n(radius)}"/>`;
  }
  for (let i = -2; i <= 2; i++) {
    const lat = (i * Math.PI) / 7;
    const half = radius * Math.cos(lat);
    grid += `<ellipse cx="${n(cx)}" cy="${n(cy + radius * Math.sin(lat))}" rx="${n(half)}" ry="${n(half * 0.1)}"/>`;
  }
  grid += `<line x1="${n(cx)}" y1="${n(cy - radius)}" x2="${n(cx)}" y2="${n(cy + radius)}"/>`;
  const shade = scene.uid();
  scene.defs.push(`<radialGradient id="${shade}" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="0.55" stop-color="#ffffff" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.3"/></radialGradient>`);
  let routes = '';
  const dotsOnGlobe: Point[] = [];
  for (let i = r.int(2, 4); i > 0; i--) {
    const a: Point = [cx + radius * r.range(-0.7, 0), cy + radius * r.range(-0.5, 0.6)];
    const b: Point = [cx + radius * r.range(0.1, 0.75), cy + radius * r.range(-0.5, 0.6)];
    routes += `M${n(a[0])} ${n(a[1])}Q${n((a[0] + b[0]) / 2)} ${n(Math.min(a[1], b[1]) - radius * r.range(0.3, 0.6))} ${n(b[0])} ${n(b[1])}`;
    dotsOnGlobe.push(a, b);
  }
  out +=
    `<g clip-path="url(#${clip})">` +
    path(continents, tone(land, 6, -8)) +
    `<g fill="none" stroke="#ffffff" stroke-width="${n(radius * 0.008)}" opacity="0.35">${grid}</g>` +
    rect(cx - radius, cy - radius, radius * 2, radius * 2, `url(#${shade})`) +
    `</g>`;
  out += `<path d="${routes}" fill="none" stroke="${tone(accent(s, 2), 25, 20)}" stroke-width="${n(radius * 0.014)}" stroke-dasharray="${n(radius * 0.04)} ${n(radius * 0.03)}" stroke-linecap="round"/>`;
  for (const [x, y] of dotsOnGlobe) out += circle(x, y, radius * 0.025, '#ffffff', ` stroke="${tone(accent(s, 2), 0)}" stroke-width="${n(radius * 0.012)}"`);
  // The front half of the ring (sweep 0 runs under the centre) passes in front of the globe.
  const sat = r.range(0.15, 0.85) * Math.PI;
  out +=
    `<g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})"><path d="M${n(cx - ringRx)} ${n(cy)}A${n(ringRx)} ${n(ringRy)} 0 0 0 ${n(cx + ringRx)} ${n(cy)}" fill="none" stroke="${ringColor}" stroke-width="${n(ringW)}"/>` +
    circle(cx + Math.cos(sat) * ringRx, cy + Math.sin(sat) * ringRy, radius * 0.045, tone(s.paper, 0), ` stroke="${ringColor}" stroke-width="${n(ringW * 0.8)}"`) +
    `</g>`;
  return out;
};

/**
 * A rain radar map: an invented coastline under bands of rain in the radar's
 * usual blue-yellow-red scale, isobars and sometimes a typhoon's cloud spiral;
 * heavy rain warnings and forecasts. The radar colours are fixed, as readers know them.
 */
export const drawWeather: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const sea = accentNear(s, 210);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([sea[0], 35, 30]), tone([sea[0], 40, 22])));
  // Graticule.
  let grid = '';
  for (let x = w * 0.1; x < w; x += w * 0.15) grid += `M${n(x)} 0V${n(h)}`;
  for (let y = h * 0.12; y < h; y += h * 0.2) grid += `M0 ${n(y)}H${n(w)}`;
  out += `<path d="${grid}" stroke="#ffffff" stroke-width="${n(h * 0.002)}" opacity="0.15"/>`;
  // An arc of islands from lower left to upper right: a spine of points with land either side.
  const spine: Point[] = [];
  const bend = r.range(-0.15, 0.15);
  for (let k = 0; k <= 8; k++) {
    const t = k / 8;
    spine.push([w * (0.05 + t * 0.9), h * (0.85 - t * 0.65 + Math.sin(t * Math.PI) * bend)]);
  }
  const land = tone([accentNear(s, 100)[0], 18, 52]);
  // Each island is a lumpy outline round a stretch of the spine, broad in the middle.
  let k = 0;
  while (k < spine.length - 1) {
    const len = r.int(2, 4);
    const part = spine.slice(k, Math.min(spine.length, k + len + 1));
    const upper: Point[] = [];
    const lower: Point[] = [];
    for (let i = 0; i < part.length; i++) {
      const [x, y] = part[i] as Point;
      const swell = 0.35 + 0.65 * Math.sin(((i + 0.5) / part.length) * Math.PI);
      upper.push([x + r.range(-0.02, 0.02) * w, y - h * r.range(0.05, 0.11) * swell]);
      lower.push([x + r.range(-0.02, 0.02) * w, y + h * r.range(0.04, 0.1) * swell]);
    }
    const [sx, sy] = part[0] as Point;
    const [ex, ey] = part[part.length - 1] as Point;
    out += path(smoothD([[sx - w * 0.03, sy + h * 0.01], ...upper, [ex + w * 0.03, ey - h * 0.01], ...lower.reverse()], true), land);
    k += len + (r.chance(0.3) ? 1 : 0);
  }
  // The edge of a continent in one corner.
  const cornerX = r.chance(0.5) ? 0 : w;
  out += path(`${smoothD([[cornerX, -h * 0.05], [Math.abs(cornerX - w * 0.22), h * 0.05], [Math.abs(cornerX - w * 0.16), h * 0.22], [Math.abs(cornerX - w * 0.06), h * 0.3], [cornerX, h * 0.34]], false)}Z`, land);
  for (let i = r.int(4, 7); i > 0; i--) out += circle(r.range(0.05, 0.95) * w, r.range(0.05, 0.95) * h, h * r.range(0.008, 0.02), land);
  // Isobars round a low.
  const lx = w * r.range(0.2, 0.8);
  const ly = h * r.range(0.25, 0.75);
  let isobars = '';
  for (let i = 1; i <= 5; i++) isobars += `<ellipse cx="${n(lx + i * w * 0.01)}" cy="${n(ly)}" rx="${n(h * 0.12 * i)}" ry="${n(h * 0.09 * i)}" transform="rotate(${n(r.range(-25, 25))} ${n(lx)} ${n(ly)})"/>`;
  out += `<g fill="none" stroke="#ffffff" stroke-width="${n(h * 0.004)}" opacity="0.45">${isobars}</g>`;
  // Rain: nested blobs from light to intense along a band across the islands.
  const scale = ['#a0d2ff', '#2189ff', '#0041ff', '#faf500', '#ff9900', '#ff2800', '#b40068'];
  const bands = r.int(2, 3);
  let rain = '';
  for (let b = 0; b < bands; b++) {
    const [bx, by] = spine[r.int(2, 6)] as Point;
    const cx = bx + r.range(-0.08, 0.08) * w;
    const cy = by + r.range(-0.06, 0.06) * h;
    const angle = r.range(-40, -10);
    const levels = r.int(4, scale.length);
    for (let i = 0; i < levels; i++) {
      const f = 1 - i / levels;
      const pts: Point[] = [];
      for (let j = 0; j < 10; j++) {
        const a = (j / 10) * Math.PI * 2;
        const rr = f * r.range(0.75, 1.15);
        pts.push([cx + Math.cos(a) * w * 0.16 * rr, cy + Math.sin(a) * h * 0.09 * rr]);
      }
      rain += `<path d="${smoothD(pts, true)}" fill="${scale[i]}" opacity="0.85" transform="rotate(${n(angle)} ${n(cx)} ${n(cy)})"/>`;
    }
  }
  out += rain;
  if (r.chance(0.4)) {
    // A typhoon's spiral of cloud out at sea.
    const tx = w * r.range(0.15, 0.35);
    const ty = h * r.range(0.65, 0.8);
    const tr = h * 0.14;
    let spiral = '';
    for (let arm = 0; arm < 3; arm++) {
      const pts: Point[] = [];
      for (let j = 0; j <= 12; j++) {
        const a = (arm * Math.PI * 2) / 3 + j * 0.35;
        const rr = tr * (0.15 + j * 0.07);
        pts.push([tx + Math.cos(a) * rr, ty + Math.sin(a) * rr]);
      }
      spiral += smoothD(pts, false);
    }
    out += `<path d="${spiral}" fill="none" stroke="#ffffff" stroke-width="${n(h * 0.03)}" stroke-linecap="round" opacity="0.75"/>` + circle(tx, ty, tr * 0.08, tone([sea[0], 40, 25]));
  }
  // The edge of a screen: a legend strip of the radar scale, without figures.
  const lw = h * 0.035;
  for (const [i, c] of scale.entries()) out += rect(w - lw * 1.8, h * 0.9 - (i + 1) * lw, lw, lw, c);
  return out;
};
