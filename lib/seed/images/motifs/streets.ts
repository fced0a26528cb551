// Streets and towns: a bus at its stop, a shopping street, a temple, a town under snow.
import { accent, accentNear, type Hsl, tone } from '../colour';
import { areaBelow, birds, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, person, polygon, rect, rollingLine, sky, sun, verticalGradient } from '../svg';

/** A small house with a pitched roof, `size` wide, standing on `ground`. */
function house(x: number, ground: number, size: number, wall: string, roof: string, glass: string): string {
  const hh = size * 0.55;
  return (
    rect(x, ground - hh, size, hh, wall) +
    polygon([[x - size * 0.08, ground - hh], [x + size * 0.5, ground - hh - size * 0.32], [x + size * 1.08, ground - hh]], roof) +
    rect(x + size * 0.18, ground - hh * 0.7, size * 0.22, hh * 0.32, glass) +
    rect(x + size * 0.6, ground - hh * 0.7, size * 0.22, hh * 0.7, glass, opacity(0.6))
  );
}

function tree(x: number, ground: number, size: number, trunk: string, leaf: string): string {
  return rect(x - size * 0.08, ground - size * 1.2, size * 0.16, size * 1.2, trunk) + circle(x, ground - size * 1.5, size * 0.62, leaf) + circle(x + size * 0.35, ground - size * 1.15, size * 0.42, leaf);
}

/**
 * A small bus pulling in at a stop, with people waiting: local buses, on-demand
 * and driverless shuttles. A seaside road or a tree-lined residential street.
 */
