// Indoors: an evacuation shelter, an office floor, a kitchen table, a cinema, a data centre, a robot cell.
import { accent, accentNear, type Hsl, tone } from '../colour';
import { bust, circle, type Draw, line, maybeMirror, n, opacity, path, person, polygon, rect, verticalGradient } from '../svg';

const SKIN: readonly Hsl[] = [
  [28, 50, 74],
  [26, 42, 64],
  [24, 38, 52],
];

/**
 * A school gym turned evacuation shelter: cardboard beds in rows behind low
 * partitions, blankets, people resting; disasters, drills and shelter rules.
 */
export const drawShelter: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const night = r.chance(0.3);
  const wallHsl: Hsl = [35, 25, night ? 52 : 80];
  let out = rect(0, 0, w, h, tone(wallHsl));
  // High windows and the ceiling lights of a gym.
  const winY = h * 0.06;
  for (let x = w * 0.04; x < w; x += w * 0.12) out += rect(x, winY, w * 0.09, h * 0.1, night ? tone(s.nightTop, 10) : tone(s.skyTop, 4), ` stroke="${tone(wallHsl, -25)}" stroke-width="${n(h * 0.006)}"`);
  for (let x = w * 0.1; x < w; x += w * 0.2) out += rect(x, 0, w * 0.06, h * 0.018, '#fffbe8', opacity(0.9));
  // Wood panelling along the lower wall, a basketball backboard and a stage curtain.
  const floorTop = h * r.range(0.42, 0.48);
  out += rect(0, floorTop - h * 0.12, w, h * 0.12, tone([30, 40, night ? 30 : 52]));
  const boardX = w * r.range(0.3, 0.7);
  out += rect(boardX - h * 0.07, h * 0.2, h * 0.14, h * 0.09, '#ffffff', ` stroke="${tone(s.ink, 20)}" stroke-width="${n(h * 0.006)}"`) + `<ellipse cx="${n(boardX)}" cy="${n(h * 0.3)}" rx="${n(h * 0.03)}" ry="${n(h * 0.008)}" fill="none" stroke="${tone([20, 80, 50])}" stroke-width="${n(h * 0.005)}"/>`;
  out += rect(0, floorTop, w, h - floorTop, tone([34, 45, night ? 42 : 66]));
  for (let y = floorTop + h * 0.05; y < h; y += h * 0.08) out += line(0, y, w, y, tone([34, 40, night ? 36 : 58]), h * 0.003);
  out += line(0, floorTop + (h - floorTop) * 0.3, w, floorTop + (h - floorTop) * 0.3, tone([accent(s, 1)[0], 60, 55]), h * 0.005, opacity(0.6));
  const card = tone([32, 35, night ? 55 : 72]);
  const cardSide = tone([32, 35, night ? 44 : 60]);
  const partition = tone(s.paper, night ? -30 : -4);
  // Rows of beds, smaller and higher further back.
  for (const [row, scale] of [[0, 0.62], [1, 1.05]] as const) {
    const base = floorTop + (h - floorTop) * (0.42 + row * 0.56);
    const unit = h * 0.3 * scale;
    let x = -r.range(0, 0.5) * unit;
    while (x < w) {
      const tall = unit * 0.75;
      // A partition behind each bed; some families have drawn a curtain.
      out += rect(x, base - unit * 0.42 - tall, unit * 1.25, tall, partition) + rect(x, base - unit * 0.42 - tall, unit * 1.25, unit * 0.03, tone(s.paper, night ? -45 : -20));
      if (r.chance(0.3)) out += rect(x + unit * 0.05, base - unit * 0.42 - tall * 0.95, unit * 0.5, tall * 0.9, tone(accent(s, r.int(0, 3)), 10, -15), opacity(0.85));
      // The cardboard bed: its side and top, a blanket and a pillow.
      out += rect(x + unit * 0.05, base - unit * 0.42, unit * 1.15, unit * 0.3, cardSide);
      out += polygon([[x + unit * 0.05, base - unit * 0.42], [x + unit * 1.2, base - unit * 0.42], [x + unit * 1.12, base - unit * 0.52], [x + unit * 0.12, base - unit * 0.52]], card);
      for (let k = 1; k < 3; k++) out += line(x + unit * (0.05 + k * 0.38), base - unit * 0.42, x + unit * (0.05 + k * 0.38), base - unit * 0.12, tone([32, 30, night ? 36 : 50]), unit * 0.012);
      const c = accent(s, r.int(0, 3));
      if (r.chance(0.55)) {
        out += bust(x + unit * r.range(0.35, 0.9), base - unit * 0.78, unit * 0.42, tone(c, -10, -10), tone(s.ink, 12));
        out += rect(x + unit * 0.1, base - unit * 0.56, unit * 1.05, unit * 0.16, tone(c, 12, -5), ` rx="${n(unit * 0.06)}"`);
      } else {
        out += rect(x + unit * 0.3, base - unit * 0.6, unit * 0.85, unit * 0.1, tone(c, 8, -5), ` rx="${n(unit * 0.04)}"`) + rect(x + unit * 0.14, base - unit * 0.6, unit * 0.2, unit * 0.09, '#ffffff', ` rx="${n(unit * 0.04)}"`);
      }
      x += unit * 1.35;
    }
  }
  return out;
};

