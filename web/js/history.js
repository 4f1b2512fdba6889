import { api } from './api.js';
import { $, clear, fmtScore, fmtTime, h } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Loads the benchmark's scans and draws the score trend (oldest left) and the table (newest first). */
export async function showHistory(benchmark) {
  const { scans } = await api.get(`/api/scans?benchmark=${encodeURIComponent(benchmark)}&limit=200`);
  const done = scans.filter((x) => x.status === 'complete');
  drawChart(done.slice().reverse());
  clear($('#scans tbody'), scans.length ? scans.map((x) => h('tr', {},
    h('td', {}, fmtTime(x.finished_at ?? x.started_at), x.status !== 'complete' ? h('span', { class: 'muted', title: x.error_message ?? '' }, ` (${x.status === 'interrupted' ? 'interrupted: its process ended before it finished' : x.status})`) : null),
    h('td', { class: 'num' }, fmtScore(x.score)),
    h('td', { class: 'num' }, x.pass ?? ''), h('td', { class: 'num' }, x.fail ?? ''), h('td', { class: 'num' }, x.error ?? ''),
    h('td', { class: 'num' }, x.critical_failed ?? ''), h('td', { class: 'num' }, x.high_failed ?? ''),
    h('td', { class: 'num' }, x.trusted === null || x.automated === null || x.trusted === undefined ? '—' : `${x.trusted} / ${x.automated}`),
    h('td', {}, x.oldest_data_at ? fmtTime(x.oldest_data_at) : '—'),
    // IaC scans (source terraform): NOT VERIFIABLE and both scores; live scans have none.
    h('td', { class: 'num' }, x.source === 'terraform' ? x.not_verifiable : '—'),
    h('td', { class: 'num' }, x.source === 'terraform' ? fmtScore(x.verifiable_score) : '—'),
    h('td', { class: 'num' }, x.source === 'terraform' ? fmtScore(x.overall_score) : '—'),
    h('td', {}, x.trigger ?? ''),
    h('td', {}, x.status === 'complete' ? h('a', { href: `#/dashboard?scan=${encodeURIComponent(x.id)}` }, 'Open', h('span', { class: 'sr-only' }, ` the report of ${fmtTime(x.finished_at)}`)) : ''),
  )) : h('tr', {}, h('td', { colspan: 14, class: 'muted' }, 'No scans yet.')));
}

function drawChart(points) {
  const box = $('#trend-chart');
  const caption = $('#trend-caption');
  if (!points.length) {
    clear(box);
    caption.textContent = 'No completed scans yet.';
    return;
  }
  const W = 1200, H = 240, L = 48, R = 20, T = 14, B = 34;
  const x = (i) => (points.length === 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (points.length - 1));
  const y = (v) => T + ((100 - v) * (H - T - B)) / 100;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'trend-title trend-desc', class: 'chart' });
  const first = points[0], last = points.at(-1);
  svg.append(s('title', { id: 'trend-title' }, 'Score trend'),
    s('desc', { id: 'trend-desc' }, `${points.length} scans from ${fmtTime(first.finished_at)} (${fmtScore(first.score)}) to ${fmtTime(last.finished_at)} (${fmtScore(last.score)})`));
  for (const v of [0, 25, 50, 75, 100]) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: L - 8, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, `${v}%`));
  }
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score ?? 0).toFixed(1)}`).join(' ');
  svg.append(s('path', { d: `${path} L${x(points.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z`, class: 'area' }), s('path', { d: path, class: 'line' }));
  points.forEach((p, i) => {
    const dot = s('circle', { cx: x(i), cy: y(p.score ?? 0), r: 4, class: 'dot' });
    dot.append(s('title', {}, `${fmtTime(p.finished_at)}: ${fmtScore(p.score)}`));
    svg.append(dot);
  });
  const labels = points.length <= 6 ? points.map((_, i) => i) : [0, Math.floor((points.length - 1) / 2), points.length - 1];
  for (const i of labels) {
    // The outermost labels align inward so they are not cut off at the chart's edges.
    const anchor = points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle';
    svg.append(s('text', { x: x(i), y: H - 10, class: 'axis', 'text-anchor': anchor }, new Date(points[i].finished_at).toLocaleDateString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })));
  }
  clear(box, svg);
  caption.textContent = `Score of each completed scan, oldest to newest. Latest ${fmtScore(last.score)}.`;
}