export const drawBus: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.05, 0.07), false);
  out += clouds(scene, r.int(1, 3), h * 0.25);
  const road = h * r.range(0.7, 0.76);
  const kerb = road - h * 0.06;
  const seaside = r.chance(0.45);
  const leaf = tone([accentNear(s, 120)[0], 38, 38]);
  let scenery = '';
  if (seaside) {
    const seaTop = h * r.range(0.44, 0.52);
    const water = accentNear(s, 205);
    scenery += path(areaBelow(rollingLine(r, w, seaTop - h * 0.04, h * 0.02), w, seaTop + 2), tone(s.skyBottom, -12, -15));
    scenery += rect(0, seaTop, w, kerb - seaTop, tone([water[0], 50, 50]));
    for (let i = r.int(6, 10); i > 0; i--) {
      const y = r.range(seaTop + h * 0.02, kerb - h * 0.02);
      const x = r.range(0, w);
      scenery += line(x, y, x + w * r.range(0.03, 0.08), y, '#ffffff', h * 0.004, opacity(0.5));
    }
    // A guard rail along the sea wall.
    scenery += rect(0, kerb - h * 0.035, w, h * 0.008, tone(s.paper, -10));
    for (let x = w * 0.02; x < w; x += w * 0.05) scenery += rect(x, kerb - h * 0.035, w * 0.005, h * 0.035, tone(s.paper, -25));
  } else {
    scenery += path(areaBelow(rollingLine(r, w, h * 0.45, h * 0.04), w, h), tone([accent(s, 0)[0], 20, 72]));
    let x = -r.range(0, 0.05) * w;
    while (x < w) {
      const size = h * r.range(0.16, 0.22);
      scenery += house(x, kerb, size, tone(s.paper, r.range(-12, 0)), tone(accent(s, r.int(0, 3)), -12, -15), tone(s.skyTop, -8, 5));
      x += size * 1.2;
      if (r.chance(0.6)) {
        scenery += tree(x + size * 0.2, kerb, h * r.range(0.09, 0.12), tone(s.ink, 14), leaf);
        x += size * 0.45;
      }
    }
  }
  scenery += rect(0, kerb, w, road - kerb, tone(s.paper, -14, -10)) + rect(0, road - h * 0.01, w, h * 0.01, tone(s.paper, -30, -10));
  scenery += rect(0, road, w, h - road, tone(s.ink, 26, -12));
  scenery += line(0, road + (h - road) * 0.62, w, road + (h - road) * 0.62, '#ffffff', h * 0.008, ` stroke-dasharray="${n(w * 0.05)} ${n(w * 0.04)}"${opacity(0.8)}`);

  // The stop: a pole with a round sign, and a shelter with people waiting.
  const stopX = w * r.range(0.66, 0.8);
  const signH = h * 0.22;
  scenery += line(stopX, kerb + h * 0.03, stopX, kerb - signH, tone(s.ink, 20), h * 0.008);
  scenery += circle(stopX, kerb - signH, h * 0.035, tone(accent(s, 1), 5, 10)) + circle(stopX, kerb - signH, h * 0.022, '#ffffff');
  scenery += rect(stopX - h * 0.012, kerb - signH + h * 0.06, h * 0.024, h * 0.06, '#ffffff', ` stroke="${tone(s.ink, 30)}" stroke-width="${n(h * 0.002)}"`);
  const shelterX = stopX + w * 0.03;
  const shelterW = w * 0.16;
  scenery += rect(shelterX, kerb - h * 0.2, shelterW, h * 0.015, tone(s.ink, 25)) + rect(shelterX + shelterW - w * 0.006, kerb - h * 0.2, w * 0.006, h * 0.2, tone(s.ink, 25));
  scenery += rect(shelterX + w * 0.01, kerb - h * 0.18, shelterW - w * 0.02, h * 0.12, tone(s.skyTop, 10), opacity(0.35));
  for (let i = r.int(1, 3); i > 0; i--) {
    const px = shelterX + shelterW * r.range(0.15, 0.85);
    scenery += person(px, kerb + h * 0.01, h * r.range(0.13, 0.16), tone(accent(s, r.int(0, 3)), -5), tone(s.ink, 10));
  }

  // The bus: a rounded box with a deep windscreen, a band of windows, a door and two wheels.
  const bl = Math.min(w * r.range(0.4, 0.5), h * 0.95);
  const bh = bl * r.range(0.36, 0.42);
  const bx = stopX - w * 0.04 - bl;
  const wheelR = bh * 0.15;
  const by = road + (h - road) * 0.35 - wheelR * 0.6;
  const top = by - bh;
  const body = r.chance(0.5) ? '#f5f6f7' : tone(accent(s, 0), 18, -5);
  const band = tone(accent(s, 2), 0, 10);
  const glass = tone(s.ink, 18, -5);
  let bus = rect(bx, top, bl, bh, body, ` rx="${n(bh * 0.16)}"`);
  bus += rect(bx, by - bh * 0.3, bl, bh * 0.09, band);
  bus += path(`M${n(bx + bl - bh * 0.05)} ${n(top + bh * 0.14)}Q${n(bx + bl)} ${n(top + bh * 0.14)} ${n(bx + bl)} ${n(top + bh * 0.3)}V${n(by - bh * 0.38)}H${n(bx + bl - bh * 0.22)}V${n(top + bh * 0.14)}Z`, glass);
  const windows = Math.max(3, Math.round(bl / (bh * 0.55)));
  const span = bl - bh * 0.4;
  for (let k = 0; k < windows; k++) {
    const wx = bx + bh * 0.1 + (span * k) / windows;
    if (k === windows - 2) {
      // The door, glazed to the kerb.
      bus += rect(wx, top + bh * 0.16, (span / windows) * 0.8, bh * 0.74, glass, ` rx="${n(bh * 0.03)}"`) + line(wx + (span / windows) * 0.4, top + bh * 0.18, wx + (span / windows) * 0.4, top + bh * 0.88, body, bh * 0.015);
      continue;
    }
    bus += rect(wx, top + bh * 0.16, (span / windows) * 0.84, bh * 0.34, glass, ` rx="${n(bh * 0.04)}"`);
  }
  bus += rect(bx + bl * 0.3, top - bh * 0.06, bl * 0.35, bh * 0.07, tone(s.paper, -18), ` rx="${n(bh * 0.03)}"`);
  bus += circle(bx + bl - bh * 0.06, by - bh * 0.18, bh * 0.04, '#fff3c4');
  for (const wx of [bx + bl * 0.2, bx + bl * 0.8]) bus += circle(wx, by, wheelR, tone(s.ink, 0)) + circle(wx, by, wheelR * 0.45, tone(s.paper, -25));
  bus += `<ellipse cx="${n(bx + bl / 2)}" cy="${n(by + wheelR * 0.9)}" rx="${n(bl * 0.5)}" ry="${n(wheelR * 0.25)}" fill="#000000" opacity="0.18"/>`;
  return out + maybeMirror(scene, scenery + bus, r.chance(0.5));
};

/**
 * A shopping street: shopfronts under awnings with sacks of rice, crates of
 * vegetables and shoppers: food prices, rice shops, local trade.
 */