/** An open-plan office with a window wall onto the city: work, public servants, side jobs. */
export const drawOffice: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.25);
  let out = rect(0, 0, w, h, dusk ? verticalGradient(scene, tone(s.nightTop, 10), tone(s.nightBottom, 15)) : verticalGradient(scene, tone(s.skyTop, 4), tone(s.skyBottom, 2)));
  // The city beyond the glass.
  const sill = h * r.range(0.5, 0.56);
  let x = 0;
  while (x < w) {
    const bw = w * r.range(0.05, 0.1);
    const bh = h * r.range(0.12, 0.32);
    out += rect(x, sill - bh, bw, bh, dusk ? tone(s.nightBottom, 10, -10) : tone(s.skyBottom, -14, -25));
    if (dusk) for (let y = sill - bh + h * 0.02; y < sill - h * 0.01; y += h * 0.03) out += rect(x + bw * 0.15, y, bw * 0.7, h * 0.01, '#ffd980', opacity(r.range(0.3, 0.7)));
    x += bw + w * 0.005;
  }
  // Mullions and ceiling.
  for (let mx = 0; mx <= w; mx += w / 6) out += rect(mx - w * 0.004, 0, w * 0.008, sill, tone(s.ink, dusk ? 10 : 40, -10));
  out += rect(0, 0, w, h * 0.08, tone(s.paper, dusk ? -50 : -6));
  for (let lx = w * 0.08; lx < w; lx += w * 0.22) out += rect(lx, h * 0.06, w * 0.12, h * 0.012, '#ffffff', opacity(0.9));
  out += rect(0, sill, w, h - sill, tone([accent(s, 3)[0], 12, dusk ? 30 : 76]));
  // Two rows of desks with monitors and the people at them.
  const screen = dusk ? tone(accent(s, 1), 20, 10) : tone(s.skyTop, 10, 10);
  const deskTone = tone(s.paper, dusk ? -40 : -2);
  for (const [row, scale] of [[0, 0.7], [1, 1]] as const) {
    const deskY = sill + (h - sill) * (row ? 0.72 : 0.22);
    const unit = h * 0.3 * scale;
    let dx = w * r.range(0, 0.05);
    while (dx < w) {
      if (r.chance(0.75)) out += bust(dx + unit * 0.5, deskY - unit * 0.55, unit * 0.42, tone(accent(s, r.int(0, 3)), -8, -10), tone(s.ink, 10));
      out += rect(dx + unit * 0.05, deskY - unit * 0.62, unit * 0.55, unit * 0.38, tone(s.ink, 8), ` rx="${n(unit * 0.03)}"`) + rect(dx + unit * 0.08, deskY - unit * 0.59, unit * 0.49, unit * 0.31, screen);
      out += rect(dx + unit * 0.3, deskY - unit * 0.24, unit * 0.06, unit * 0.2, tone(s.ink, 8));
      if (r.chance(0.4)) out += rect(dx + unit * 0.7, deskY - unit * 0.2, unit * 0.2, unit * 0.16, tone(accent(s, r.int(0, 3)), 10), ` rx="${n(unit * 0.02)}"`);
      dx += unit * 1.1;
    }
    out += rect(0, deskY - h * 0.005, w, h * 0.03 * scale, deskTone) + rect(0, deskY + h * 0.025 * scale, w, h * 0.08 * scale, tone(s.paper, dusk ? -55 : -18));
  }
  // A plant at the end of a row.
  const px = r.pick([0.04, 0.93]) * w;
  const py = h * 0.98;
  out += rect(px - h * 0.03, py - h * 0.08, h * 0.06, h * 0.08, tone(accent(s, 0), -5));
  for (let k = 0; k < 6; k++) out += `<ellipse cx="${n(px + (k - 2.5) * h * 0.02)}" cy="${n(py - h * 0.15)}" rx="${n(h * 0.015)}" ry="${n(h * 0.07)}" fill="${tone([accentNear(s, 125)[0], 40, 35])}" transform="rotate(${(k - 2.5) * 14} ${n(px)} ${n(py - h * 0.08)})"/>`;
  return out;
};

