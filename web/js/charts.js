// Charts as plain SVG (no library): a score gauge, horizontal bars and a line over time. Each returns an <svg>
// element with a title for screen readers; colours follow the status and severity colours of the page.
const svgNs = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  return el;
}

export const scoreColour = (v) => (v === null || v === undefined ? '#8a94a6' : v >= 80 ? '#1e7b34' : v >= 50 ? '#d9822b' : '#b00020');
const pct = (v) => (v === null || v === undefined ? 'n/a' : `${Math.round(v * 10) / 10}%`);

function svg(width, height, title, cls) {
  // Named by its <title> (not aria-label), so a chart never answers for a form field's label ("Severity").
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: `chart ${cls}` }, s('title', {}, title));
}

/** A half-circle gauge: grey track, the score's share in its colour, the figure in the middle. */
export function gauge(score, formula) {
  const el = svg(220, 140, `Score ${pct(score)}`, 'gauge');
  const r = 80, cx = 110, cy = 110;
  const point = (t) => [cx - r * Math.cos(Math.PI * t), cy - r * Math.sin(Math.PI * t)];
  const arc = (t) => { const [x, y] = point(t); return `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`; };
  el.append(s('path', { d: arc(1), fill: 'none', stroke: '#e3e6ec', 'stroke-width': 22 }));
  if (score) el.append(s('path', { d: arc(Math.min(1, score / 100) - 1e-6), fill: 'none', stroke: scoreColour(score), 'stroke-width': 22, class: 'gauge-value' }));
  el.append(s('text', { x: cx, y: cy - 12, 'text-anchor': 'middle', 'font-size': 30, 'font-weight': 700, fill: scoreColour(score) }, pct(score)));
  if (formula) el.append(s('text', { x: cx, y: cy + 22, 'text-anchor': 'middle', 'font-size': 10, fill: '#5b6475' }, `= ${formula}`));
  return el;
}

/**
 * Horizontal bars: rows of { label, value, max?, colour, text }; `value` out of `max` (default the largest value).
 */
export function bars(title, rows, { width = 460, row = 22, label = 150 } = {}) {
  const height = Math.max(1, rows.length) * row + 6;
  const el = svg(width, height, title, 'bars');
  const top = Math.max(1, ...rows.map((r) => r.max ?? r.value ?? 0));
  const w = width - label - 90;
  rows.forEach((r, i) => {
    const y = 3 + i * row;
    el.append(
      s('text', { x: label - 6, y: y + row * 0.62, 'text-anchor': 'end', 'font-size': 11, fill: '#1f2430' }, r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label),
      s('rect', { x: label, y: y + 3, width: w, height: row - 8, fill: '#eef0f4', rx: 3 }),
      r.value ? s('rect', { x: label, y: y + 3, width: Math.max(2, (w * r.value) / (r.max ?? top)), height: row - 8, fill: r.colour, rx: 3, class: 'bar' }) : null,
      s('text', { x: label + w + 6, y: y + row * 0.62, 'font-size': 11, fill: '#1f2430' }, r.text ?? String(r.value)),
    );
  });
  return el;
}

/** A score line over time, oldest first: points of { at, score } on a 0–100% frame. */
export function line(title, points, { width = 640, height = 180 } = {}) {
  const el = svg(width, height, title, 'trend');
  const L = 40, R = 10, T = 10, B = 24;
  const x = (i) => L + (points.length <= 1 ? (width - L - R) / 2 : ((width - L - R) * i) / (points.length - 1));
  const y = (v) => T + (height - T - B) * (1 - v / 100);
  for (const v of [0, 50, 100]) el.append(s('line', { x1: L, x2: width - R, y1: y(v), y2: y(v), stroke: '#e5e8ee' }), s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6475' }, `${v}%`));
  const scored = points.map((p, i) => ({ ...p, i })).filter((p) => p.score !== null);
  if (scored.length > 1) el.append(s('polyline', { points: scored.map((p) => `${x(p.i)},${y(p.score)}`).join(' '), fill: 'none', stroke: '#2456c7', 'stroke-width': 2.5, class: 'line' }));
  for (const p of scored) el.append(s('circle', { cx: x(p.i), cy: y(p.score), r: 4, fill: '#2456c7' }, s('title', {}, `${p.at}: ${pct(p.score)}`)));
  if (points.length) {
    el.append(s('text', { x: L, y: height - 6, 'font-size': 10, fill: '#5b6475' }, String(points[0].at).slice(0, 10)));
    el.append(s('text', { x: width - R, y: height - 6, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6475' }, String(points.at(-1).at).slice(0, 10)));
  }
  return el;
}