export const drawMarket: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const evening = r.chance(0.25);
  let out = sky(scene, evening);
  if (!evening) out += clouds(scene, r.int(0, 2), h * 0.18);
  const ground = h * r.range(0.8, 0.86);
  const roofY = h * r.range(0.14, 0.22);
  // An arcade roof (shotengai) over the street, sometimes.
  const arcade = r.chance(0.5);
  const shops = Math.max(2, Math.round(w / (h * r.range(0.5, 0.65))));
  const shopW = w / shops;
  const fronts: string[] = [];
  for (let i = 0; i < shops; i++) {
    const x = i * shopW;
    const c = accent(s, i + r.int(0, 3));
    const upper = tone([c[0], 18, evening ? 30 : 80 - (i % 2) * 8]);
    let f = rect(x, roofY + r.range(-0.05, 0.05) * h, shopW + 1, ground, upper);
    const winY = roofY + h * 0.1;
    for (let k = 0; k < 2; k++) f += rect(x + shopW * (0.15 + k * 0.4), winY, shopW * 0.28, h * 0.1, evening ? '#ffd980' : tone(s.skyTop, -5, 5), evening ? opacity(r.range(0.4, 0.9)) : opacity(0.8));
    // The shop interior, lit, behind the awning.
    const awningY = ground - h * r.range(0.4, 0.44);
    f += rect(x + shopW * 0.05, awningY, shopW * 0.9, ground - awningY, tone([c[0], 20, evening ? 70 : 30]));
    for (let k = 0; k < 3; k++) f += rect(x + shopW * 0.08, awningY + h * (0.1 + k * 0.08), shopW * 0.84, h * 0.012, tone([c[0], 15, evening ? 55 : 45]));
    // Awning: stripes or solid with a scalloped edge.
    const aw = tone(c, 5, 10);
    const ah = h * 0.07;
    f += rect(x, awningY - ah, shopW, ah, aw);
    if (r.chance(0.5)) for (let k = 0; k < 6; k += 2) f += rect(x + (shopW * k) / 6, awningY - ah, shopW / 6, ah, '#ffffff', opacity(0.8));
    let scallop = `M${n(x)} ${n(awningY)}`;
    for (let k = 0; k < 6; k++) scallop += `Q${n(x + (shopW * (k + 0.5)) / 6)} ${n(awningY + ah * 0.35)} ${n(x + (shopW * (k + 1)) / 6)} ${n(awningY)}`;
    f += path(`${scallop}Z`, tone(c, -8, 10));
    // Goods in front: sacks of rice, or crates of vegetables and fruit.
    const standY = ground - h * 0.1;
    f += rect(x + shopW * 0.08, standY, shopW * 0.84, h * 0.1, tone([30, 35, 40]));
    if (r.chance(0.5)) {
      for (let k = 0; k < 4; k++) {
        const sx = x + shopW * (0.12 + k * 0.2);
        const sh = h * r.range(0.08, 0.11);
        f += rect(sx, standY - sh, shopW * 0.17, sh, tone([40, 30, 92]), ` rx="${n(shopW * 0.05)}"`) + rect(sx, standY - sh * 0.55, shopW * 0.17, sh * 0.16, tone(accent(s, k), 0, 10));
      }
    } else {
      for (let k = 0; k < 3; k++) {
        const cx = x + shopW * (0.12 + k * 0.27);
        const cw = shopW * 0.24;
        const fruit = r.pick<Hsl>([[5, 70, 52], [30, 85, 55], [95, 50, 42], [50, 85, 58], [340, 55, 45]]);
        for (let j = 0; j < 4; j++) f += circle(cx + cw * (0.15 + j * 0.23), standY - h * 0.02, h * 0.022, tone(fruit, r.range(-6, 6)));
        f += rect(cx, standY - h * 0.02, cw, h * 0.04, tone([32, 40, 55]));
      }
    }
    fronts.push(f);
  }
  out += fronts.join('');
  if (arcade) {
    out += path(`M0 ${n(roofY)}Q${n(w / 2)} ${n(roofY - h * 0.22)} ${n(w)} ${n(roofY)}V0H0Z`, tone(s.skyBottom, 8), opacity(0.55));
    for (let x = 0; x <= w; x += w / 8) out += line(x, 0, x, roofY - h * 0.04 * Math.sin((x / w) * Math.PI), tone(s.ink, 30), h * 0.006, opacity(0.6));
    out += path(`M0 ${n(roofY)}Q${n(w / 2)} ${n(roofY - h * 0.22)} ${n(w)} ${n(roofY)}`, 'none', ` stroke="${tone(s.ink, 25)}" stroke-width="${n(h * 0.01)}"`);
  }
  if (evening) {
    // Paper lanterns along the eaves.
    for (let x = w * 0.05; x < w; x += w * r.range(0.1, 0.16)) {
      const ly = roofY + h * 0.05;
      out += `<ellipse cx="${n(x)}" cy="${n(ly)}" rx="${n(h * 0.022)}" ry="${n(h * 0.032)}" fill="${tone([5, 75, 55])}"/>` + circle(x, ly, h * 0.05, '#ffd980', opacity(0.2));
    }
  }
  out += rect(0, ground, w, h - ground, tone(s.paper, evening ? -60 : -16, -15));
  // Shoppers, some with bags.
  for (let i = r.int(3, 6); i > 0; i--) {
    const px = r.range(0.03, 0.97) * w;
    const ph = h * r.range(0.19, 0.25);
    const base = ground + (h - ground) * r.range(0.4, 1);
    out += person(px, base, ph, tone(accent(s, r.int(0, 3)), -8, -5), tone(s.ink, 10));
    if (r.chance(0.5)) out += rect(px + ph * 0.16, base - ph * 0.42, ph * 0.14, ph * 0.16, tone(s.paper, -5), ` rx="${n(ph * 0.02)}"`);
  }
  return out;
};

