// Institutions and work: podiums, public halls, factories, care homes.
import { accent, accentNear, type Hsl, tone } from '../colour';
import { areaBelow, birds, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, polygon, rect, rollingLine, type Scene, sky, sun, verticalGradient } from '../svg';

/** A flag on a pole: three stripes and a disc in the scheme's accents, meant to match no real country's. */
function flag(scene: Scene, x: number, top: number, poleH: number, size: number, wave: number): string {
  const { r, s } = scene;
  const fw = size * 1.5;
  const fh = size;
  const colors = [accent(s, r.int(0, 3)), tone(s.paper, 2), accent(s, r.int(0, 3))];
  const vertical = r.chance(0.5);
  const id = scene.uid();
  const shape = `M${n(x)} ${n(top)}Q${n(x + fw * 0.5)} ${n(top - wave)} ${n(x + fw)} ${n(top)}V${n(top + fh)}Q${n(x + fw * 0.5)} ${n(top + fh - wave)} ${n(x)} ${n(top + fh)}Z`;
  scene.defs.push(`<clipPath id="${id}"><path d="${shape}"/></clipPath>`);
  let stripes = '';
  for (let i = 0; i < 3; i++) {
    const fill = typeof colors[i] === 'string' ? (colors[i] as string) : tone(colors[i] as Hsl);
    stripes += vertical ? rect(x + (fw * i) / 3, top - wave, fw / 3 + 1, fh + wave * 2, fill) : rect(x, top - wave + ((fh + wave * 2) * i) / 3, fw, (fh + wave * 2) / 3 + 1, fill);
  }
  // A disc in the canton makes a plain tricolour less likely to read as a real country's flag.
  stripes += circle(x + fw * 0.22, top + fh * 0.28, fh * 0.16, tone(accent(s, r.int(0, 3)), -12));
  return line(x, top - size * 0.1, x, top + poleH, tone(s.ink, 30, -20), size * 0.06) + `<g clip-path="url(#${id})">${stripes}</g>`;
}

