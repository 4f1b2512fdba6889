import { api, ApiError, streamEvents } from './api.js';
import { $, $$, badge, clear, fmtScore, fmtTime, h } from './dom.js';
import { iacScoresCard, notVerifiableTable } from './iac-dashboard.js';
import { breaksButton } from './frameworks.js';
import { showScorecard } from './scorecard.js';
import { renderSummaryCharts } from './summary-charts.js';
import { acceptRiskButton, expiringCard } from './exceptions.js';

const severityRank = { critical: 0, high: 1, medium: 2, low: 3 };
const statusRank = { FAIL: 0, ERROR: 1, 'NOT VERIFIABLE': 2, EXCEPTED: 3, MANUAL: 4, SKIP: 5, PASS: 6 };

const state = { benchmark: null, scan: null, report: null, sort: { key: 'id', desc: false }, expanded: new Set(), running: false, hideProgress: 0 };

export function initDashboard({ notify }) {
  const form = $('#filters');
  form.addEventListener('input', () => renderRows());
  form.addEventListener('reset', () => setTimeout(renderRows));
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const th of $$('#controls th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.sort;
      // A first click on Affected shows the most affected first; every other column starts ascending.
      state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : key === 'affected' };
      for (const other of $$('#controls th[data-sort]')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', state.sort.desc ? 'descending' : 'ascending');
      renderRows();
    });
  }
  $('#run-now').addEventListener('click', () => runNow(notify));
}

/** Loads the report of `benchmark` (latest scan, or `scan`) and renders the summary and the table. */
export async function showReport(benchmark, scan, notify) {
  state.benchmark = benchmark;
  state.scan = scan ?? null;
  state.expanded.clear();
  try {
    const q = scan ? `?scan=${encodeURIComponent(scan)}` : '';
    state.report = await api.get(`/api/benchmarks/${encodeURIComponent(benchmark)}/report${q}`);
  } catch (error) {
    state.report = null;
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    notify(scan ? error.message : `No completed scan of ${benchmark} yet: press Run now to evaluate it.`);
  }
  render();
}

function render() {
  const r = state.report;
  $('#dash-title').textContent = r ? `${r.benchmark.title} ${r.benchmark.version}` : 'Benchmark report';
  $('#scan-info').textContent = r
    ? `Scan ${r.scan.id.slice(0, 8)} · ${r.scan.trigger ?? 'cli'} · finished ${fmtTime(r.scan.finished_at)}${state.scan ? ' (an earlier scan)' : ''}`
    : 'No completed scan yet: press Run now.';
  // A database of Terraform plan scans takes no live scan (the server refuses it): no Run now there.
  $('#run-now').hidden = r?.summary?.source === 'terraform';
  renderSummary(r?.summary);
  showScorecard($('#scorecard'), state.benchmark, r?.scan.id).catch((error) => clear($('#scorecard'), h('p', { class: 'error' }, `Could not load the section scorecard: ${error.message}`)));
  renderSummaryCharts($('#summary-charts'), r, state.benchmark).catch((error) => ($('#summary-charts').textContent = `The charts could not be drawn: ${error.message}`));
  const sections = $('#f-section');
  const chosen = sections.value;
  clear(sections, h('option', { value: '' }, 'All sections'), (r?.sections ?? []).map((s) => h('option', { value: s, selected: s === chosen }, s)));
  renderRows();
}