/** A temple with a five-storey pagoda among autumn maples or spring cherries: Kyoto, tourism, tradition. */
export const drawTemple: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.2) * h, h * r.range(0.05, 0.07), dusk);
  if (!dusk) out += clouds(scene, r.int(0, 2), h * 0.22);
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.5, 0.58), h * 0.06), w, h), tone([accentNear(s, 130)[0], 20, dusk ? 24 : 62]));
  const ground = h * r.range(0.8, 0.86);
  const wood = dusk ? tone([12, 40, 22]) : tone([10, 55, 38]);
  const roof = tone(s.ink, dusk ? 0 : 12, -10);
  const plaster = dusk ? tone(s.paper, -55) : tone(s.paper, -2);
  // The pagoda: five storeys, each narrower, with curved eaves and a finial.
  const px = w * r.range(0.28, 0.4);
  const baseW = Math.min(w * 0.17, h * 0.3);
  const storey = (ground - h * 0.16) / 5.6;
  let y = ground;
  let pagoda = '';
  for (let i = 0; i < 5; i++) {
    const bw = baseW * (1 - i * 0.09);
    const bodyH = storey * 0.55;
    pagoda += rect(px - bw * 0.35, y - bodyH, bw * 0.7, bodyH, i === 0 ? plaster : wood);
    pagoda += rect(px - bw * 0.06, y - bodyH * 0.85, bw * 0.12, bodyH * 0.85, wood);
    y -= bodyH;
    const ew = bw * 0.72;
    pagoda += path(`M${n(px - ew)} ${n(y + storey * 0.02)}Q${n(px - ew * 0.6)} ${n(y - storey * 0.1)} ${n(px - ew * 0.35)} ${n(y - storey * 0.38)}H${n(px + ew * 0.35)}Q${n(px + ew * 0.6)} ${n(y - storey * 0.1)} ${n(px + ew)} ${n(y + storey * 0.02)}Z`, roof);
    y -= storey * 0.38;
  }
  pagoda += rect(px - baseW * 0.015, y - storey * 1.1, baseW * 0.03, storey * 1.1, tone([40, 60, 50]));
  for (let k = 0; k < 5; k++) pagoda += rect(px - baseW * 0.05, y - storey * (0.2 + k * 0.17), baseW * 0.1, storey * 0.05, tone([40, 60, 50]));
  // The main hall beside it: a broad hipped roof over a vermilion front.
  const hx = px + baseW * 0.9;
  const hw = w * r.range(0.32, 0.42);
  const hh = h * 0.12;
  let hall = rect(hx, ground - hh, hw, hh, plaster);
  for (let k = 0; k < 6; k++) hall += rect(hx + (hw * k) / 6, ground - hh, hw * 0.025, hh, wood);
  hall += rect(hx, ground - hh, hw, hh * 0.12, wood);
  hall += path(`M${n(hx - hw * 0.1)} ${n(ground - hh)}Q${n(hx + hw * 0.05)} ${n(ground - hh - h * 0.02)} ${n(hx + hw * 0.12)} ${n(ground - hh - h * 0.12)}H${n(hx + hw * 0.88)}Q${n(hx + hw * 0.95)} ${n(ground - hh - h * 0.02)} ${n(hx + hw * 1.1)} ${n(ground - hh)}Z`, roof);
  hall += rect(hx + hw * 0.2, ground - hh - h * 0.14, hw * 0.6, h * 0.02, roof);
  out += maybeMirror(scene, pagoda + hall, r.chance(0.5));
  out += rect(0, ground, w, h - ground, dusk ? tone(s.ink, 10) : tone([40, 20, 78]));
  out += rect(0, ground, w, h * 0.01, tone([40, 15, dusk ? 30 : 62]));
  // Trees: maples in autumn or cherries in spring, in clumps either side.
  const spring = r.chance(0.4);
  const blossom: Hsl[] = spring ? [[345, 70, 86], [340, 60, 80], [350, 55, 90]] : [[8, 75, 50], [22, 85, 55], [40, 85, 55], [355, 65, 45]];
  for (let i = r.int(5, 9); i > 0; i--) {
    const tx = r.chance(0.5) ? r.range(-0.02, 0.2) * w : r.range(0.8, 1.02) * w;
    const size = h * r.range(0.09, 0.15);
    const ty = ground + h * r.range(0, 0.1);
    out += rect(tx - size * 0.06, ty - size * 1.1, size * 0.12, size * 1.1, tone([25, 30, 22]));
    for (let k = 0; k < 5; k++) out += circle(tx + r.range(-0.5, 0.5) * size, ty - size * r.range(1.1, 1.7), size * r.range(0.3, 0.5), tone(r.pick(blossom), dusk ? -25 : 0));
  }
  // A stone lantern and visitors on the path.
  const lx = w * r.range(0.45, 0.6);
  const lh = h * 0.12;
  const stone = tone([40, 8, dusk ? 40 : 66]);
  out += rect(lx - lh * 0.08, ground + h * 0.08 - lh, lh * 0.16, lh, stone) + rect(lx - lh * 0.18, ground + h * 0.08 - lh * 0.95, lh * 0.36, lh * 0.22, stone) + polygon([[lx - lh * 0.3, ground + h * 0.08 - lh * 0.95], [lx, ground + h * 0.08 - lh * 1.2], [lx + lh * 0.3, ground + h * 0.08 - lh * 0.95]], stone);
  for (let i = r.int(2, 4); i > 0; i--) out += person(r.range(0.2, 0.8) * w, ground + h * r.range(0.06, 0.14), h * r.range(0.12, 0.16), tone(accent(s, r.int(0, 3)), -5), tone(s.ink, 10));
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.25);
  return out;
};

