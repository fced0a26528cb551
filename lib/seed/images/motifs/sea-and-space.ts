// Out at sea and above it: a ship under way off islands, a satellite over the Earth.
import { accent, accentNear, tone } from '../colour';
import { birds, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, type Point, polygon, rect, smoothD, stars, sun, sky, verticalGradient } from '../svg';

/** A ship under way off a chain of islands: a fishing boat or a ferry; fisheries, island lifelines, the sea lanes. */
export const drawShip: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const misty = r.chance(0.35);
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.08), false);
  if (!misty) out += clouds(scene, r.int(1, 3), h * 0.3);
  const horizon = h * r.range(0.5, 0.58);
  // Islands on the horizon, paler when the morning is misty.
  for (let i = r.int(2, 4); i > 0; i--) {
    const cx = r.range(0, 1) * w;
    const iw = w * r.range(0.12, 0.3);
    const ih = h * r.range(0.05, 0.12);
    const pts: Point[] = [[cx - iw / 2, horizon + 1]];
    for (let k = 1; k < 6; k++) pts.push([cx - iw / 2 + (iw * k) / 6, horizon - ih * Math.sin((k / 6) * Math.PI) * r.range(0.7, 1.1)]);
    pts.push([cx + iw / 2, horizon + 1]);
    out += path(`${smoothD(pts, false)}Z`, tone([accentNear(s, 140)[0], 20, misty ? 74 : 48]));
  }
  const water = accentNear(s, 205);
  out += rect(0, horizon, w, h - horizon, verticalGradient(scene, tone([water[0], 45, 60]), tone([water[0], 55, 36])));
  for (let i = r.int(16, 26); i > 0; i--) {
    const y = horizon + (h - horizon) * r.range(0.05, 0.95);
    const x = r.range(0, w);
    out += line(x, y, x + w * r.range(0.02, 0.08) * (0.5 + (y - horizon) / (h - horizon)), y, '#ffffff', h * 0.004, opacity(0.5));
  }
  // The ship, bow towards the right before any mirroring.
  const fishing = r.chance(0.5);
  const len = Math.min(w * r.range(0.42, 0.52), h * 1.1);
  const x0 = w * r.range(0.12, 0.4);
  const waterline = horizon + (h - horizon) * r.range(0.45, 0.6);
  const hullH = len * 0.12;
  const hull = fishing ? tone(accent(s, r.int(0, 3)), -5, 5) : '#f4f5f7';
  const stripe = tone(accent(s, 0), -5, 10);
  let ship = path(`M${n(x0)} ${n(waterline - hullH)}H${n(x0 + len * 1.04)}L${n(x0 + len * 0.92)} ${n(waterline)}H${n(x0 + len * 0.06)}Z`, hull);
  ship += rect(x0 + len * 0.04, waterline - hullH * 0.3, len * 0.9, hullH * 0.22, fishing ? '#f4f5f7' : stripe);
  if (fishing) {
    // Wheelhouse aft, a mast with lights and a boom forward.
    ship += rect(x0 + len * 0.12, waterline - hullH * 2.4, len * 0.22, hullH * 1.4, '#f4f5f7') + rect(x0 + len * 0.14, waterline - hullH * 2.2, len * 0.18, hullH * 0.4, tone(s.ink, 15));
    ship += line(x0 + len * 0.55, waterline - hullH, x0 + len * 0.55, waterline - hullH * 4.2, tone(s.ink, 15), len * 0.01);
    ship += line(x0 + len * 0.55, waterline - hullH * 3.6, x0 + len * 0.9, waterline - hullH * 1.3, tone(s.ink, 15), len * 0.006);
    ship += line(x0 + len * 0.45, waterline - hullH * 3.2, x0 + len * 0.65, waterline - hullH * 3.2, tone(s.ink, 15), len * 0.006);
    for (let k = 0; k < 4; k++) ship += circle(x0 + len * (0.62 + k * 0.07), waterline - hullH * (2.9 - k * 0.4), len * 0.012, tone([45, 90, 65]));
  } else {
    // A ferry: two decks of windows and a funnel.
    ship += rect(x0 + len * 0.1, waterline - hullH * 2, len * 0.78, hullH * 1.02, '#f4f5f7') + rect(x0 + len * 0.2, waterline - hullH * 2.8, len * 0.5, hullH * 0.82, '#f4f5f7');
    for (let k = 0; k < 12; k++) ship += rect(x0 + len * (0.13 + k * 0.062), waterline - hullH * 1.7, len * 0.04, hullH * 0.35, tone(s.ink, 25), ` rx="${n(len * 0.008)}"`);
    ship += rect(x0 + len * 0.58, waterline - hullH * 2.55, len * 0.1, hullH * 0.35, tone(s.ink, 15));
    ship += polygon([[x0 + len * 0.3, waterline - hullH * 2.8], [x0 + len * 0.42, waterline - hullH * 2.8], [x0 + len * 0.4, waterline - hullH * 3.7], [x0 + len * 0.31, waterline - hullH * 3.7]], stripe);
  }
  // Wake and bow wave.
  ship += path(`M${n(x0 + len * 0.06)} ${n(waterline)}Q${n(x0 - len * 0.2)} ${n(waterline + hullH * 0.3)} ${n(x0 - len * 0.5)} ${n(waterline + hullH * 0.8)}L${n(x0 - len * 0.5)} ${n(waterline + hullH * 1.1)}Q${n(x0 - len * 0.15)} ${n(waterline + hullH * 0.5)} ${n(x0 + len * 0.2)} ${n(waterline + hullH * 0.15)}Z`, '#ffffff', opacity(0.5));
  ship += path(`M${n(x0 + len * 0.92)} ${n(waterline)}Q${n(x0 + len * 1.02)} ${n(waterline - hullH * 0.3)} ${n(x0 + len * 1.08)} ${n(waterline + hullH * 0.3)}Z`, '#ffffff', opacity(0.7));
  out += maybeMirror(scene, ship, r.chance(0.5));
  if (misty) {
    for (let k = 0; k < 3; k++) out += rect(0, horizon - h * (0.1 - k * 0.05), w, h * 0.06, '#ffffff', opacity(0.25));
  }
  out += birds(scene, r.int(2, 5), h * 0.3);
  return out;
};