function renderSummary(s) {
  const box = $('#summary');
  if (!s) return clear(box);
  const trend = s.trend === null ? h('span', { class: 'muted' }, 'no earlier scan')
    : h('span', { class: s.trend > 0 ? 'up' : s.trend < 0 ? 'down' : 'flat' },
      `${s.trend > 0 ? '▲ +' : s.trend < 0 ? '▼ ' : '■ '}${s.trend} pts`, h('span', { class: 'muted' }, ' vs previous scan'));
  clear(box,
    h('div', { class: 'card score' },
      h('div', { class: 'label', id: 'score-label' }, 'Score'),
      h('div', { class: 'big', 'aria-describedby': 'score-label' }, fmtScore(s.score)),
      h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: s.score ?? 0, 'aria-label': 'Score' }),
      h('div', { class: 'trend' }, trend),
      h('div', { class: 'formula small muted', title: 'A requirement in ERROR could not be trusted and counts against the score; SKIP and MANUAL are not scored' },
        `= ${s.score_formula ?? 'PASS / (PASS + FAIL + ERROR)'}`),
      s.excepted ? h('div', { class: 'small', title: 'EXCEPTED counts as FAIL in the score above, as passing here' }, `With exceptions: ${fmtScore(s.score_with_exceptions)} = (PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR)`) : null),
    h('div', { class: 'card' }, h('div', { class: 'label' }, 'Critical failed'), h('div', { class: `big ${s.critical_failed ? 'bad' : ''}` }, s.critical_failed)),
    h('div', { class: 'card' }, h('div', { class: 'label' }, 'High failed'), h('div', { class: `big ${s.high_failed ? 'warn' : ''}` }, s.high_failed)),
    h('div', { class: 'card counts' }, h('div', { class: 'label' }, 'Requirements'),
      h('dl', {}, ['pass', 'fail', 'error', ...(s.source === 'terraform' ? ['not_verifiable'] : []), ...(s.excepted ? ['excepted'] : []), 'skip', 'manual'].map((k) => [h('dt', {}, badge('status', k === 'not_verifiable' ? 'NOT VERIFIABLE' : k)), h('dd', {}, s[k])]))),
    h('div', { class: 'card' }, h('div', { class: 'label' }, 'Last scan'), h('div', { class: 'when' }, fmtTime(s.last_scan_at))),
    coverageCard(s),
    iacScoresCard(s),
  );
  expiringCard().then((card) => box.append(card));
}

/**
 * How far the score can be trusted: automated requirements with a trustworthy verdict (PASS, FAIL or SKIP, not
 * ERROR) of all automated ones, and when the oldest data behind the scan was collected.
 */
function coverageCard(s) {
  const c = s.coverage;
  const full = c && c.trusted === c.automated;
  return h('div', { class: 'card coverage' },
    h('div', { class: 'label', id: 'coverage-label' }, 'Coverage'),
    h('div', { class: `big ${c && !full ? 'warn' : ''}`, 'aria-describedby': 'coverage-label' }, c ? `${c.trusted} / ${c.automated}` : '—'),
    h('div', { class: 'small muted' }, 'automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)'),
    h('div', { class: 'oldest small' }, 'Oldest data: ', h('strong', {}, s.oldest_data_at ? fmtTime(s.oldest_data_at) : 'none recorded'),
      s.oldest_data_at ? h('span', { class: 'muted' }, ` (${ageBefore(s.oldest_data_at, s.last_scan_at)} before the scan)`) : null));
}