/**
 * A pot steaming on a tabletop stove, bowls and chopsticks, vegetables on a
 * board: home cooking, local dishes, food prices, emergency meals.
 */
export const drawKitchen: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const wallHsl: Hsl = [accent(s, 0)[0], 20, 86];
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(wallHsl), tone(wallHsl, -8)));
  // Tiles or boards on the wall behind.
  const tiles = r.chance(0.5);
  const tile = h * 0.08;
  let grid = '';
  if (tiles) for (let y = tile; y < h * 0.6; y += tile) grid += `M0 ${n(y)}H${n(w)}`;
  for (let gx = tile; gx < w; gx += tiles ? tile : tile * 1.8) grid += `M${n(gx)} 0V${n(h * 0.6)}`;
  out += `<path d="${grid}" stroke="${tone(wallHsl, -14)}" stroke-width="${n(h * 0.004)}"/>`;
  if (r.chance(0.6)) {
    // A window with daylight.
    const wx = w * r.range(0.05, 0.2);
    out += rect(wx, h * 0.08, w * 0.2, h * 0.3, tone(s.skyTop, 8), ` stroke="${tone([30, 30, 45])}" stroke-width="${n(h * 0.012)}"`) + line(wx + w * 0.1, h * 0.08, wx + w * 0.1, h * 0.38, tone([30, 30, 45]), h * 0.008);
  }
  const tableTop = h * r.range(0.56, 0.62);
  const wood: Hsl = [r.range(24, 34), 40, r.range(40, 55)];
  out += rect(0, tableTop, w, h - tableTop, tone(wood));
  for (let y = tableTop + h * 0.06; y < h; y += h * 0.07) out += line(0, y, w, y + h * r.range(-0.01, 0.01), tone(wood, -6), h * 0.004, opacity(0.7));
  // The stove and the pot.
  const cx = w * r.range(0.4, 0.6);
  const potW = Math.min(w * 0.34, h * 0.6);
  const stoveY = tableTop + h * 0.2;
  out += rect(cx - potW * 0.62, stoveY - h * 0.02, potW * 1.24, h * 0.12, tone(s.ink, 30, -15), ` rx="${n(h * 0.015)}"`) + rect(cx + potW * 0.38, stoveY + h * 0.01, potW * 0.14, h * 0.05, tone(s.ink, 10), ` rx="${n(h * 0.01)}"`);
  const clay = r.chance(0.5);
  const potHsl: Hsl = clay ? [22, 35, 32] : accent(s, 1);
  const potFill = clay ? tone(potHsl) : tone(potHsl, -10, -10);
  const rimY = stoveY - potW * 0.36;
  out += path(`M${n(cx - potW / 2)} ${n(rimY)}Q${n(cx - potW / 2)} ${n(stoveY + h * 0.01)} ${n(cx)} ${n(stoveY + h * 0.01)}Q${n(cx + potW / 2)} ${n(stoveY + h * 0.01)} ${n(cx + potW / 2)} ${n(rimY)}Z`, potFill);
  out += rect(cx - potW * 0.62, rimY + potW * 0.04, potW * 0.14, potW * 0.06, potFill, ` rx="${n(potW * 0.03)}"`) + rect(cx + potW * 0.48, rimY + potW * 0.04, potW * 0.14, potW * 0.06, potFill, ` rx="${n(potW * 0.03)}"`);
  out += `<ellipse cx="${n(cx)}" cy="${n(rimY)}" rx="${n(potW / 2)}" ry="${n(potW * 0.13)}" fill="${tone(potHsl, clay ? -10 : -22, -10)}"/>`;
  out += `<ellipse cx="${n(cx)}" cy="${n(rimY + potW * 0.01)}" rx="${n(potW * 0.45)}" ry="${n(potW * 0.105)}" fill="${tone([35, 45, 62])}"/>`;
  // What is in the pot: greens, slices of root vegetables, pieces of meat or tofu.
  const bits: Hsl[] = [[110, 45, 40], [28, 80, 55], [35, 30, 88], [15, 40, 42], [95, 50, 55]];
  for (let i = 0; i < 16; i++) {
    const a = r.range(0, Math.PI * 2);
    const d = Math.sqrt(r.next()) * 0.82;
    const bx = cx + Math.cos(a) * potW * 0.42 * d;
    const by = rimY + potW * 0.01 + Math.sin(a) * potW * 0.09 * d;
    const c = r.pick(bits);
    out += `<ellipse cx="${n(bx)}" cy="${n(by)}" rx="${n(potW * r.range(0.03, 0.06))}" ry="${n(potW * 0.02)}" fill="${tone(c)}" transform="rotate(${n(r.range(-30, 30))} ${n(bx)} ${n(by)})"/>`;
  }
  // Steam rising.
  let steam = '';
  for (let k = 0; k < 3; k++) {
    const sx = cx + (k - 1) * potW * 0.22;
    const top = rimY - h * r.range(0.25, 0.4);
    steam += `M${n(sx)} ${n(rimY - h * 0.03)}C${n(sx - potW * 0.12)} ${n(rimY - h * 0.12)} ${n(sx + potW * 0.12)} ${n(rimY - h * 0.18)} ${n(sx)} ${n(top)}`;
  }
  out += `<path d="${steam}" fill="none" stroke="#ffffff" stroke-width="${n(h * 0.018)}" stroke-linecap="round" opacity="0.7"/>`;
  // Bowls with chopsticks on either side, and a board with vegetables.
  const bowl = (bx: number, by: number, size: number, fill: string): string =>
    path(`M${n(bx - size)} ${n(by)}Q${n(bx - size)} ${n(by + size * 0.8)} ${n(bx)} ${n(by + size * 0.8)}Q${n(bx + size)} ${n(by + size * 0.8)} ${n(bx + size)} ${n(by)}Z`, fill) +
    `<ellipse cx="${n(bx)}" cy="${n(by)}" rx="${n(size)}" ry="${n(size * 0.22)}" fill="${tone([40, 20, 92])}"/>`;
  const side = r.chance(0.5) ? 1 : -1;
  const b1 = cx - side * potW * 0.95;
  out += bowl(b1, tableTop + h * 0.16, potW * 0.2, tone(accent(s, 0), -5)) + bowl(b1 - side * potW * 0.1, tableTop + h * 0.3, potW * 0.22, tone(accent(s, 2), -5));
  out += line(b1 + side * potW * 0.25, tableTop + h * 0.33, b1 + side * potW * 0.5, tableTop + h * 0.22, tone([20, 40, 25]), h * 0.008) + line(b1 + side * potW * 0.28, tableTop + h * 0.34, b1 + side * potW * 0.53, tableTop + h * 0.24, tone([20, 40, 25]), h * 0.008);
  const boardX = cx + side * potW * 0.8 - (side < 0 ? potW * 0.6 : 0);
  const boardY = tableTop + h * 0.24;
  out += rect(boardX, boardY, potW * 0.6, h * 0.12, tone([38, 45, 78]), ` rx="${n(h * 0.01)}"`);
  for (let k = 0; k < 4; k++) out += circle(boardX + potW * (0.1 + k * 0.1), boardY + h * 0.06, h * 0.022, tone([28, 80, 58]), ` stroke="${tone([28, 80, 45])}" stroke-width="${n(h * 0.004)}"`);
  for (let k = 0; k < 3; k++) out += `<ellipse cx="${n(boardX + potW * 0.48)}" cy="${n(boardY + h * (0.03 + k * 0.03))}" rx="${n(potW * 0.1)}" ry="${n(h * 0.012)}" fill="${tone([105, 50, 42], k * 5)}"/>`;
  return out;
};

