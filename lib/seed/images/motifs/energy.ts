// Power: wind turbines at sea or on a ridge, and a solar farm with its batteries.
import { accent, accentNear, tone } from '../colour';
import { areaBelow, birds, circle, clouds, type Draw, line, maybeMirror, n, opacity, path, polygon, rect, rollingLine, type Scene, sky, sun, verticalGradient } from '../svg';

/** One turbine: tapered tower, nacelle and three blades at `angle` degrees, hub `height` above `base`. */
function turbine(scene: Scene, x: number, base: number, height: number, angle: number, offshore: boolean): string {
  const { s } = scene;
  const white = '#f6f7f9';
  const shade = tone(s.paper, -14, -10);
  const hubY = base - height;
  let out = polygon([[x - height * 0.025, base], [x + height * 0.025, base], [x + height * 0.012, hubY], [x - height * 0.012, hubY]], white);
  out += polygon([[x, base], [x + height * 0.025, base], [x + height * 0.012, hubY], [x, hubY]], shade, opacity(0.6));
  if (offshore) out += rect(x - height * 0.035, base - height * 0.1, height * 0.07, height * 0.1, tone([48, 90, 55]));
  out += rect(x - height * 0.03, hubY - height * 0.025, height * 0.09, height * 0.05, white, ` rx="${n(height * 0.02)}"`);
  const blade = height * 0.5;
  for (let k = 0; k < 3; k++) {
    const a = angle + k * 120;
    out += `<g transform="rotate(${n(a)} ${n(x)} ${n(hubY)})">${path(`M${n(x)} ${n(hubY)}L${n(x - height * 0.025)} ${n(hubY - blade * 0.15)}Q${n(x - height * 0.02)} ${n(hubY - blade * 0.7)} ${n(x)} ${n(hubY - blade)}Q${n(x + height * 0.012)} ${n(hubY - blade * 0.5)} ${n(x + height * 0.012)} ${n(hubY)}Z`, white)}</g>`;
  }
  return out + circle(x, hubY, height * 0.03, shade);
}

/** A line of wind turbines offshore, or on a ridge with power lines: wind power, grids, energy policy. */
export const drawWind: Draw = (scene) => {
  const { r, w, h, s } = scene;
  const dusk = r.chance(0.2);
  let out = sky(scene, dusk);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.12, 0.3) * h, h * r.range(0.05, 0.08), dusk);
  if (!dusk) out += clouds(scene, r.int(1, 3), h * 0.3);
  const offshore = r.chance(0.5);
  const horizon = h * r.range(0.58, 0.66);
  let farm = '';
  if (offshore) {
    const water = accentNear(s, 205);
    out += rect(0, horizon, w, h - horizon, verticalGradient(scene, tone([water[0], 45, dusk ? 28 : 58]), tone([water[0], 52, dusk ? 18 : 38])));
    for (let i = r.int(12, 20); i > 0; i--) {
      const y = horizon + (h - horizon) * r.range(0.05, 0.95);
      const x = r.range(0, w);
      out += line(x, y, x + w * r.range(0.02, 0.07), y, '#ffffff', h * 0.004, opacity(0.45));
    }
    // Rows of turbines shrinking into the distance.
    for (let row = 0; row < 3; row++) {
      const scale = [0.14, 0.24, 0.38][row] as number;
      const base = horizon + h * [0.01, 0.05, 0.13][row]!;
      const gap = w * [0.08, 0.15, 0.27][row]!;
      for (let x = r.range(0, gap); x < w + gap * 0.5; x += gap * r.range(0.9, 1.1)) farm += turbine(scene, x, base, h * scale * r.range(0.95, 1.05), r.range(0, 120), true);
    }
    if (r.chance(0.6)) {
      const bx = w * r.range(0.2, 0.8);
      const by = h * 0.9;
      farm += path(`M${n(bx - w * 0.06)} ${n(by - h * 0.03)}H${n(bx + w * 0.07)}L${n(bx + w * 0.05)} ${n(by)}H${n(bx - w * 0.05)}Z`, tone(accent(s, 1), -5)) + rect(bx - w * 0.03, by - h * 0.07, w * 0.04, h * 0.04, '#f6f7f9');
    }
  } else {
    out += path(areaBelow(rollingLine(r, w, horizon - h * 0.08, h * 0.04), w, h), tone([accent(s, 0)[0], 20, dusk ? 26 : 70]));
    const ridge = rollingLine(r, w, horizon, h * 0.06);
    out += path(areaBelow(ridge, w, h), tone([accentNear(s, 120)[0], 35, dusk ? 22 : 48]));
    out += path(areaBelow(rollingLine(r, w, h * 0.86, h * 0.03), w, h), tone([accentNear(s, 120)[0], 38, dusk ? 16 : 38]));
    for (let x = r.range(0.05, 0.15) * w; x < w; x += w * r.range(0.16, 0.24)) farm += turbine(scene, x, ridge(x) + h * 0.01, h * r.range(0.24, 0.32), r.range(0, 120), false);
    // A transmission line crossing the foreground.
    const pylon = tone(s.ink, dusk ? 20 : 30, -15);
    const towers = [w * r.range(0.12, 0.25), w * r.range(0.65, 0.85)];
    for (const tx of towers) {
      const tb = h * 0.96;
      const th = h * 0.42;
      farm += `<path d="M${n(tx - th * 0.12)} ${n(tb)}L${n(tx)} ${n(tb - th)}L${n(tx + th * 0.12)} ${n(tb)}M${n(tx - th * 0.2)} ${n(tb - th * 0.75)}H${n(tx + th * 0.2)}M${n(tx - th * 0.16)} ${n(tb - th * 0.55)}H${n(tx + th * 0.16)}M${n(tx - th * 0.09)} ${n(tb - th * 0.3)}L${n(tx + th * 0.06)} ${n(tb - th * 0.55)}M${n(tx + th * 0.09)} ${n(tb - th * 0.3)}L${n(tx - th * 0.06)} ${n(tb - th * 0.55)}" fill="none" stroke="${pylon}" stroke-width="${n(h * 0.006)}" stroke-linejoin="round"/>`;
    }
    for (const [dy, half] of [[0.75, 0.2], [0.55, 0.16]] as const) {
      const y = h * 0.96 - h * 0.42 * dy;
      for (const side of [-1, 1]) {
        const xa = (towers[0] as number) + side * h * 0.42 * half;
        const xb = (towers[1] as number) + side * h * 0.42 * half;
        farm += `<path d="M-10 ${n(y + h * 0.04)}Q${n(xa / 2)} ${n(y + h * 0.07)} ${n(xa)} ${n(y)}Q${n((xa + xb) / 2)} ${n(y + h * 0.08)} ${n(xb)} ${n(y)}Q${n((xb + w) / 2)} ${n(y + h * 0.07)} ${n(w + 10)} ${n(y + h * 0.04)}" fill="none" stroke="${pylon}" stroke-width="${n(h * 0.0025)}"/>`;
      }
    }
  }
  out += maybeMirror(scene, farm, r.chance(0.5));
  if (!dusk) out += birds(scene, r.int(2, 4), h * 0.3);
  return out;
};