function ageBefore(iso, scanAt) {
  const minutes = Math.max(0, Math.floor((Date.parse(scanAt) - Date.parse(iso)) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

function filtered() {
  const rows = state.report?.controls ?? [];
  const form = $('#filters');
  const statuses = new Set($$('input[name=status]:checked', form).map((i) => i.value));
  const severity = form.severity.value;
  const section = form.section.value;
  const text = form.text.value.trim().toLowerCase();
  const out = rows.filter((r) =>
    (!statuses.size || statuses.has(r.status)) && (!severity || r.severity === severity) && (!section || r.section === section) &&
    (!text || `${r.id} ${r.title} ${r.reason ?? ''}`.toLowerCase().includes(text)));
  const { key, desc } = state.sort;
  const val = (r) => key === 'severity' ? (severityRank[r.severity] ?? 9) : key === 'status' ? statusRank[r.status]
    : key === 'affected' ? r.affected_count : key === 'id' ? r.position : String(r[key] ?? '');
  out.sort((a, b) => {
    const x = val(a), y = val(b);
    const c = typeof x === 'number' ? x - y : x.localeCompare(y);
    return (desc ? -c : c) || a.position - b.position;
  });
  return out;
}

function renderRows() {
  const body = $('#controls tbody');
  const rows = filtered();
  const total = state.report?.controls.length ?? 0;
  $('#controls-caption').textContent = total ? `Requirements: ${rows.length} of ${total} shown` : 'Requirements';
  clear(body, rows.map((r) => {
    const open = state.expanded.has(r.id);
    const detailId = `detail-${r.id.replace(/\W/g, '_')}`;
    const tr = h('tr', { class: `row status-row-${r.status.toLowerCase()}`, dataset: { id: r.id } },
      h('td', {}, h('button', { type: 'button', class: 'disclose', 'aria-expanded': String(open), 'aria-controls': detailId, onclick: () => toggle(r.id) },
        h('span', { class: 'chev', 'aria-hidden': 'true' }, open ? '▾' : '▸'), r.id)),
      h('td', { class: 'title' }, r.title, r.reason && (r.status === 'FAIL' || r.status === 'ERROR' || r.status === 'NOT VERIFIABLE') ? h('div', { class: 'reason' }, r.reason) : null),
      h('td', { class: 'section' }, r.section ?? ''),
      h('td', {}, badge('sev', r.severity)),
      h('td', { class: 'status' }, badge('status', r.status)),
      h('td', { class: 'assessment muted' }, r.assessment ?? ''),
      h('td', { class: 'num affected' }, r.affected_count || (r.status === 'FAIL' ? r.affected_count : '')),
      h('td', {}, r.remediation_link ? h('a', { href: r.remediation_link, target: '_blank', rel: 'noopener noreferrer' }, 'AWS docs', h('span', { class: 'sr-only' }, ` for ${r.id}`)) : ''),
    );
    const detail = open ? h('tr', { class: 'detail', id: detailId }, h('td', { colspan: 8 }, h('div', { class: 'detail-body', 'aria-busy': 'true' }, 'Loading…'))) : null;
    if (detail) loadDetail(r.id, detail.querySelector('.detail-body'));
    return [tr, detail];
  }));
  if (!rows.length && total) body.append(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No requirement matches these filters.')));
}

function toggle(id) {
  if (state.expanded.has(id)) state.expanded.delete(id);
  else state.expanded.add(id);
  renderRows();
  $(`#controls tr[data-id="${CSS.escape(id)}"] button.disclose`)?.focus();
}

async function loadDetail(id, box) {
  const q = state.report ? `?scan=${encodeURIComponent(state.report.scan.id)}` : '';
  let d;
  try {
    d = await api.get(`/api/benchmarks/${encodeURIComponent(state.benchmark)}/controls/${encodeURIComponent(id)}${q}`);
  } catch (error) {
    clear(box, h('p', { class: 'error' }, `Could not load ${id}: ${error.message}`));
    return;
  }
  const c = d.control;
  const evidenceKeys = [...new Set(d.resources.flatMap((r) => Object.keys(r.evidence ?? {})))].slice(0, 4);
  const manyChecks = (c.checks ?? []).length > 1;
  box.removeAttribute('aria-busy');
  clear(box,
    h('div', { class: 'detail-grid' },
      h('div', {},
        h('h3', {}, 'What it checks'), h('p', {}, c.description || c.evidence_needed || '—'),
        c.rationale ? [h('h3', {}, 'Why it matters'), h('p', {}, c.rationale)] : null,
        c.reason ? [h('h3', {}, 'Result'), h('p', {}, c.reason)] : null,
        c.error ? h('p', { class: 'error' }, c.error) : null,
        attributesLine(c.attributes),
        servedElsewhere(c, state.benchmark)),
      h('div', {},
        h('h3', {}, 'How to fix it'),
        c.remediation.length ? h('ol', { class: 'steps' }, c.remediation.map((s) => h('li', {}, s))) : h('p', {}, c.evidence_needed || 'No automated remediation: see the documentation.'),
        c.links.length ? [h('h3', {}, 'Documentation'), h('ul', { class: 'links' }, c.links.map((l) => h('li', {}, h('a', { href: l, target: '_blank', rel: 'noopener noreferrer' }, l))))] : null)),
    checksTable(c),
    d.resources.length
      ? h('table', { class: 'resources' },
        h('caption', {}, `Affected resources (${d.resources_total}${d.resources_truncated ? `, first ${d.resources.length} shown` : ''})`),
        h('thead', {}, h('tr', {}, manyChecks ? h('th', { scope: 'col' }, 'Check') : null, h('th', { scope: 'col' }, 'Resource'), h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'Region'),
          h('th', { scope: 'col' }, 'Reason'), evidenceKeys.map((k) => h('th', { scope: 'col' }, k)), h('th', { scope: 'col' }, 'Risk'))),
        h('tbody', {}, byCheck(d.resources, c.checks).map((r) => h('tr', {}, manyChecks ? h('td', { class: 'mono' }, r.check_id) : null, h('td', { class: 'mono' }, r.resource_id, c.status === 'FAIL' ? [' ', breaksButton(r.resource_id)] : null), h('td', {}, r.account_id), h('td', {}, r.region),
          h('td', {}, r.reason), evidenceKeys.map((k) => h('td', { class: 'mono' }, fmtEvidence(r.evidence?.[k]))),
          h('td', {}, r.exception_id ? h('span', { class: 'badge status-excepted', title: `exception ${r.exception_id}` }, 'excepted') : c.status === 'FAIL' ? acceptRiskButton(r) : null)))))
      : h('p', { class: 'muted' }, c.status === 'FAIL' ? 'No resources recorded.' : 'No affected resources.'),
    notVerifiableTable(d),
  );
}

/**
 * A requirement mapped to several checks (NIST maps up to 20): each check's own verdict and how many findings it
 * returned, failed first, so the drill-down shows which passed and which failed; its findings follow, grouped by check.
 */
function checksTable(c) {
  const checks = c.checks ?? [];
  if (checks.length < 2) return null;
  const order = ['FAIL', 'ERROR', 'PASS', 'SKIP'];
  const rank = (k) => (k.status === null ? order.length : order.indexOf(k.status));
  const sorted = [...checks].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  return h('table', { class: 'checks' },
    h('caption', {}, `Checks (${checks.filter((k) => k.status === 'FAIL').length} failed, ${checks.filter((k) => k.status === 'PASS').length} passed of ${checks.length})`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Check'), h('th', { scope: 'col' }, 'Findings'), h('th', { scope: 'col' }, 'Evaluated'))),
    h('tbody', {}, sorted.map((k) => h('tr', { dataset: { check: k.id } },
      h('td', { class: 'status' }, k.status ? badge('status', k.status) : 'not recorded'),
      h('td', {}, h('span', { class: 'mono' }, k.id), ' ', k.title, k.error ? h('div', { class: 'error small' }, k.error) : null),
      h('td', {}, String(k.findings_total)),
      h('td', {}, k.evaluated_count === null ? '—' : String(k.evaluated_count))))));
}

/** Findings grouped by the check that returned them, in the checks' order. */
function byCheck(resources, checks) {
  const pos = new Map((checks ?? []).map((k, i) => [k.id, i]));
  return [...resources].sort((a, b) => (pos.get(a.check_id) ?? 1e9) - (pos.get(b.check_id) ?? 1e9));
}

/** The requirement's place in its framework: "NIST family AC (Access Control), control AC-2, enhancement 1". */
function attributesLine(a) {
  if (!a) return null;
  const text = {
    'nist-800-53': () => `NIST family ${a.family} (${a.family_title}), control ${a.control}${a.enhancement ? `, enhancement ${a.enhancement}` : ''}`,
    'pci-dss': () => `PCI DSS ${/^A/.test(a.principal_requirement) ? 'Appendix' : 'Requirement'} ${a.principal_requirement}`,
    soc2: () => `SOC 2 ${{ CC: 'Common Criteria', A: 'Availability', C: 'Confidentiality', PI: 'Processing Integrity' }[a.category]} (${a.series})`,
    hipaa: () => `HIPAA ${a.safeguard} safeguard, ${a.paragraph}`,
    gdpr: () => `GDPR Article ${a.article}`,
  }[a.framework];
  return text ? h('p', { class: 'attributes muted' }, text()) : null;
}

/** The same checks' verdicts count in other benchmarks too: "Also decides: aws-fsbp CloudTrail.1, cis-aws-7.0 4.1". */
function servedElsewhere(c, benchmarkId) {
  const others = [...new Set((c.checks ?? []).flatMap((k) => (k.requirements ?? []).filter((r) => r.benchmark_id !== benchmarkId).map((r) => `${r.benchmark_id} ${r.id}`)))];
  return others.length ? [h('h3', {}, 'Also decides'), h('p', { class: 'served-elsewhere' }, others.join(', '))] : null;
}

function fmtEvidence(v) {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

/** Starts a scan and updates the table in place as each requirement's result arrives. */
async function runNow(notify) {
  if (state.running || !state.benchmark) return;
  const button = $('#run-now');
  const bar = $('#run-bar');
  const status = $('#run-status');
  let started;
  try {
    started = await api.post('/api/scans', { benchmark: state.benchmark, sync: $('#run-sync').checked });
  } catch (error) {
    notify(error.message);
    return;
  }
  state.running = true;
  // The previous run's "hide the progress in 4 s" must not hide this run's progress.
  clearTimeout(state.hideProgress);
  button.disabled = true;
  button.textContent = 'Running…';
  // A run started within 4 s of the last one must not have its progress hidden by the last one's timer.
  clearTimeout(state.hideProgress);
  $('#run-progress').hidden = false;
  const total = state.report?.total_controls ?? 0;
  bar.max = total || 1;
  bar.value = 0;
  status.textContent = started.sync ? 'Syncing from AWS…' : 'Evaluating…';
  if (!state.report) state.report = { controls: [], sections: [], total_controls: 0, scan: { id: started.scan_id }, summary: null, benchmark: { title: state.benchmark, version: '' } };
  let done = 0;
  try {
    await streamEvents(started.events, (event, data) => {
      if (event === 'status') status.textContent = data.state === 'syncing' ? 'Syncing from AWS…' : data.state === 'synced' ? `Synced ${data.resources} resources` : 'Evaluating…';
      if (event === 'control') {
        done++;
        bar.value = done;
        status.textContent = `${done}${total ? ` of ${total}` : ''} requirements evaluated · ${data.id} ${data.status}`;
        updateRow(data);
      }
      if (event === 'summary') status.textContent = `Done: score ${fmtScore(data.summary.score)}`;
      if (event === 'error') notify(data.message);
    });
    await showReport(state.benchmark, null, notify);
  } catch (error) {
    notify(`The live results stopped: ${error.message}`);
  } finally {
    state.running = false;
    button.disabled = false;
    button.textContent = 'Run now';
    state.hideProgress = setTimeout(() => ($('#run-progress').hidden = true), 4000);
  }
}

function updateRow(c) {
  const rows = state.report.controls;
  const existing = rows.find((r) => r.id === c.id);
  if (existing) Object.assign(existing, { status: c.status, reason: c.reason, affected_count: c.affected_count, severity: c.severity ?? existing.severity });
  else rows.push({ ...c, position: rows.length + 1, remediation_link: null, check_ids: [] });
  renderRows();
  const tr = $(`#controls tr[data-id="${CSS.escape(c.id)}"]`);
  tr?.classList.add('just-updated');
}