/** A cinema: a lit screen above rows of seats, a projector's beam through the dark; films and festivals. */
export const drawCinema: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const hall = accent(s, 0)[0];
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([hall, 30, 9]), tone([hall, 35, 16])));
  // The screen shows a landscape at dusk, in soft shapes.
  const sw = w * r.range(0.6, 0.72);
  const sh = Math.min(sw * 0.42, h * 0.42);
  const sx = (w - sw) / 2;
  const sy = h * 0.08;
  const clip = scene.uid();
  scene.defs.push(`<clipPath id="${clip}"><rect x="${n(sx)}" y="${n(sy)}" width="${n(sw)}" height="${n(sh)}"/></clipPath>`);
  let film = rect(sx, sy, sw, sh, verticalGradient(scene, tone([accent(s, 2)[0], 60, 78]), tone([accent(s, 3)[0], 55, 70])));
  film += circle(sx + sw * r.range(0.2, 0.8), sy + sh * 0.55, sh * 0.16, '#fff5d8', opacity(0.9));
  film += path(`M${n(sx)} ${n(sy + sh * 0.7)}Q${n(sx + sw * 0.3)} ${n(sy + sh * 0.5)} ${n(sx + sw * 0.55)} ${n(sy + sh * 0.68)}T${n(sx + sw)} ${n(sy + sh * 0.6)}V${n(sy + sh)}H${n(sx)}Z`, tone([accent(s, 1)[0], 35, 35]));
  film += rect(sx, sy + sh * 0.82, sw, sh * 0.18, tone([accentNear(s, 210)[0], 45, 40]));
  out += `<g clip-path="url(#${clip})">${film}</g>`;
  out += rect(sx - w * 0.01, sy - h * 0.01, sw + w * 0.02, sh + h * 0.02, 'none', ` stroke="${tone([hall, 25, 4])}" stroke-width="${n(h * 0.012)}"`);
  // The projector's beam from the back wall, over the audience.
  const px = w * r.range(0.3, 0.7);
  out += polygon([[px - w * 0.01, h], [px + w * 0.01, h], [sx + sw, sy + sh], [sx, sy + sh * 0.2]], '#ffffff', opacity(0.06));
  // Rows of seats, lower and larger towards the viewer, with heads of the audience.
  const seat = tone(accent(s, 1), -20, 0);
  const seatTop = tone(accent(s, 1), -8, 0);
  const head = tone([hall, 30, 4]);
  for (let row = 0; row < 4; row++) {
    const size = h * (0.07 + row * 0.03);
    const y = sy + sh + h * 0.12 + row * (h * 0.1 + row * h * 0.02);
    let x = -r.range(0, 1) * size;
    while (x < w + size) {
      if (r.chance(0.55)) out += circle(x + size * 0.45, y - size * 0.35, size * 0.28, head) + rect(x + size * 0.1, y - size * 0.15, size * 0.7, size * 0.5, head, ` rx="${n(size * 0.2)}"`);
      out += rect(x, y, size * 0.9, size * 0.9, seat, ` rx="${n(size * 0.2)}"`) + rect(x, y, size * 0.9, size * 0.18, seatTop, ` rx="${n(size * 0.09)}"`);
      x += size;
    }
  }
  // Aisle lights.
  for (let k = 0; k < 5; k++) out += circle(w * 0.02, sy + sh + h * (0.15 + k * 0.12), h * 0.006, '#ffd980', opacity(0.8));
  return out;
};