/** A press-conference lectern with a cluster of microphones: statements, summits, cabinet decisions. */
export const drawPodium: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wall = accent(s, 0);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([wall[0], 38, 30]), tone([wall[0], 42, 18])));
  // A backdrop of repeated emblems, as press rooms have; shapes only, no lettering.
  const cell = h * r.range(0.11, 0.15);
  const emblem = r.int(0, 2);
  let pattern = '';
  for (let y = cell * 0.5; y < h * 0.8; y += cell) {
    for (let x = ((Math.round(y / cell) % 2) * cell) / 2; x < w + cell; x += cell) {
      if (emblem === 0) pattern += circle(x, y, cell * 0.16, '#ffffff');
      else if (emblem === 1) pattern += polygon([[x, y - cell * 0.18], [x + cell * 0.18, y], [x, y + cell * 0.18], [x - cell * 0.18, y]], '#ffffff');
      else pattern += rect(x - cell * 0.2, y - cell * 0.05, cell * 0.4, cell * 0.1, '#ffffff');
    }
  }
  out += `<g opacity="0.07">${pattern}</g>`;
  const floorTop = h * 0.8;
  out += rect(0, floorTop, w, h - floorTop, tone([accent(s, 3)[0], 25, 24]));
  out += rect(0, floorTop, w, h * 0.008, tone([accent(s, 3)[0], 30, 34]));
  const cx = w * r.range(0.42, 0.58);
  // Flags behind the speaker, on one or both sides.
  const flags = r.int(1, 3);
  for (let i = 0; i < flags; i++) {
    const side = i % 2 === 0 ? -1 : 1;
    const fx = cx + side * w * (0.17 + Math.floor(i / 2) * 0.14) - (side < 0 ? h * 0.12 : 0);
    out += flag(scene, fx, h * r.range(0.18, 0.24), h * 0.6, h * r.range(0.1, 0.13), h * r.range(0.01, 0.03));
  }
  // Lectern: a tapered front with a round seal.
  const topY = h * r.range(0.5, 0.55);
  const lw = w * r.range(0.14, 0.18);
  const woodHsl: Hsl = r.chance(0.5) ? [30, 35, 30] : [accent(s, 1)[0], 45, 36];
  const wood = tone(woodHsl);
  out += polygon([[cx - lw / 2, topY], [cx + lw / 2, topY], [cx + lw * 0.42, floorTop], [cx - lw * 0.42, floorTop]], wood);
  out += rect(cx - lw * 0.56, topY - h * 0.02, lw * 1.12, h * 0.03, tone([30, 30, 20]));
  out += rect(cx - lw * 0.5, topY + h * 0.012, lw, h * 0.008, tone(woodHsl, 10), opacity(0.6));
  out += circle(cx, topY + (floorTop - topY) * 0.35, lw * 0.16, tone(accent(s, 2), 10, 10)) + circle(cx, topY + (floorTop - topY) * 0.35, lw * 0.11, wood);
  // Microphones fanning out from the lectern's edge towards the speaker's place.
  const mics = r.int(3, 7);
  for (let i = 0; i < mics; i++) {
    const t = mics === 1 ? 0.5 : i / (mics - 1);
    const bx = cx + (t - 0.5) * lw * 0.8;
    const tx = cx + (t - 0.5) * lw * 0.35 + r.range(-0.01, 0.01) * w;
    const ty = topY - h * r.range(0.12, 0.17);
    out += line(bx, topY - h * 0.02, tx, ty, tone(s.ink, 8), h * 0.006);
    const angle = (Math.atan2(ty - topY, tx - bx) * 180) / Math.PI + 90;
    const mh = h * 0.06;
    out += `<g transform="translate(${n(tx)} ${n(ty)}) rotate(${n(angle)})"><rect x="${n(-mh * 0.25)}" y="${n(-mh)}" width="${n(mh * 0.5)}" height="${n(mh)}" rx="${n(mh * 0.25)}" fill="${tone(s.ink, 4)}"/><rect x="${n(-mh * 0.3)}" y="${n(-mh * 0.45)}" width="${n(mh * 0.6)}" height="${n(mh * 0.28)}" fill="${tone(accent(s, i), 5, 10)}"/></g>`;
  }
  // The press seen from behind: heads and raised cameras along the bottom edge.
  const press = tone([wall[0], 25, 7]);
  let x = -r.range(0, 0.05) * w;
  while (x < w * 1.05) {
    const size = h * r.range(0.09, 0.12);
    const y = h * 1.02;
    out += rect(x - size * 0.7, y - size * 0.75, size * 1.4, size, press, ` rx="${n(size * 0.4)}"`) + circle(x, y - size * 0.95, size * 0.38, press);
    if (r.chance(0.3)) {
      const camY = y - size * r.range(1.6, 2.1);
      out += rect(x - size * 0.35, camY, size * 0.7, size * 0.45, press, ` rx="${n(size * 0.06)}"`) + circle(x + size * 0.1, camY + size * 0.22, size * 0.14, tone(s.ink, 30));
      out += line(x - size * 0.1, camY + size * 0.45, x - size * 0.2, y - size * 1.1, press, size * 0.12);
    }
    x += size * r.range(1.1, 1.5);
  }
  return maybeMirror(scene, out, r.chance(0.5));
};