/** A village under deep snow: laden roofs, banks of snow by the road, snow falling; winter and depopulating towns. */
export const drawSnow: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.3);
  const skyFill = dusk ? verticalGradient(scene, tone(s.nightTop, 8), tone(s.nightBottom, 10)) : verticalGradient(scene, tone([s.skyTop[0], 14, 72]), tone([s.skyTop[0], 12, 88]));
  let out = rect(0, 0, w, h, skyFill);
  const snow = dusk ? tone([s.skyTop[0], 18, 78]) : '#f7f9fb';
  const snowShade = dusk ? tone([s.skyTop[0], 22, 62]) : tone([s.skyTop[0], 25, 86]);
  // Mountains, white, behind.
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.36, 0.44), h * 0.08), w, h), snowShade);
  out += path(areaBelow(rollingLine(r, w, h * r.range(0.5, 0.55), h * 0.03), w, h), tone([accentNear(s, 140)[0], 15, dusk ? 20 : 40]));
  const ground = h * r.range(0.7, 0.76);
  out += rect(0, ground, w, h - ground, snow);
  // A row of houses with thick snow on the roofs.
  let x = -r.range(0, 0.05) * w;
  const glass = dusk ? '#ffd980' : tone(s.ink, 30, -10);
  while (x < w) {
    const size = h * r.range(0.22, 0.3);
    const wall = tone(accent(s, r.int(0, 3)), dusk ? -25 : -5, -30);
    const hh = size * 0.55;
    out += rect(x, ground - hh, size, hh, wall);
    out += rect(x + size * 0.2, ground - hh * 0.7, size * 0.25, hh * 0.3, glass, dusk ? opacity(r.range(0.6, 0.95)) : opacity(0.7));
    out += polygon([[x - size * 0.1, ground - hh], [x + size * 0.5, ground - hh - size * 0.3], [x + size * 1.1, ground - hh]], tone(s.ink, 15));
    out += path(`M${n(x - size * 0.14)} ${n(ground - hh + size * 0.02)}L${n(x + size * 0.5)} ${n(ground - hh - size * 0.36)}L${n(x + size * 1.14)} ${n(ground - hh + size * 0.02)}Q${n(x + size * 0.5)} ${n(ground - hh - size * 0.14)} ${n(x - size * 0.14)} ${n(ground - hh + size * 0.02)}Z`, snow);
    out += rect(x - size * 0.05, ground - h * 0.03, size * 1.1, h * 0.03, snow, ` rx="${n(h * 0.015)}"`);
    x += size * r.range(1.3, 1.8);
    if (r.chance(0.5)) {
      const th = h * r.range(0.12, 0.18);
      out += polygon([[x, ground - th], [x + th * 0.3, ground], [x - th * 0.3, ground]], tone([accentNear(s, 140)[0], 25, dusk ? 15 : 28])) + polygon([[x, ground - th], [x + th * 0.15, ground - th * 0.5], [x - th * 0.15, ground - th * 0.5]], snow, opacity(0.9));
      x += th * 0.5;
    }
  }
  // The road, ploughed, with banks either side and the red-and-white arrow poles that mark its edge.
  const roadTop = ground + (h - ground) * 0.35;
  const roadBottom = ground + (h - ground) * 0.75;
  out += rect(0, roadTop, w, roadBottom - roadTop, tone([s.skyTop[0], 10, dusk ? 45 : 72]));
  out += line(0, (roadTop + roadBottom) / 2, w, (roadTop + roadBottom) / 2, tone([s.skyTop[0], 10, dusk ? 38 : 64]), h * 0.01);
  out += rect(0, roadTop - h * 0.015, w, h * 0.02, snowShade, ` rx="${n(h * 0.01)}"`);
  for (let px = r.range(0.05, 0.15) * w; px < w; px += w * r.range(0.2, 0.3)) {
    const top = roadTop - h * 0.17;
    out += line(px, roadTop, px, top, tone([355, 70, 48]), h * 0.008, ' stroke-linecap="butt"');
    for (let k = 0; k < 3; k++) out += rect(px - h * 0.004, top + h * (0.02 + k * 0.04), h * 0.008, h * 0.02, '#ffffff');
    out += polygon([[px - h * 0.03, top - h * 0.015], [px + h * 0.03, top - h * 0.015], [px, top + h * 0.02]], tone([355, 70, 48]));
  }
  if (r.chance(0.6)) {
    const cx = w * r.range(0.2, 0.7);
    const cl = h * 0.2;
    const cy = roadBottom - h * 0.02;
    out += rect(cx, cy - cl * 0.32, cl, cl * 0.22, tone(accent(s, 1), 0, 5), ` rx="${n(cl * 0.05)}"`) + rect(cx + cl * 0.2, cy - cl * 0.5, cl * 0.55, cl * 0.22, tone(accent(s, 1), 0, 5), ` rx="${n(cl * 0.06)}"`);
    out += rect(cx + cl * 0.26, cy - cl * 0.46, cl * 0.2, cl * 0.14, tone(s.ink, 20)) + rect(cx + cl * 0.5, cy - cl * 0.46, cl * 0.2, cl * 0.14, tone(s.ink, 20));
    out += rect(cx + cl * 0.2, cy - cl * 0.55, cl * 0.55, cl * 0.06, snow, ` rx="${n(cl * 0.03)}"`);
    out += circle(cx + cl * 0.22, cy - cl * 0.1, cl * 0.09, tone(s.ink, 0)) + circle(cx + cl * 0.78, cy - cl * 0.1, cl * 0.09, tone(s.ink, 0));
  }
  out += rect(0, roadBottom, w, h - roadBottom, snow);
  out += rect(0, roadBottom - h * 0.005, w, h * 0.03, snowShade, ` rx="${n(h * 0.01)}"${opacity(0.7)}`);
  // Snow falling.
  let flakes = '';
  for (let i = r.int(70, 110); i > 0; i--) flakes += circle(r.range(0, w), r.range(0, h), h * r.range(0.003, 0.008), '#ffffff');
  out += `<g opacity="0.85">${flakes}</g>`;
  return out;
};