/** An aisle between server racks with status lights and cable trays: data centres, AI computing. */
export const drawServer: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const glow = accentNear(s, 200);
  let out = rect(0, 0, w, h, verticalGradient(scene, tone([glow[0], 35, 12]), tone([glow[0], 30, 20])));
  const vx = w * r.range(0.42, 0.58);
  const vy = h * r.range(0.42, 0.5);
  const far = { l: vx - w * 0.06, r: vx + w * 0.06, t: vy - h * 0.14, b: vy + h * 0.1 };
  // Floor of perforated tiles and a ceiling, converging on the end of the aisle.
  out += polygon([[0, h], [w, h], [far.r, far.b], [far.l, far.b]], tone([glow[0], 12, 32]));
  let tiles = '';
  for (let k = -6; k <= 6; k++) tiles += `M${n(vx + k * w * 0.01)} ${n(far.b)}L${n(vx + k * w * 0.16)} ${n(h)}`;
  for (let t = 0.1; t < 1; t += 0.15) {
    const y = far.b + (h - far.b) * t * t;
    tiles += `M0 ${n(y)}H${n(w)}`;
  }
  out += `<path d="${tiles}" stroke="${tone([glow[0], 15, 45])}" stroke-width="${n(h * 0.003)}" opacity="0.6"/>`;
  out += polygon([[0, 0], [w, 0], [far.r, far.t], [far.l, far.t]], tone([glow[0], 20, 8]));
  out += rect(far.l, far.t, far.r - far.l, far.b - far.t, tone([glow[0], 40, 55]), opacity(0.8));
  // Racks: each side is a run of cabinets drawn as slices from the near edge to the far one.
  const slices = 7;
  const led = [tone([glow[0], 80, 65]), tone([140, 70, 55]), tone(accent(s, 2), 10, 20)];
  for (const side of [-1, 1]) {
    const nearX = side < 0 ? 0 : w;
    const farX = side < 0 ? far.l : far.r;
    for (let i = 0; i < slices; i++) {
      const t0 = Math.pow(i / slices, 0.7);
      const t1 = Math.pow((i + 1) / slices, 0.7);
      const x0 = nearX + (farX - nearX) * t0;
      const x1 = nearX + (farX - nearX) * t1;
      const top0 = far.t * t0 + h * 0.04 * (1 - t0);
      const top1 = far.t * t1 + h * 0.04 * (1 - t1);
      const bot0 = far.b * t0 + h * 0.98 * (1 - t0);
      const bot1 = far.b * t1 + h * 0.98 * (1 - t1);
      out += polygon([[x0, top0], [x1, top1], [x1, bot1], [x0, bot0]], tone([glow[0], 18, 14 + i * 2]));
      out += line(x1, top1, x1, bot1, tone([glow[0], 15, 6]), h * 0.004);
      // Rows of status lights on the rack fronts.
      const rows = 9;
      for (let k = 1; k < rows; k++) {
        const f = k / rows;
        const ya = top0 + (bot0 - top0) * f;
        const yb = top1 + (bot1 - top1) * f;
        for (let d = 0; d < 3; d++) {
          if (!r.chance(0.6)) continue;
          const g = 0.2 + d * 0.25;
          out += circle(x0 + (x1 - x0) * g, ya + (yb - ya) * g, h * 0.006 * (1 - t0 * 0.7), r.pick(led), opacity(0.9));
        }
      }
    }
  }
  // Cable trays overhead.
  out += path(`M${n(vx - w * 0.3)} 0L${n(far.l + w * 0.02)} ${n(far.t)}H${n(far.r - w * 0.02)}L${n(vx + w * 0.3)} 0Z`, tone(accent(s, 1), -20, -20), opacity(0.5));
  return maybeMirror(scene, out, r.chance(0.5));
};