/** A columned public building on a plaza: parliaments, central banks, city halls, courts. */
export const drawHall: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.pick([0.12, 0.88]) * w, r.range(0.12, 0.25) * h, h * r.range(0.05, 0.07), dusk);
  if (!dusk) out += clouds(scene, r.int(1, 3), h * 0.28);
  const ground = h * r.range(0.8, 0.86);
  const stone = dusk ? tone([accent(s, 2)[0], 12, 62]) : tone([accent(s, 2)[0], 14, 88]);
  const shade = dusk ? tone([accent(s, 2)[0], 14, 44]) : tone([accent(s, 2)[0], 12, 70]);
  const cols = r.pick([4, 6, 6, 8]);
  const bw = w * r.range(0.48, 0.62);
  const cx = w * r.range(0.42, 0.58);
  const x0 = cx - bw / 2;
  const steps = r.int(3, 5);
  const stepH = h * 0.018;
  const base = ground - steps * stepH;
  const colH = h * r.range(0.3, 0.36);
  const entTop = base - colH;
  // Wings either side of the portico.
  const wingW = bw * r.range(0.25, 0.4);
  const wingTop = entTop + colH * r.range(0.05, 0.2);
  for (const wx of [x0 - wingW, x0 + bw]) {
    out += rect(wx, wingTop, wingW, base - wingTop, shade);
    for (let k = 0; k < 2; k++) {
      for (let c = 0; c < 4; c++) out += rect(wx + (wingW * (c + 0.3)) / 4, wingTop + (base - wingTop) * (0.18 + k * 0.42), (wingW / 4) * 0.4, (base - wingTop) * 0.26, tone(s.ink, dusk ? 10 : 30), dusk ? opacity(0.9) : opacity(0.5));
    }
  }
  // A pediment or a flat attic storey, and sometimes a dome behind; the flag flies from the highest point.
  const pedH = h * r.range(0.09, 0.12);
  const entab = h * 0.035;
  const roofY = entTop - entab;
  const pediment = r.chance(0.7);
  let crown = pediment ? roofY - pedH : roofY - pedH * 0.6;
  if (r.chance(0.45)) {
    const drumTop = crown - h * 0.05;
    // Keep the dome and its lantern inside the frame.
    const dr = Math.min(bw * r.range(0.16, 0.22), (drumTop - h * 0.08) / 0.9);
    if (dr > bw * 0.1) {
      out += rect(cx - dr * 0.9, drumTop, dr * 1.8, crown - drumTop + pedH, shade);
      out += path(`M${n(cx - dr)} ${n(drumTop)}A${n(dr)} ${n(dr * 0.9)} 0 0 1 ${n(cx + dr)} ${n(drumTop)}Z`, dusk ? tone([accent(s, 1)[0], 25, 36]) : tone([accent(s, 1)[0], 25, 62]));
      out += rect(cx - dr * 0.12, drumTop - dr * 0.9 - h * 0.03, dr * 0.24, h * 0.035, shade);
      crown = drumTop - dr * 0.9 - h * 0.03;
    }
  }
  out += rect(x0 - bw * 0.02, roofY, bw * 1.04, entab, stone) + rect(x0 - bw * 0.02, roofY + entab * 0.7, bw * 1.04, entab * 0.3, shade);
  if (pediment) {
    out += polygon([[x0 - bw * 0.03, roofY], [cx, roofY - pedH], [x0 + bw * 1.03, roofY]], stone);
    out += polygon([[x0 + bw * 0.06, roofY - pedH * 0.12], [cx, roofY - pedH * 0.8], [x0 + bw * 0.94, roofY - pedH * 0.12]], shade, opacity(0.5));
  } else {
    out += rect(x0 + bw * 0.02, roofY - pedH * 0.6, bw * 0.96, pedH * 0.6, stone) + rect(x0 + bw * 0.02, roofY - pedH * 0.6, bw * 0.96, h * 0.008, shade);
  }
  // Dark interior behind the colonnade, then the columns.
  out += rect(x0 + bw * 0.02, entTop, bw * 0.96, colH, tone(s.ink, dusk ? 2 : 22));
  const doorW = bw / cols / 2;
  out += rect(cx - doorW / 2, base - colH * 0.45, doorW, colH * 0.45, dusk ? '#ffd980' : tone(s.ink, 8), dusk ? opacity(0.7) : '');
  const colW = (bw / cols) * 0.42;
  for (let i = 0; i < cols; i++) {
    const x = x0 + (bw * (i + 0.5)) / cols;
    out += rect(x - colW / 2, entTop, colW, colH, stone);
    out += rect(x - colW * 0.62, entTop, colW * 1.24, colH * 0.04, stone) + rect(x - colW * 0.62, base - colH * 0.04, colW * 1.24, colH * 0.04, stone);
    for (let f = 1; f < 4; f++) out += line(x - colW / 2 + (colW * f) / 4, entTop + colH * 0.06, x - colW / 2 + (colW * f) / 4, base - colH * 0.06, shade, colW * 0.05, opacity(0.7));
  }
  for (let k = 0; k < steps; k++) {
    const spread = bw * (0.04 + k * 0.025);
    out += rect(x0 - spread, base + k * stepH, bw + spread * 2, stepH, k % 2 ? stone : tone([accent(s, 2)[0], 12, dusk ? 56 : 82]));
  }
  out += rect(0, ground, w, h - ground, dusk ? tone(s.ink, 8) : tone([accent(s, 2)[0], 10, 72]));
  const poleH = Math.min(h * r.range(0.08, 0.12), crown - h * 0.03);
  // Under a tall dome there is no room for a pole inside the frame.
  if (poleH > h * 0.06) out += flag(scene, cx, crown - poleH, poleH, h * 0.055, h * 0.01);
  // Trees and lamps on the plaza.
  const leaf = tone([accentNear(s, 120)[0], 35, dusk ? 18 : 34]);
  for (const side of [-1, 1]) {
    for (let i = r.int(1, 3); i > 0; i--) {
      const tx = cx + side * (bw / 2 + wingW + w * r.range(0.02, 0.12));
      const size = h * r.range(0.07, 0.1);
      out += rect(tx - size * 0.08, ground - size * 1.3, size * 0.16, size * 1.3, tone(s.ink, 12)) + circle(tx, ground - size * 1.6, size * 0.75, leaf);
    }
  }
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.3);
  return out;
};

