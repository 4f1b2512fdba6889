// Continuous compliance on the page: export buttons on the report, schedules with their runs, alert channels with
// their health, drift between two scans and benchmark versions side by side. Registered as views of app.js.
import { request } from './api.js';
import { $, badge, clear, fmtScore, fmtTime, h } from './dom.js';

const { api, registerView, notify } = window.calabi;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const enc = encodeURIComponent;

// ---- Export buttons on the report page -------------------------------------------------------------------

/** The scan the dashboard shows: the one in the hash, or the benchmark's latest. */
function currentScanPath() {
  const scan = new URLSearchParams(location.hash.split('?')[1] ?? '').get('scan');
  return scan ? { id: enc(scan), query: '' } : { id: 'latest', query: `benchmark=${enc(window.calabi.benchmark ?? '')}` };
}

/** Downloads through fetch (so the bearer token goes along), then hands the file to the browser. */
async function download(ext, extra = '') {
  const { id, query } = currentScanPath();
  const org = localStorage.getItem('calabi.org') ?? '';
  const q = [query, extra, org ? `org=${enc(org)}` : ''].filter(Boolean).join('&');
  const res = await request(`/api/scans/${id}/export.${ext}${q ? `?${q}` : ''}`, { raw: true });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `calabi-report.${ext}`;
  const url = URL.createObjectURL(await res.blob());
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function exportButtons() {
  const menu = h('div', { class: 'actions export-actions', role: 'group', 'aria-label': 'Export this report' },
    h('span', { class: 'muted' }, 'Export:'),
    ...[['csv', 'CSV', ''], ['csv', 'Findings CSV', 'level=findings'], ['xlsx', 'XLSX', ''], ['pdf', 'PDF', '']].map(([ext, label, extra]) =>
      h('button', { type: 'button', 'data-export': `${ext}${extra ? '-findings' : ''}`, onclick: (e) => {
        const b = e.currentTarget;
        b.disabled = true;
        download(ext, extra).catch((error) => notify(`Export failed: ${error.message}`)).finally(() => (b.disabled = false));
      } }, label)),
    h('button', { type: 'button', class: 'link', onclick: () => {
      const org = prompt('Organization name printed on exports', localStorage.getItem('calabi.org') ?? '');
      if (org !== null) localStorage.setItem('calabi.org', org.trim());
    } }, 'Organization…'));
  $('#report-actions')?.append(menu);
}

// ---- Schedules and channels -------------------------------------------------------------------------------

function scheduleForm(benchmarks, channels) {
  const form = h('form', { id: 'schedule-form', class: 'filters', 'aria-label': 'New schedule' },
    field('Benchmark', h('select', { name: 'benchmark_id' }, benchmarks.map((b) => h('option', { value: b.id, selected: b.id === window.calabi.benchmark }, `${b.id}`)))),
    field('Every', h('select', { name: 'frequency' }, ['daily', 'weekly', 'monthly'].map((f) => h('option', { value: f }, f)))),
    field('Weekday', h('select', { name: 'weekday' }, weekdays.map((d, i) => h('option', { value: i, selected: i === 1 }, d)))),
    field('Day of month', h('select', { name: 'day_of_month' }, [...Array.from({ length: 28 }, (_, i) => h('option', { value: i + 1 }, String(i + 1))), h('option', { value: 'last' }, 'last')])),
    field('At', h('input', { name: 'time_of_day', type: 'time', value: '06:00', required: true })),
    field('Time zone', h('input', { name: 'timezone', type: 'text', value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', required: true, size: 18 })),
    field('Alert on a drop of more than (points)', h('input', { name: 'alert_threshold', type: 'number', min: 0, max: 100, step: '0.1', placeholder: 'no alert' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'sync_first' }), ' Sync AWS first'),
    channels.length ? field('Channels', h('select', { name: 'channel_ids', multiple: true, size: Math.min(4, channels.length) }, channels.map((c) => h('option', { value: c.id }, c.name)))) : null,
    h('input', { type: 'hidden', name: 'id', value: '' }),
    h('button', { type: 'submit', class: 'primary', 'data-role': 'submit' }, 'Add schedule'),
    h('button', { type: 'button', class: 'link', 'data-role': 'cancel', hidden: true, onclick: () => showSchedules() }, 'Cancel'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const editing = String(f.get('id') ?? '');
    const frequency = f.get('frequency');
    const chosen = [...form.querySelectorAll('select[name=channel_ids] option:checked')].map((o) => o.value);
    const body = {
      benchmark_id: f.get('benchmark_id'), frequency, time_of_day: f.get('time_of_day'), timezone: String(f.get('timezone')).trim(),
      sync_first: f.get('sync_first') === 'on',
      alert_threshold: f.get('alert_threshold') === '' ? null : Number(f.get('alert_threshold')),
      ...(frequency === 'weekly' ? { weekday: Number(f.get('weekday')) } : {}),
      ...(frequency === 'monthly' ? { day_of_month: f.get('day_of_month') === 'last' ? 'last' : Number(f.get('day_of_month')) } : {}),
      ...(chosen.length ? { channel_ids: chosen } : {}),
    };
    try {
      if (editing) await request(`/api/schedules/${enc(editing)}`, { method: 'PATCH', body: { ...body, channel_ids: chosen.length ? chosen : null } });
      else await api.post('/api/schedules', body);
      notify(editing ? 'Schedule changed.' : 'Schedule added.');
      await showSchedules();
    } catch (error) {
      notify(`Could not ${editing ? 'change' : 'add'} the schedule: ${error.message}`);
    }
  });
  return form;
}

/** Loads a schedule into the form, which then saves changes with PATCH instead of adding. */
function editSchedule(s) {
  const form = $('#schedule-form');
  const set = (name, value) => {
    const el = form.elements.namedItem(name);
    if (el) el.value = value ?? '';
  };
  set('id', s.id);
  set('benchmark_id', s.benchmark_id);
  set('frequency', s.frequency);
  if (s.weekday !== null) set('weekday', String(s.weekday));
  if (s.day_of_month !== null) set('day_of_month', s.day_of_month === -1 ? 'last' : String(s.day_of_month));
  set('time_of_day', s.time_of_day);
  set('timezone', s.timezone);
  set('alert_threshold', s.alert_threshold === null ? '' : String(s.alert_threshold));
  form.elements.namedItem('sync_first').checked = s.sync_first;
  for (const o of form.querySelectorAll('select[name=channel_ids] option')) o.selected = (s.channel_ids ?? []).includes(o.value);
  form.querySelector('[data-role=submit]').textContent = 'Save changes';
  form.querySelector('[data-role=cancel]').hidden = false;
  form.scrollIntoView({ block: 'center' });
  form.elements.namedItem('time_of_day').focus();
}

function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

async function act(method, path, done) {
  try {
    await request(path, { method });
    await done();
  } catch (error) {
    notify(error.message);
  }
}

async function showSchedules() {
  const root = $('#schedules-root');
  const [{ schedules, scheduler_running }, { channels }, { benchmarks }, { runs }] = await Promise.all([
    api.get('/api/schedules'), api.get('/api/channels'), api.get('/api/benchmarks'), api.get('/api/schedule-runs?limit=30'),
  ]);
  const failing = channels.filter((c) => c.health.state === 'failing');
  clear(root,
    !scheduler_running ? h('p', { class: 'notice' }, 'This server does not run schedules (only `calabi serve` does); changes are stored for the next start.') : null,
    failing.map((c) => h('p', { class: 'notice error', role: 'alert', 'data-failing-channel': c.id },
      `Alert channel “${c.name}” is failing: ${c.health.consecutive_failures} delivery(ies) in a row gave up; last error: ${c.health.last_error ?? 'unknown'}.`)),
    h('h2', {}, 'Schedules'),
    h('table', { id: 'schedule-table' },
      h('thead', {}, h('tr', {}, ['Benchmark', 'When', 'Sync', 'Alert', 'Next run', 'Last run', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, schedules.length ? schedules.map((s) => h('tr', { 'data-schedule': s.id },
        h('td', {}, s.benchmark_id), h('td', {}, s.paused ? h('span', { class: 'muted' }, `paused · ${s.description}`) : s.description),
        h('td', {}, s.sync_first ? 'yes' : 'no'), h('td', {}, s.alert_threshold === null ? '—' : `> ${s.alert_threshold} pts`),
        h('td', {}, s.running ? 'running now' : fmtTime(s.next_run_at)),
        h('td', {}, s.last_run ? [badge('status', s.last_run.status === 'ok' ? 'pass' : s.last_run.status === 'failed' ? 'fail' : 'skip'), ' ', fmtTime(s.last_run.started_at), s.last_run.error ? h('div', { class: 'muted' }, s.last_run.error) : null] : '—'),
        h('td', { class: 'actions' },
          h('button', { type: 'button', onclick: () => act('POST', `/api/schedules/${s.id}/run`, showSchedules) }, 'Run now'),
          h('button', { type: 'button', 'data-edit': s.id, onclick: () => editSchedule(s) }, 'Edit'),
          h('button', { type: 'button', onclick: () => act('POST', `/api/schedules/${s.id}/${s.paused ? 'resume' : 'pause'}`, showSchedules) }, s.paused ? 'Resume' : 'Pause'),
          h('button', { type: 'button', onclick: () => confirm('Delete this schedule? Its run history stays.') && act('DELETE', `/api/schedules/${s.id}`, showSchedules) }, 'Delete')),
      )) : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No schedules yet.')))),
    scheduleForm(benchmarks, channels),
    h('h2', {}, 'Alert channels'),
    h('p', { class: 'muted' }, 'Webhooks receive a JSON POST when a scheduled scan’s score drops by more than its threshold, and when visibility is lost (a requirement went from PASS or FAIL to ERROR, or the sync recorded errors); the body has a top-level “text”, so Slack and Teams incoming webhooks work as they are.'),
    h('table', { id: 'channel-table' },
      h('thead', {}, h('tr', {}, ['Name', 'URL', 'Health', 'Last attempt', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, channels.length ? channels.map((c) => h('tr', { 'data-channel': c.id, class: c.health.state === 'failing' ? 'failing' : '' },
        h('td', {}, c.name, c.enabled ? '' : h('span', { class: 'muted' }, ' (disabled)')), h('td', { class: 'mono' }, c.url),
        h('td', {}, badge('status', c.health.state === 'ok' ? 'pass' : c.health.state === 'failing' ? 'fail' : 'skip'), ' ',
          c.health.state === 'failing' ? `${c.health.consecutive_failures} failed in a row — ${c.health.last_error ?? ''}` : c.health.state),
        h('td', {}, fmtTime(c.health.last_attempt_at)),
        h('td', { class: 'actions' },
          h('button', { type: 'button', onclick: async () => {
            try {
              const r = await api.post(`/api/channels/${c.id}/test`, {});
              notify(r.ok ? `Test message delivered to ${c.name}.` : `Test message to ${c.name} failed: ${r.error}`);
              await showSchedules();
            } catch (error) {
              notify(error.message);
            }
          } }, 'Send test'),
          h('button', { type: 'button', onclick: async () => {
            try {
              await request(`/api/channels/${c.id}`, { method: 'PATCH', body: { enabled: !c.enabled } });
              await showSchedules();
            } catch (error) {
              notify(error.message);
            }
          } }, c.enabled ? 'Disable' : 'Enable'),
          h('button', { type: 'button', onclick: () => confirm('Delete this channel?') && act('DELETE', `/api/channels/${c.id}`, showSchedules) }, 'Delete')),
      )) : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No channels yet.')))),
    channelForm(),
    h('h2', {}, 'Recent runs'),
    h('table', { id: 'run-table' },
      h('thead', {}, h('tr', {}, ['Started', 'Outcome', 'Trigger', 'Benchmark', 'Score', 'Scan', 'Error'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, runs.length ? runs.map((r) => h('tr', {},
        h('td', {}, fmtTime(r.started_at)), h('td', {}, r.status, r.alert_id ? h('strong', {}, ' · alert sent') : ''), h('td', {}, r.trigger), h('td', {}, r.benchmark_id),
        h('td', { class: 'num' }, `${fmtScore(r.score)}${r.previous_score !== null && r.score !== null ? ` (was ${fmtScore(r.previous_score)})` : ''}`),
        h('td', {}, r.scan_id ? h('a', { href: `#/dashboard?scan=${enc(r.scan_id)}` }, r.scan_id.slice(0, 8)) : '—'),
        h('td', { class: 'muted' }, r.error ?? ''),
      )) : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No runs yet.')))),
  );
}

function channelForm() {
  const form = h('form', { id: 'channel-form', class: 'filters', 'aria-label': 'New channel' },
    field('Name', h('input', { name: 'name', required: true, size: 16 })),
    field('Webhook URL', h('input', { name: 'url', type: 'url', required: true, size: 48, placeholder: 'https://hooks.slack.com/services/…' })),
    h('button', { type: 'submit', class: 'primary' }, 'Add channel'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    try {
      await api.post('/api/channels', { name: f.get('name'), url: f.get('url') });
      await showSchedules();
    } catch (error) {
      notify(`Could not add the channel: ${error.message}`);
    }
  });
  return form;
}

// ---- Drift -------------------------------------------------------------------------------------------------

async function showDrift({ benchmark, params }) {
  const root = $('#drift-root');
  const { scans } = await api.get(`/api/scans?benchmark=${enc(benchmark)}&limit=200`);
  const done = scans.filter((s) => s.status === 'complete');
  if (done.length < 2) {
    clear(root, h('p', { class: 'muted' }, 'Drift needs two completed scans of this benchmark.'));
    return;
  }
  const a = params.get('a') ?? done[1].id;
  const b = params.get('b') ?? done[0].id;
  const pick = (name, value) => h('select', { name, onchange: (e) => (location.hash = `#/drift?${name === 'a' ? `a=${enc(e.target.value)}&b=${enc(b)}` : `a=${enc(a)}&b=${enc(e.target.value)}`}`) },
    done.map((s) => h('option', { value: s.id, selected: s.id === value }, `${fmtTime(s.started_at)} · ${fmtScore(s.score)}`)));
  const d = await api.get(`/api/scans/${enc(a)}/diff/${enc(b)}?limit=200`);
  const reqTable = (title, rows) => [h('h3', {}, `${title} (${rows.length})`), rows.length ? h('table', {},
    h('thead', {}, h('tr', {}, ['Requirement', 'Title', 'Before', 'After', 'Affected'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.id), h('td', {}, r.title ?? ''), h('td', {}, badge('status', r.before)), h('td', {}, badge('status', r.after)), h('td', { class: 'num' }, `${r.affected_before} → ${r.affected_after}`))))) : null];
  const findingTable = (title, g) => [h('h3', {}, `${title}: ${g.count}`), g.items.length ? h('table', { class: 'resources' },
    h('thead', {}, h('tr', {}, ['Requirement', 'Resource', 'Account', 'Region', 'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, g.items.map((f) => h('tr', {}, h('td', {}, f.control_id), h('td', { class: 'mono' }, f.resource_id ?? '(account)'), h('td', {}, f.account_id ?? ''), h('td', {}, f.region ?? ''), h('td', {}, f.reason ?? ''))))) : null,
    g.count > g.items.length ? h('p', { class: 'muted' }, `… and ${g.count - g.items.length} more (calabi diff ${a} ${b} lists them all).`) : null];
  clear(root,
    h('div', { class: 'filters' }, field('From', pick('a', a)), field('To', pick('b', b))),
    h('p', {}, `Score ${fmtScore(d.a.score)} → ${fmtScore(d.b.score)} (${d.score_change === null ? 'n/a' : `${d.score_change > 0 ? '+' : ''}${d.score_change} points`})`),
    reqTable('Requirements newly failing', d.requirements.newly_failing),
    reqTable('Requirements resolved', d.requirements.resolved),
    reqTable('Requirements still failing', d.requirements.still_failing),
    d.requirements.other_changes.length ? reqTable('Other status changes', d.requirements.other_changes) : null,
    findingTable('Resources newly failing', d.findings.newly_failing),
    findingTable('Resources resolved', d.findings.resolved),
    h('p', {}, `Resources still failing: ${d.findings.still_failing.count}`));
}

// ---- Versions side by side ------------------------------------------------------------------------------------

async function showCompare() {
  const root = $('#compare-root');
  let c;
  try {
    c = await api.get('/api/compare');
  } catch (error) {
    clear(root, h('p', { class: 'muted' }, `${error.message} — evaluate at least two CIS versions first (calabi compare --evaluate evaluates them all).`));
    return;
  }
  const changed = c.changed_meaning ?? [];
  clear(root,
    c.same_inventory ? null : h('p', { class: 'notice' }, 'These scans come from different syncs; differences may come from the inventory, not the benchmarks.'),
    c.not_evaluated?.length ? h('p', { class: 'muted' }, `Not evaluated yet, left out: ${c.not_evaluated.join(', ')}.`) : null,
    h('table', { id: 'compare-table' },
      h('thead', {},
        h('tr', {}, h('th', { scope: 'col' }, 'Check'), c.benchmarks.map((b) => h('th', { scope: 'col' }, `${b.benchmark_id} · ${fmtScore(b.score)}`)))),
      h('tbody', {}, c.rows.map((r) => h('tr', { class: [r.agrees ? '' : 'differs', r.meaning_changed ? 'meaning-changed' : ''].join(' ').trim() },
        h('td', { class: 'mono' }, r.check_id, r.meaning_changed ? h('span', { title: 'A requirement mapping this check changed meaning between versions (same title, different checks)' }, ' ≠') : null),
        c.benchmarks.map((b) => h('td', {}, (r.requirements[b.benchmark_id] ?? []).length
          ? r.requirements[b.benchmark_id].map((q) => [q.id, ' ', badge('status', q.status), ' '])
          : h('span', { class: 'muted' }, 'not mapped'))))))),
    h('h2', {}, 'Requirements that changed meaning'),
    changed.length
      ? h('ul', { id: 'compare-changed' }, changed.map((t) => h('li', {}, t.title, ' — ',
        Object.entries(t.versions).map(([b, v]) => `${b} ${v.id}: ${v.checks.join(', ') || 'no check (manual)'}`).join('; '))))
      : h('p', { class: 'muted', id: 'compare-changed' }, 'None: every requirement these versions share by title maps the same checks.'),
    h('p', { class: 'muted' }, c.benchmarks.map((b) => `${b.benchmark_id}: ${(c.unmapped[b.benchmark_id] ?? []).length} manual requirement(s)`).join(' · ')));
}

registerView('schedules', () => showSchedules());
registerView('drift', (ctx) => showDrift(ctx));
registerView('compare', () => showCompare());
exportButtons();
