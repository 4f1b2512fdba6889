import { api } from './api.js';
import { initConsole, showConsole } from './console.js';
import { initDashboard, showReport } from './dashboard.js';
import { $, $$, clear, fmtScore, h } from './dom.js';
import { showHistory } from './history.js';
import { showFrameworks } from './frameworks.js';

/**
 * Views are <section data-view="name"> elements shown by the hash (#/name?key=value). Other modules can add one:
 * put a nav link and a section in index.html, then registerView('name', async ({ benchmark, params }) => …).
 */
const views = new Map();
export function registerView(name, show) {
  views.set(name, show);
}

const app = { benchmark: null, benchmarks: [] };
export const calabi = { api, get benchmark() { return app.benchmark; }, registerView, notify };
window.calabi = calabi;

function notify(message) {
  const n = $('#notice');
  n.textContent = message;
  n.hidden = !message;
  if (message) clearTimeout(notify.timer), (notify.timer = setTimeout(() => (n.hidden = true), 12000));
}

function route() {
  notify(''); // a notice belongs to the view that raised it
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const name = views.has(path) ? path : 'dashboard';
  const params = new URLSearchParams(query);
  for (const section of $$('section[data-view]')) section.hidden = section.dataset.view !== name;
  for (const link of $$('#nav a')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  Promise.resolve(views.get(name)({ benchmark: app.benchmark, params })).catch((error) => notify(error.message));
}

registerView('dashboard', ({ benchmark, params }) => showReport(benchmark, params.get('scan'), notify));
registerView('history', ({ benchmark }) => showHistory(benchmark));
registerView('console', () => showConsole());
registerView('frameworks', () => showFrameworks());

async function start() {
  initDashboard({ notify });
  initConsole({ notify });
  const health = await api.get('/api/health');
  // A server without AWS access (the demo) cannot sync: do not offer it.
  $('#run-sync').closest('label').hidden = !health.sync_available;
  const { benchmarks } = await api.get('/api/benchmarks');
  app.benchmarks = benchmarks;
  const stored = localStorage.getItem('calabi.benchmark');
  const scanned = benchmarks.filter((b) => b.latest_scan_id).sort((a, b) => String(b.last_scan_at).localeCompare(String(a.last_scan_at)));
  app.benchmark = benchmarks.find((b) => b.id === stored)?.id ?? scanned[0]?.id ?? benchmarks[0]?.id ?? null;
  const select = $('#benchmark');
  clear(select, benchmarks.map((b) => h('option', { value: b.id, selected: b.id === app.benchmark },
    `${b.title.replace('Amazon Web Services', 'AWS')} ${b.version}${b.latest_score !== null ? ` — ${fmtScore(b.latest_score)}` : ''}`)));
  select.addEventListener('change', () => {
    app.benchmark = select.value;
    localStorage.setItem('calabi.benchmark', app.benchmark);
    if (location.hash.includes('scan=')) location.hash = '#/dashboard';
    else route();
  });
  window.addEventListener('hashchange', route);
  route();
}

start().catch((error) => notify(`Calabi could not load: ${error.message}`));