/** Works on an industrial estate: a chip fab's clean white halls or a sawtooth factory with chimneys. */
export const drawFactory: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.25) * h, h * r.range(0.05, 0.08), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), h * 0.25);
  if (r.chance(0.6)) out += path(areaBelow(rollingLine(r, w, h * r.range(0.42, 0.5), h * 0.06), w, h), tone([accent(s, 0)[0], 20, dusk ? 26 : 72]));
  const ground = h * r.range(0.78, 0.84);
  out += rect(0, ground, w, h - ground, tone([accentNear(s, 120)[0], 22, dusk ? 18 : 52]));
  const fab = r.chance(0.5);
  const wall = dusk ? tone(s.paper, -55) : tone(s.paper, -2);
  const trim = tone(accent(s, 1), dusk ? -15 : 0);
  const glass = dusk ? '#ffd980' : tone(s.skyTop, -10, 10);
  let plant = '';
  if (fab) {
    // Long windowless clean-room halls with a band of colour, utility towers and ducts.
    const x0 = w * r.range(0.06, 0.18);
    const bw = w * r.range(0.55, 0.7);
    const top = ground - h * r.range(0.2, 0.26);
    plant += rect(x0, top, bw, ground - top, wall);
    plant += rect(x0, top + (ground - top) * 0.18, bw, h * 0.02, trim);
    plant += rect(x0 + bw * 0.05, ground - h * 0.08, bw * 0.35, h * 0.045, glass, opacity(0.8));
    const annexTop = top - h * r.range(0.06, 0.1);
    const annexW = bw * 0.3;
    plant += rect(x0 + bw * 0.62, annexTop, annexW, top - annexTop + 1, tone(s.paper, dusk ? -50 : -8));
    for (let i = 0; i < r.int(4, 7); i++) plant += rect(x0 + bw * 0.64 + i * annexW * 0.14, annexTop - h * 0.035, annexW * 0.1, h * 0.035, tone(s.ink, 35, -15));
    for (let i = 0; i < r.int(2, 3); i++) {
      const tx = x0 + bw + w * (0.02 + i * 0.05);
      const tt = ground - h * r.range(0.28, 0.36);
      plant += rect(tx, tt, w * 0.028, ground - tt, tone(s.ink, dusk ? 12 : 45, -10)) + rect(tx - w * 0.004, tt, w * 0.036, h * 0.012, trim);
    }
    plant += rect(x0 + bw, ground - h * 0.13, w * 0.12, h * 0.012, tone(s.ink, 30, -15));
    if (r.chance(0.5)) {
      for (let x = x0 + bw * 0.04; x < x0 + bw * 0.58; x += w * 0.05) plant += polygon([[x, top], [x + w * 0.04, top], [x + w * 0.03, top - h * 0.02], [x - w * 0.01, top - h * 0.02]], tone([accentNear(s, 220)[0], 45, 36]));
    }
  } else {
    // A sawtooth-roofed works with chimneys; smoke drifts with the wind.
    const x0 = w * r.range(0.04, 0.14);
    const bw = w * r.range(0.6, 0.74);
    const top = ground - h * r.range(0.15, 0.19);
    const teeth = r.int(5, 8);
    const toothW = bw / teeth;
    let roof = `M${n(x0)} ${n(ground)}V${n(top)}`;
    for (let i = 0; i < teeth; i++) roof += `L${n(x0 + toothW * (i + 1))} ${n(top - h * 0.06)}V${n(top)}`;
    plant += path(`${roof}V${n(ground)}Z`, wall);
    for (let i = 0; i < teeth; i++) plant += polygon([[x0 + toothW * (i + 0.72), top - h * 0.043], [x0 + toothW * (i + 1), top - h * 0.06], [x0 + toothW * (i + 1), top]], glass, opacity(0.7));
    plant += rect(x0, top + h * 0.02, bw, h * 0.015, trim);
    for (let x = x0 + toothW * 0.3; x < x0 + bw - toothW * 0.3; x += toothW) plant += rect(x, ground - h * 0.085, toothW * 0.4, h * 0.06, tone(s.ink, dusk ? 6 : 30), opacity(0.8));
    const wind = r.range(0.6, 1.4) * (r.chance(0.5) ? 1 : -1);
    for (let i = r.int(1, 3); i > 0; i--) {
      const sx = x0 + bw * r.range(0.15, 0.9);
      const sh = h * r.range(0.3, 0.42);
      const sw = w * 0.022;
      plant += polygon([[sx - sw * 0.6, top], [sx + sw * 0.6, top], [sx + sw * 0.4, top - sh], [sx - sw * 0.4, top - sh]], tone(s.ink, dusk ? 14 : 38, -15));
      for (let k = 0; k < 2; k++) plant += rect(sx - sw * 0.5, top - sh * (0.75 + k * 0.12), sw, h * 0.012, tone(accent(s, 3), 0, 10));
      for (let k = 0; k < 4; k++) plant += circle(sx + wind * h * (0.03 + k * 0.05), top - sh - h * (0.03 + k * 0.03), h * (0.025 + k * 0.012), dusk ? tone(s.nightBottom, 20) : '#ffffff', opacity(0.75 - k * 0.12));
    }
  }
  if (r.chance(0.5)) {
    // Solar panels on the ground beside the works.
    const px = w * r.range(0.8, 0.88);
    for (let row = 0; row < 2; row++) {
      for (let c = 0; c < 3; c++) {
        const x = px + c * w * 0.045 - row * w * 0.02;
        const y = ground + h * (0.03 + row * 0.06);
        plant += polygon([[x, y], [x + w * 0.04, y], [x + w * 0.035, y + h * 0.04], [x - w * 0.005, y + h * 0.04]], tone([accentNear(s, 220)[0], 45, 30]));
      }
    }
  }
  // A perimeter fence and a lorry.
  plant += line(0, ground + h * 0.02, w, ground + h * 0.02, tone(s.ink, 30, -15), h * 0.004);
  const truckX = w * r.range(0.1, 0.6);
  plant += rect(truckX, ground + h * 0.045, w * 0.08, h * 0.05, tone(accent(s, 2), 5)) + rect(truckX + w * 0.082, ground + h * 0.06, w * 0.025, h * 0.035, tone(s.ink, 15));
  plant += circle(truckX + w * 0.015, ground + h * 0.1, h * 0.012, tone(s.ink, 5)) + circle(truckX + w * 0.095, ground + h * 0.1, h * 0.012, tone(s.ink, 5));
  out += maybeMirror(scene, plant, r.chance(0.5));
  if (!dusk) out += birds(scene, r.int(1, 3), h * 0.25);
  return out;
};