/** A small satellite with unfolded solar wings above the curve of the Earth, sometimes the Moon: space business. */
export const drawSatellite: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = sky(scene, true);
  out += stars(scene, r.int(50, 90), h);
  // The Earth's limb across the bottom, with a thin blue atmosphere.
  const er = Math.max(w, h) * r.range(1.1, 1.5);
  const ecx = w * r.range(0.3, 0.7);
  const ecy = h * r.range(0.82, 0.92) + er;
  const sea = accentNear(s, 210);
  out += circle(ecx, ecy, er + h * 0.03, tone([sea[0], 70, 70]), opacity(0.25));
  out += circle(ecx, ecy, er, tone([sea[0], 55, 38]));
  const clip = scene.uid();
  scene.defs.push(`<clipPath id="${clip}"><circle cx="${n(ecx)}" cy="${n(ecy)}" r="${n(er)}"/></clipPath>`);
  let surface = '';
  for (let i = r.int(3, 5); i > 0; i--) {
    const bx = r.range(0, w);
    const by = ecy - er + h * r.range(0.02, 0.2);
    const pts: Point[] = [];
    const size = h * r.range(0.08, 0.18);
    for (let k = 0; k < 8; k++) {
      const a = (k / 8) * Math.PI * 2;
      pts.push([bx + Math.cos(a) * size * r.range(1, 2.2), by + Math.sin(a) * size * r.range(0.3, 0.6)]);
    }
    surface += path(smoothD(pts, true), tone([accentNear(s, 110)[0], 30, 40]));
  }
  for (let i = r.int(4, 7); i > 0; i--) surface += `<ellipse cx="${n(r.range(0, w))}" cy="${n(ecy - er + h * r.range(0.01, 0.2))}" rx="${n(w * r.range(0.06, 0.15))}" ry="${n(h * 0.012)}" fill="#ffffff" opacity="0.55"/>`;
  out += `<g clip-path="url(#${clip})">${surface}</g>`;
  if (r.chance(0.6)) {
    const mx = w * r.pick([0.12, 0.88]);
    const my = h * r.range(0.15, 0.25);
    const mr = h * 0.07;
    out += circle(mx, my, mr, '#eeece4') + circle(mx - mr * 0.3, my - mr * 0.2, mr * 0.2, '#d6d3c8') + circle(mx + mr * 0.35, my + mr * 0.25, mr * 0.15, '#d6d3c8');
  }
  // The satellite: a box body, two solar wings of cells, a dish and an antenna.
  const cx = w * r.range(0.4, 0.6);
  const cy = h * r.range(0.36, 0.46);
  const size = Math.min(h * 0.14, w * 0.12);
  const tilt = r.range(-20, 20);
  const cellFill = tone(accentNear(s, 225), -15, 10);
  const cellLine = tone(accentNear(s, 225), 20, -10);
  let sat = '';
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? cx - size * 0.55 - size * 1.8 : cx + size * 0.55;
    sat += line(cx + side * size * 0.5, cy, x0 + (side < 0 ? size * 1.8 : 0), cy, tone(s.paper, -30), size * 0.05);
    sat += rect(x0, cy - size * 0.35, size * 1.8, size * 0.7, cellFill, ` stroke="${cellLine}" stroke-width="${n(size * 0.03)}"`);
    for (let k = 1; k < 4; k++) sat += line(x0 + (size * 1.8 * k) / 4, cy - size * 0.35, x0 + (size * 1.8 * k) / 4, cy + size * 0.35, cellLine, size * 0.02);
    sat += line(x0, cy, x0 + size * 1.8, cy, cellLine, size * 0.02);
  }
  const foil = r.chance(0.5) ? tone([44, 80, 58]) : tone(s.paper, -8);
  sat += rect(cx - size * 0.5, cy - size * 0.5, size, size, foil, ` rx="${n(size * 0.06)}"`) + rect(cx - size * 0.5, cy - size * 0.5, size * 0.5, size, '#ffffff', opacity(0.18));
  sat += rect(cx - size * 0.3, cy - size * 0.3, size * 0.6, size * 0.12, tone(accent(s, 1), 0, 10));
  sat += path(`M${n(cx - size * 0.35)} ${n(cy + size * 0.5)}Q${n(cx)} ${n(cy + size * 0.95)} ${n(cx + size * 0.35)} ${n(cy + size * 0.5)}Z`, tone(s.paper, -4)) + line(cx, cy + size * 0.55, cx, cy + size * 0.85, tone(s.paper, -30), size * 0.03);
  sat += line(cx + size * 0.25, cy - size * 0.5, cx + size * 0.45, cy - size * 0.95, tone(s.paper, -20), size * 0.03) + circle(cx + size * 0.45, cy - size * 0.95, size * 0.05, tone(accent(s, 2), 10, 10));
  out += `<g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})">${sat}</g>`;
  // A faint orbit line.
  out += `<ellipse cx="${n(w / 2)}" cy="${n(cy + h * 0.05)}" rx="${n(w * 0.6)}" ry="${n(h * 0.12)}" fill="none" stroke="#ffffff" stroke-width="${n(h * 0.003)}" stroke-dasharray="${n(h * 0.015)} ${n(h * 0.02)}" opacity="0.35"/>`;
  return maybeMirror(scene, out, r.chance(0.5));
};
