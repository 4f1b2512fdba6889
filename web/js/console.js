import { api, request } from './api.js';
import { $, cellText, clear, h } from './dom.js';

const examples = [
  ['Buckets and their encryption', "SELECT name, region, encryption_algorithm, versioning_status, policy IS NOT NULL AS has_policy\nFROM aws_s3_buckets\nORDER BY name"],
  ['Security groups open to the world (JSON from raw)', "SELECT group_id, group_name, vpc_id,\n       p->>'IpProtocol' AS protocol, p->>'FromPort' AS from_port, p->>'ToPort' AS to_port\nFROM aws_ec2_security_groups,\n     unnest(CAST(raw->'IpPermissions' AS JSON[])) AS t(p)\nWHERE p::VARCHAR LIKE '%0.0.0.0/0%'\nORDER BY group_name"],
  ['Failed requirements of the latest scan', "WITH latest AS (\n  SELECT id FROM scans WHERE status = 'complete' ORDER BY started_at DESC LIMIT 1\n)\nSELECT control_id, title, severity, affected_count\nFROM control_results JOIN latest ON scan_id = latest.id\nWHERE status = 'FAIL'\nORDER BY position"],
  ['Findings per resource (window function)', "SELECT resource_id, count(*) AS findings,\n       rank() OVER (ORDER BY count(*) DESC) AS rank\nFROM findings\nWHERE scan_id = (SELECT id FROM scans ORDER BY started_at DESC LIMIT 1)\nGROUP BY resource_id\nORDER BY findings DESC\nLIMIT 20"],
  ['Instances and their metadata settings', "SELECT instance_id, instance_type, state, metadata_http_tokens, raw->>'$.Placement.AvailabilityZone' AS zone\nFROM aws_ec2_instances\nORDER BY instance_id"],
  ['What went wrong in the last sync', 'SELECT service, operation, error_code, count(*) AS n, any_value(message) AS example\nFROM sync_errors\nGROUP BY ALL\nORDER BY n DESC'],
];

let last = null;
let lastSql = '';
let schemaLoaded = false;

export function initConsole({ notify }) {
  const sql = $('#sql');
  sql.value = examples[0][1];
  const select = $('#examples');
  for (const [label] of examples) select.append(h('option', { value: label }, label));
  select.addEventListener('change', () => {
    const found = examples.find(([label]) => label === select.value);
    if (found) sql.value = found[1];
    select.value = '';
    sql.focus();
  });
  sql.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      $('#sql-form').requestSubmit();
    }
  });
  $('#sql-form').addEventListener('submit', (e) => {
    e.preventDefault();
    run(sql.value).catch((error) => notify(error.message));
  });
  $('#download-csv').addEventListener('click', () => downloadCsv().catch((error) => notify(error.message)));
  $('#schema-filter').addEventListener('input', (e) => filterSchema(e.target.value));
}

export async function showConsole() {
  if (schemaLoaded) return;
  const { tables } = await api.get('/api/schema');
  schemaLoaded = true;
  clear($('#schema-list'), tables.map((t) => h('details', { class: `table kind-${t.kind}`, dataset: { name: t.name } },
    h('summary', {}, h('span', { class: 'mono' }, t.name), t.kind === 'calabi' ? h('span', { class: 'muted' }, ' · calabi') : null),
    t.description ? h('p', { class: 'muted' }, t.description) : null,
    h('ul', {}, t.columns.map((c) => h('li', {},
      h('button', { type: 'button', class: 'col', title: `Insert ${c.name}`, onclick: () => insert(c.name) }, c.name),
      h('span', { class: 'type' }, ` ${c.type}`),
      c.description ? h('div', { class: 'muted small' }, c.description) : null))),
    h('button', { type: 'button', class: 'link small', onclick: () => { $('#sql').value = `SELECT *\nFROM ${t.name}\nLIMIT 100`; $('#sql').focus(); } }, `Query ${t.name}`),
  )));
}

function filterSchema(text) {
  const q = text.trim().toLowerCase();
  for (const d of document.querySelectorAll('#schema-list details')) d.hidden = Boolean(q) && !d.dataset.name.includes(q);
}

function insert(text) {
  const sql = $('#sql');
  const { selectionStart: a, selectionEnd: b, value } = sql;
  sql.value = value.slice(0, a) + text + value.slice(b);
  sql.focus();
  sql.setSelectionRange(a + text.length, a + text.length);
}

async function run(text) {
  const status = $('#sql-status');
  const out = $('#sql-result');
  const button = $('#run-sql');
  button.disabled = true;
  status.textContent = 'Running…';
  status.classList.remove('error');
  try {
    last = await api.post('/api/query', { sql: text });
    lastSql = text;
  } catch (error) {
    last = null;
    $('#download-csv').disabled = true;
    status.textContent = error.body?.position ? `Line ${error.body.position.line}, column ${error.body.position.column}:` : 'The query did not run:';
    status.classList.add('error');
    clear(out, h('pre', { class: 'sql-error' }, error.message));
    return;
  } finally {
    button.disabled = false;
  }
  status.textContent = `${last.row_count} row${last.row_count === 1 ? '' : 's'}${last.truncated ? (last.truncated_by === 'bytes' ? ' (truncated: the result is larger than the data cap; select fewer or smaller columns)' : ' (truncated: more rows exist; add a LIMIT or a WHERE)') : ''} in ${last.elapsed_ms} ms`;
  $('#download-csv').disabled = !last.row_count;
  clear(out, h('table', { class: 'result' },
    h('caption', { class: 'sr-only' }, 'Query result'),
    h('thead', {}, h('tr', {}, last.columns.map((c) => h('th', { scope: 'col', title: c.type }, c.name)))),
    h('tbody', {}, last.rows.slice(0, 2000).map((r) => h('tr', {}, r.map((v) => h('td', { class: v === null ? 'null' : typeof v === 'number' ? 'num' : '' }, v === null ? 'NULL' : cellText(v))))))));
  if (last.rows.length > 2000) out.append(h('p', { class: 'muted' }, `Showing 2000 of ${last.rows.length} rows here; the CSV has them all.`));
}

/**
 * The server writes the CSV (POST /api/query with format csv): its one CSV writer neutralises formula-like cells
 * by the same rules as every export, which a second copy here would drift from. The query runs once more.
 */
async function downloadCsv() {
  if (!last) return;
  const res = await request('/api/query', { method: 'POST', body: { sql: lastSql, format: 'csv' }, raw: true });
  const url = URL.createObjectURL(await res.blob());
  const a = h('a', { href: url, download: `calabi-query-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