/** A low care home or clinic among trees, with a garden bench: welfare and care stories. */
export const drawCare: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const evening = r.chance(0.25);
  let out = sky(scene, evening);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.05, 0.07), evening);
  if (!evening) out += clouds(scene, r.int(1, 3), h * 0.25);
  const ground = h * r.range(0.78, 0.84);
  out += path(areaBelow(rollingLine(r, w, h * 0.6, h * 0.04), w, h), tone([accent(s, 0)[0], 20, evening ? 26 : 74]));
  out += rect(0, ground, w, h - ground, tone([accentNear(s, 120)[0], 30, evening ? 20 : 56]));
  const floors = r.int(2, 4);
  const floorH = h * 0.1;
  const bw = w * r.range(0.5, 0.62);
  const x0 = w * r.range(0.12, 0.3);
  const top = ground - floors * floorH;
  const wall = evening ? tone(s.paper, -48) : tone(s.paper, -1);
  const band = tone(accent(s, r.int(0, 3)), evening ? -10 : 8, -5);
  const win = evening ? '#ffd980' : tone(s.skyTop, -6, 8);
  out += rect(x0, top, bw, ground - top, wall);
  out += rect(x0 - w * 0.01, top - h * 0.02, bw + w * 0.02, h * 0.022, tone(s.ink, evening ? 6 : 28, -10));
  const bays = Math.round(bw / (w * 0.06));
  for (let f = 0; f < floors; f++) {
    const fy = top + f * floorH;
    out += rect(x0, fy + floorH - h * 0.012, bw, h * 0.012, band);
    for (let b = 0; b < bays; b++) {
      const wx = x0 + (bw * (b + 0.2)) / bays;
      if (f === floors - 1 && Math.abs(b - (bays - 1) / 2) < 1) continue;
      out += rect(wx, fy + floorH * 0.22, (bw / bays) * 0.6, floorH * 0.5, win, evening ? opacity(r.range(0.5, 0.95)) : opacity(0.8));
      if (f < floors - 1 && r.chance(0.25)) out += rect(wx - w * 0.004, fy + floorH * 0.62, (bw / bays) * 0.6 + w * 0.008, floorH * 0.12, tone(accent(s, r.int(0, 3)), 15, -10));
    }
  }
  // Entrance: glass doors under a canopy, a round emblem (a plain cross) above.
  const ex = x0 + bw / 2;
  out += rect(ex - w * 0.04, ground - floorH * 0.75, w * 0.08, floorH * 0.75, win, opacity(0.9)) + line(ex, ground - floorH * 0.75, ex, ground, wall, w * 0.003);
  out += rect(ex - w * 0.06, ground - floorH * 0.85, w * 0.12, h * 0.018, tone(s.ink, evening ? 10 : 30));
  const em = h * 0.03;
  const emY = ground - floorH * 0.85 - h * 0.06;
  out += circle(ex, emY, em, tone(accentNear(s, 150), 0, 5)) + rect(ex - em * 0.2, emY - em * 0.6, em * 0.4, em * 1.2, '#ffffff') + rect(ex - em * 0.6, emY - em * 0.2, em * 1.2, em * 0.4, '#ffffff');
  // Trees, hedges and a bench with two people.
  const leaf = tone([accentNear(s, 120)[0], 38, evening ? 16 : 36]);
  for (let i = r.int(3, 6); i > 0; i--) {
    const tx = r.chance(0.5) ? r.range(0, x0) : r.range(x0 + bw, w);
    const size = h * r.range(0.06, 0.11);
    out += rect(tx - size * 0.08, ground - size * 1.3, size * 0.16, size * 1.3, tone(s.ink, 14)) + circle(tx, ground - size * 1.6, size * 0.8, leaf) + circle(tx + size * 0.4, ground - size * 1.25, size * 0.5, leaf);
  }
  for (let x = x0; x < x0 + bw; x += w * 0.03) out += circle(x, ground + h * 0.005, h * 0.022, tone([accentNear(s, 120)[0], 32, evening ? 14 : 30]));
  const benchX = r.chance(0.5) ? w * r.range(0.03, 0.1) : w * r.range(0.82, 0.88);
  const by = ground + h * 0.09;
  const person = tone(s.ink, evening ? 4 : 14);
  out += rect(benchX, by - h * 0.03, w * 0.09, h * 0.012, tone([30, 40, 38])) + rect(benchX + w * 0.005, by - h * 0.018, w * 0.006, h * 0.02, tone(s.ink, 10)) + rect(benchX + w * 0.078, by - h * 0.018, w * 0.006, h * 0.02, tone(s.ink, 10));
  for (const [k, dx] of [0.025, 0.065].entries()) {
    const px = benchX + w * dx;
    out += rect(px - h * 0.016, by - h * 0.08, h * 0.032, h * 0.05, tone(accent(s, k + 1), -5), ` rx="${n(h * 0.012)}"`) + circle(px, by - h * 0.095, h * 0.016, person);
  }
  if (!evening) out += birds(scene, r.int(2, 4), h * 0.3);
  return maybeMirror(scene, out, r.chance(0.5));
};