/** Rows of solar panels across a field, with battery containers and a substation: solar power, storage. */
export const drawSolar: Draw = (scene) => {
  const { r, w, h, s } = scene;
  let out = sky(scene);
  out += sun(scene, r.range(0.1, 0.9) * w, r.range(0.1, 0.22) * h, h * r.range(0.06, 0.09), false);
  out += clouds(scene, r.int(0, 2), h * 0.25);
  const horizon = h * r.range(0.4, 0.48);
  out += path(areaBelow(rollingLine(r, w, horizon - h * 0.05, h * 0.04), w, h), tone([accent(s, 0)[0], 20, 70]));
  out += rect(0, horizon, w, h - horizon, tone([accentNear(s, 110)[0], 35, 55]));
  const panel = accentNear(s, 225);
  const cell = tone([panel[0], 55, 32]);
  const frame = tone([panel[0], 30, 70]);
  let yard = '';
  // Battery containers and a small substation at the far edge.
  const bx = w * r.range(0.62, 0.74);
  const by = horizon + h * 0.06;
  for (let k = 0; k < r.int(3, 5); k++) {
    const x = bx + k * w * 0.06;
    yard += rect(x, by - h * 0.06, w * 0.055, h * 0.06, '#f4f5f6') + rect(x, by - h * 0.06, w * 0.055, h * 0.01, tone(accent(s, 1), 0, 10));
    for (let d = 0; d < 3; d++) yard += rect(x + w * (0.006 + d * 0.017), by - h * 0.045, w * 0.012, h * 0.035, tone(s.paper, -20));
  }
  const sx = w * r.range(0.12, 0.3);
  yard += `<path d="M${n(sx)} ${n(by)}V${n(by - h * 0.14)}M${n(sx + w * 0.05)} ${n(by)}V${n(by - h * 0.14)}M${n(sx - w * 0.01)} ${n(by - h * 0.12)}H${n(sx + w * 0.06)}M${n(sx - w * 0.01)} ${n(by - h * 0.08)}H${n(sx + w * 0.06)}" stroke="${tone(s.ink, 30, -15)}" stroke-width="${n(h * 0.006)}"/>`;
  // Rows of panels, deeper and wider towards the viewer; each a tilted band with cell lines.
  const rows = r.int(5, 7);
  let panels = yard;
  for (let i = 0; i < rows; i++) {
    const t = (i + 1) / rows;
    const y = horizon + (h - horizon) * Math.pow(t, 1.4) * 0.92;
    const depth = h * (0.025 + t * 0.09);
    const x0 = -w * 0.05 + (1 - t) * w * 0.15;
    const x1 = w * 0.62 + t * w * 0.45;
    panels += polygon([[x0, y], [x1, y], [x1 - depth * 0.3, y - depth], [x0 + depth * 0.3, y - depth]], cell);
    let lines = '';
    const cols = Math.round(12 + t * 8);
    for (let c = 1; c < cols; c++) {
      const fx = x0 + ((x1 - x0) * c) / cols;
      lines += `M${n(fx)} ${n(y)}L${n(fx + (c / cols - 0.5) * depth * 0.2)} ${n(y - depth)}`;
    }
    lines += `M${n(x0 + depth * 0.15)} ${n(y - depth / 2)}H${n(x1 - depth * 0.15)}`;
    panels += `<path d="${lines}" stroke="${frame}" stroke-width="${n(h * (0.001 + t * 0.002))}" opacity="0.7"/>`;
    panels += polygon([[x0 + depth * 0.3, y - depth], [x1 - depth * 0.3, y - depth], [x1 - depth * 0.32, y - depth * 1.06], [x0 + depth * 0.32, y - depth * 1.06]], tone(s.skyTop, 15), opacity(0.7));
    for (let lx = x0 + w * 0.04; lx < x1; lx += w * 0.12) panels += line(lx, y, lx, y + depth * 0.25, tone(s.ink, 30), h * 0.004);
  }
  out += maybeMirror(scene, panels, r.chance(0.5));
  out += birds(scene, r.int(2, 4), h * 0.3);
  return out;
};