/** Industrial robot arms over a conveyor on a bright factory floor: robotics, automation, production lines. */
export const drawRobot: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = rect(0, 0, w, h, verticalGradient(scene, tone(s.paper, -4), tone(s.paper, -12)));
  // Clerestory windows and roof trusses.
  for (let x = w * 0.03; x < w; x += w * 0.16) out += rect(x, h * 0.06, w * 0.12, h * 0.12, tone(s.skyTop, 6), opacity(0.9));
  out += line(0, h * 0.2, w, h * 0.2, tone(s.ink, 40, -15), h * 0.01);
  const floorTop = h * 0.62;
  out += rect(0, floorTop, w, h - floorTop, tone([accent(s, 3)[0], 10, 62]));
  // Yellow-and-black safety edge around the cell.
  const hazard = scene.uid();
  scene.defs.push(`<pattern id="${hazard}" width="${n(h * 0.05)}" height="${n(h * 0.05)}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="${n(h * 0.025)}" height="${n(h * 0.05)}" fill="#f2c230"/><rect x="${n(h * 0.025)}" width="${n(h * 0.025)}" height="${n(h * 0.05)}" fill="#2a2a2a"/></pattern>`);
  out += rect(0, h * 0.92, w, h * 0.025, `url(#${hazard})`);
  // The conveyor with parts on it.
  const beltY = h * 0.66;
  out += rect(0, beltY, w, h * 0.06, tone(s.ink, 20)) + rect(0, beltY, w, h * 0.015, tone(s.ink, 40));
  for (let x = w * 0.04; x < w; x += w * 0.12) out += rect(x, beltY + h * 0.06, w * 0.01, h * 0.14, tone(s.ink, 30));
  for (let x = r.range(0, 0.1) * w; x < w; x += w * r.range(0.12, 0.18)) out += rect(x, beltY - h * 0.04, w * 0.05, h * 0.04, tone(accent(s, r.int(0, 3)), 5), ` rx="${n(h * 0.006)}"`);
  // Arms: a base, two segments and a gripper, reaching down to the belt.
  const armColor = r.chance(0.5) ? tone([30, 85, 55]) : tone(accent(s, 0), 5, 15);
  const joint = tone(s.ink, 15);
  const arms = w > h * 1.2 ? r.int(2, 3) : 2;
  for (let i = 0; i < arms; i++) {
    const bx = w * ((i + 0.5) / arms) + r.range(-0.04, 0.04) * w;
    const by = h * 0.88;
    const seg = h * r.range(0.24, 0.3);
    const a1 = ((r.range(-35, -10) + (i % 2 ? 0 : -10)) * Math.PI) / 180;
    const shoulder: [number, number] = [bx, by - h * 0.08];
    const elbow: [number, number] = [shoulder[0] + Math.sin(a1) * seg, shoulder[1] - Math.cos(a1) * seg];
    const wrist: [number, number] = [elbow[0] + seg * r.range(0.7, 0.95) * (i % 2 ? -1 : 1) * 0.9, beltY - h * r.range(0.12, 0.18)];
    out += rect(bx - h * 0.07, by - h * 0.03, h * 0.14, h * 0.05, joint, ` rx="${n(h * 0.01)}"`) + rect(bx - h * 0.045, by - h * 0.1, h * 0.09, h * 0.08, armColor, ` rx="${n(h * 0.015)}"`);
    out += line(shoulder[0], shoulder[1], elbow[0], elbow[1], armColor, h * 0.06) + line(elbow[0], elbow[1], wrist[0], wrist[1], armColor, h * 0.045);
    out += circle(shoulder[0], shoulder[1], h * 0.038, joint) + circle(elbow[0], elbow[1], h * 0.032, joint) + circle(wrist[0], wrist[1], h * 0.022, joint);
    out += line(wrist[0], wrist[1], wrist[0], wrist[1] + h * 0.05, joint, h * 0.018) + line(wrist[0] - h * 0.02, wrist[1] + h * 0.05, wrist[0] - h * 0.02, wrist[1] + h * 0.08, joint, h * 0.01) + line(wrist[0] + h * 0.02, wrist[1] + h * 0.05, wrist[0] + h * 0.02, wrist[1] + h * 0.08, joint, h * 0.01);
  }
  // An engineer with a tablet, beside the line.
  if (r.chance(0.7)) {
    const px = r.pick([0.08, 0.92]) * w;
    out += person(px, h * 0.98, h * 0.36, tone(accent(s, 2), -12, -10), tone(SKIN[r.int(0, 2)] as Hsl));
    out += circle(px, h * 0.98 - h * 0.36 * 0.92, h * 0.036, '#ffffff');
  }
  return out;
};