/**
 * Delegates round a conference table under a row of flags, name cards and
 * microphones before them: trade talks, summits, councils, ministerial meetings.
 */
export const drawSummit: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wall = accent(s, 0);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([wall[0], 22, 72]), tone([wall[0], 26, 58])));
  // Wall panels and a row of flags behind the delegates.
  for (let x = 0; x < w; x += w * 0.125) out += rect(x, 0, w * 0.004, h * 0.6, tone([wall[0], 20, 50]), opacity(0.5));
  const flags = w > h * 1.2 ? r.int(4, 6) : r.int(3, 4);
  for (let i = 0; i < flags; i++) {
    const fx = w * ((i + 0.5) / flags) - h * 0.05;
    out += flag(scene, fx, h * r.range(0.1, 0.14), h * 0.4, h * r.range(0.07, 0.09), h * r.range(0.008, 0.02));
  }
  const tableTop = h * r.range(0.55, 0.6);
  const cloth = accent(s, 1);
  const delegates = Math.max(3, Math.round(w / (h * 0.26)));
  const gap = w / delegates;
  for (let i = 0; i < delegates; i++) {
    const x = gap * (i + 0.5) + r.range(-0.08, 0.08) * gap;
    const size = h * r.range(0.15, 0.17);
    const suit = r.chance(0.7) ? tone([220, 15, r.range(18, 30)]) : tone(accent(s, r.int(0, 3)), -15, -15);
    // Chair back, shoulders and head; a shirt collar.
    out += rect(x - size * 0.55, tableTop - size * 1.25, size * 1.1, size * 1.3, tone([wall[0], 15, 22]), ` rx="${n(size * 0.2)}"`);
    out += rect(x - size * 0.5, tableTop - size * 0.7, size, size * 0.8, suit, ` rx="${n(size * 0.3)}"`) + polygon([[x - size * 0.12, tableTop - size * 0.7], [x + size * 0.12, tableTop - size * 0.7], [x, tableTop - size * 0.45]], '#ffffff');
    // A face and the hair above it: a lit face reads as a person at this size, a dark disc does not.
    const head = tableTop - size * 0.95;
    out += circle(x, head, size * 0.24, tone(r.pick<Hsl>([[28, 48, 72], [26, 40, 62], [24, 36, 50]])));
    out += path(`M${n(x - size * 0.25)} ${n(head)}A${n(size * 0.25)} ${n(size * 0.25)} 0 0 1 ${n(x + size * 0.25)} ${n(head)}Q${n(x)} ${n(head - size * 0.12)} ${n(x - size * 0.25)} ${n(head)}Z`, tone([25, 10, r.range(10, 60)]));
  }
  // The table: a cloth front, and on top name cards, microphones, glasses.
  out += rect(0, tableTop, w, h * 0.035, tone(cloth, 20, -20)) + rect(0, tableTop + h * 0.035, w, h * 0.2, tone(cloth, -8, -10));
  for (let i = 0; i < delegates; i++) {
    const x = gap * (i + 0.5);
    out += polygon([[x - gap * 0.18, tableTop + h * 0.02], [x + gap * 0.18, tableTop + h * 0.02], [x + gap * 0.15, tableTop - h * 0.025], [x - gap * 0.15, tableTop - h * 0.025]], '#fbfbf8');
    out += line(x + gap * 0.28, tableTop + h * 0.01, x + gap * 0.2, tableTop - h * 0.07, tone(s.ink, 10), h * 0.004) + circle(x + gap * 0.2, tableTop - h * 0.075, h * 0.008, tone(s.ink, 5));
    if (r.chance(0.6)) out += rect(x - gap * 0.34, tableTop - h * 0.035, h * 0.018, h * 0.04, '#ffffff', opacity(0.7));
  }
  // The backs of the delegation across the table, in the foreground.
  const backs = tone([wall[0], 20, 10]);
  let x = -r.range(0, 0.06) * w;
  while (x < w) {
    const size = h * r.range(0.2, 0.24);
    out += rect(x - size * 0.55, h - size * 0.55, size * 1.1, size, backs, ` rx="${n(size * 0.35)}"`) + circle(x, h - size * 0.75, size * 0.28, backs);
    x += size * r.range(1.4, 1.9);
  }
  return out;
};
