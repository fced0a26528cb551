import { accent, type Scheme, tone } from './colour';
import type { Random } from './random';

export type Scene = { r: Random; w: number; h: number; s: Scheme; defs: string[]; uid: () => string };
export type Draw = (scene: Scene) => string;
export type Point = readonly [number, number];

/** One decimal is below what a pixel can show and keeps the SVG short. */
export function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(w, 0))}" height="${n(Math.max(h, 0))}" fill="${fill}"${extra}/>`;
}

export function circle(cx: number, cy: number, radius: number, fill: string, extra = ''): string {
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(Math.max(radius, 0))}" fill="${fill}"${extra}/>`;
}

export function path(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(width)}"${extra.includes('stroke-linecap') ? '' : ' stroke-linecap="round"'}${extra}/>`;
}

export function polygon(points: readonly Point[], fill: string, extra = ''): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}"${extra}/>`;
}

export function polyline(points: readonly Point[], stroke: string, width: number, extra = ''): string {
  return `<polyline points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${stroke}" stroke-width="${n(width)}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
}

export const opacity = (o: number): string => ` opacity="${Math.round(o * 100) / 100}"`;

/** A smooth curve through `points` (quadratic segments between midpoints). */
export function smoothD(points: readonly Point[], closed: boolean): string {
  if (points.length < 3) return points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join('');
  const at = (i: number): Point => points[((i % points.length) + points.length) % points.length] as Point;
  const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  if (closed) {
    const start = mid(at(-1), at(0));
    let d = `M${n(start[0])} ${n(start[1])}`;
    for (let i = 0; i < points.length; i++) {
      const [cx, cy] = at(i);
      const [ex, ey] = mid(at(i), at(i + 1));
      d += `Q${n(cx)} ${n(cy)} ${n(ex)} ${n(ey)}`;
    }
    return `${d}Z`;
  }
  let d = `M${n(at(0)[0])} ${n(at(0)[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [cx, cy] = at(i);
    const [ex, ey] = i === points.length - 2 ? at(i + 1) : mid(at(i), at(i + 1));
    d += `Q${n(cx)} ${n(cy)} ${n(ex)} ${n(ey)}`;
  }
  return d;
}

/** A gently rolling line across the picture: y as a function of x. */
export function rollingLine(r: Random, w: number, base: number, amplitude: number): (x: number) => number {
  const k1 = (r.range(0.8, 2) * Math.PI * 2) / w;
  const k2 = (r.range(2.5, 4.5) * Math.PI * 2) / w;
  const p1 = r.range(0, Math.PI * 2);
  const p2 = r.range(0, Math.PI * 2);
  return (x) => base + amplitude * Math.sin(x * k1 + p1) + amplitude * 0.35 * Math.sin(x * k2 + p2);
}

/** Closed path of the area between `top(x)` and the bottom edge. */
export function areaBelow(top: (x: number) => number, w: number, h: number, steps = 16): string {
  const pts: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = -w * 0.02 + (w * 1.04 * i) / steps;
    pts.push([x, top(x)]);
  }
  return `${smoothD(pts, false)}L${n(w * 1.02)} ${n(h + 2)}L${n(-w * 0.02)} ${n(h + 2)}Z`;
}

export function verticalGradient(scene: Scene, top: string, bottom: string): string {
  const id = scene.uid();
  scene.defs.push(
    `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
  );
  return `url(#${id})`;
}

export function sky(scene: Scene, night = false): string {
  const { s, w, h } = scene;
  const fill = night
    ? verticalGradient(scene, tone(s.nightTop), tone(s.nightBottom))
    : verticalGradient(scene, tone(s.skyTop), tone(s.skyBottom));
  return rect(0, 0, w, h, fill);
}

export function sun(scene: Scene, cx: number, cy: number, radius: number, night: boolean): string {
  const fill = night ? '#f4f1e4' : tone(accent(scene.s, 2), 22, 25);
  return circle(cx, cy, radius * 1.7, fill, opacity(0.18)) + circle(cx, cy, radius, fill);
}

export function stars(scene: Scene, count: number, maxY: number): string {
  const { r, w, h } = scene;
  let out = '';
  for (let i = 0; i < count; i++) {
    out += circle(r.range(0, w), r.range(0, maxY), h * r.range(0.0015, 0.004), '#ffffff', opacity(r.range(0.4, 0.9)));
  }
  return out;
}

function cloud(x: number, y: number, size: number, fill: string): string {
  return (
    `<g fill="${fill}" opacity="0.85">` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size * 0.5)}"/>` +
    `<circle cx="${n(x + size * 0.55)}" cy="${n(y + size * 0.1)}" r="${n(size * 0.38)}"/>` +
    `<circle cx="${n(x - size * 0.55)}" cy="${n(y + size * 0.15)}" r="${n(size * 0.32)}"/>` +
    `<rect x="${n(x - size * 0.85)}" y="${n(y + size * 0.12)}" width="${n(size * 1.8)}" height="${n(size * 0.35)}" rx="${n(size * 0.17)}"/></g>`
  );
}

export function clouds(scene: Scene, count: number, maxY: number): string {
  const { r, w, h } = scene;
  let out = '';
  for (let i = 0; i < count; i++) out += cloud(r.range(0.05, 0.95) * w, r.range(0.08, 1) * maxY, h * r.range(0.06, 0.11), '#ffffff');
  return out;
}

export function birds(scene: Scene, count: number, maxY: number): string {
  const { r, w, h, s } = scene;
  let d = '';
  const cx = r.range(0.15, 0.85) * w;
  const cy = r.range(0.1, 1) * maxY;
  for (let i = 0; i < count; i++) {
    const x = cx + r.range(-0.12, 0.12) * w;
    const y = cy + r.range(-0.06, 0.06) * h;
    const span = h * r.range(0.012, 0.022);
    d += `M${n(x - span)} ${n(y - span * 0.4)}Q${n(x - span * 0.4)} ${n(y - span * 0.5)} ${n(x)} ${n(y)}Q${n(x + span * 0.4)} ${n(y - span * 0.5)} ${n(x + span)} ${n(y - span * 0.4)}`;
  }
  return `<path d="${d}" fill="none" stroke="${tone(s.ink, 10)}" stroke-width="${n(h * 0.0035)}" stroke-linecap="round"/>`;
}

/** Wraps `content` in a horizontal flip when `mirror` is set: cheap extra variety. */
export function maybeMirror(scene: Scene, content: string, mirror: boolean): string {
  return mirror ? `<g transform="translate(${scene.w} 0) scale(-1 1)">${content}</g>` : content;
}

/** A standing figure seen from the front or back: a rounded body and a head, `height` tall from `baseline`. */
export function person(x: number, baseline: number, height: number, body: string, head: string): string {
  const bw = height * 0.3;
  const top = baseline - height * 0.78;
  return (
    path(`M${n(x - bw / 2)} ${n(baseline)}V${n(top + bw * 0.35)}Q${n(x - bw / 2)} ${n(top)} ${n(x - bw * 0.15)} ${n(top)}H${n(x + bw * 0.15)}Q${n(x + bw / 2)} ${n(top)} ${n(x + bw / 2)} ${n(top + bw * 0.35)}V${n(baseline)}Z`, body) +
    circle(x, baseline - height * 0.88, height * 0.11, head)
  );
}

/** A seated figure, head and shoulders above whatever is drawn in front of it. */
export function bust(x: number, shoulders: number, size: number, body: string, head: string): string {
  return rect(x - size * 0.5, shoulders, size, size * 0.9, body, ` rx="${n(size * 0.3)}"`) + circle(x, shoulders - size * 0.32, size * 0.3, head);
}
