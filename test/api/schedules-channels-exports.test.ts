import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { parseCsv } from '../../reports/csv.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

let db: Database;
let app: ReturnType<typeof createApp>;
let failing: Server;
let failingUrl: string;

beforeAll(async () => {
  // The failing receiver listens on loopback, which webhooks reach only when the operator allows it.
  process.env.CALABI_WEBHOOK_ALLOW = '127.0.0.1/32';
  db = await memoryDb();
  app = createApp({ db, onUnexpectedError: (e) => { throw e; } });
  await seedScan(db, {
    id: 'scan-a', startedAt: '2026-11-20T06:00:00Z',
    controls: [{ id: '1.8', status: 'PASS' }, { id: '2.1.1', status: 'FAIL', checks: ['s3_bucket_denies_http'] }],
    findings: [{ control: '2.1.1', resource: 'arn:aws:s3:::old-bucket' }],
  });
  await seedScan(db, {
    id: 'scan-b', startedAt: '2026-11-21T06:00:00Z',
    controls: [{ id: '1.8', status: 'FAIL', checks: ['iam_password_policy_min_length_14'] }, { id: '2.1.1', status: 'FAIL', checks: ['s3_bucket_denies_http'] }],
    findings: [
      { control: '1.8', resource: 'arn:aws:iam::123456789012:root' },
      { control: '2.1.1', resource: '=HYPERLINK("http://x","y")' },
      { control: '2.1.1', resource: 'arn:aws:s3:::old-bucket' },
    ],
  });
  failing = createServer((_req, res) => res.writeHead(500).end('down'));
  await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  delete process.env.CALABI_WEBHOOK_ALLOW;
  db?.close();
  await new Promise((r) => failing?.close(r));
});

const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const res = await app.request(path, {
    ...init,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  return { res, status: res.status, body: type.includes('json') ? await res.json() : null };
};

describe('/api/schedules', () => {
  it('creates, lists, changes, pauses, resumes and deletes a schedule', async () => {
    const created = await call('/api/schedules', {
      method: 'POST',
      json: { benchmark_id: 'cis-aws-3.0', frequency: 'weekly', weekday: 'monday', time_of_day: '07:30', timezone: 'Europe/Berlin', sync_first: true, alert_threshold: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ benchmark_id: 'cis-aws-3.0', weekday: 1, time_of_day: '07:30', sync_first: true, alert_threshold: 5, paused: false, description: 'weekly on Monday at 07:30 Europe/Berlin' });
    expect(new Date(created.body.next_run_at).getUTCDay()).toBe(1);
    const id = created.body.id;

    const listed = await call('/api/schedules');
    expect(listed.body.schedules.map((s: { id: string }) => s.id)).toContain(id);
    expect(listed.body.scheduler_running).toBe(false);

    const changed = await call(`/api/schedules/${id}`, { method: 'PATCH', json: { frequency: 'monthly', day_of_month: 'last', time_of_day: '23:00' } });
    expect(changed.body).toMatchObject({ frequency: 'monthly', day_of_month: -1, description: 'monthly on the last day at 23:00 Europe/Berlin' });

    expect((await call(`/api/schedules/${id}/pause`, { method: 'POST' })).body).toMatchObject({ paused: true, next_run_at: null });
    expect((await call(`/api/schedules/${id}/resume`, { method: 'POST' })).body.next_run_at).toBeTruthy();
    expect((await call(`/api/schedules/${id}/run`, { method: 'POST' })).status).toBe(409);
    expect((await call(`/api/schedules/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/schedules/${id}`)).status).toBe(404);
  });

  it('refuses bad input with a 400 that names the field', async () => {
    const tz = await call('/api/schedules', { method: 'POST', json: { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'Mars/Olympus' } });
    expect(tz.status).toBe(400);
    expect(tz.body).toMatchObject({ field: 'timezone' });
    const bench = await call('/api/schedules', { method: 'POST', json: { benchmark_id: 'cis-aws-9', frequency: 'daily', time_of_day: '06:00' } });
    expect(bench.body).toMatchObject({ status: 400, field: 'benchmark_id' });
    expect(bench.body.message).toMatch(/valid: .*cis-aws-3\.0/);
    const time = await call('/api/schedules', { method: 'POST', json: { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '25:00' } });
    expect(time.body).toMatchObject({ status: 400, field: 'time_of_day' });
  });
});

describe('/api/channels', () => {
  it('shows a channel whose deliveries keep failing as failing, with the last error', async () => {
    const ch = await call('/api/channels', { method: 'POST', json: { name: 'ops webhook', url: failingUrl } });
    expect(ch.status).toBe(201);
    expect(ch.body.health.state).toBe('never');
    const test = await call(`/api/channels/${ch.body.id}/test`, { method: 'POST' });
    expect(test.body).toMatchObject({ ok: false, attempts: 1, http_status: 500 });
    const list = await call('/api/channels');
    const row = list.body.channels.find((c: { id: string }) => c.id === ch.body.id);
    expect(row.health).toMatchObject({ state: 'failing', consecutive_failures: 1, last_http_status: 500, last_error: 'HTTP 500 Internal Server Error' });
    expect((await call(`/api/channels/${ch.body.id}/deliveries`)).body.deliveries).toHaveLength(1);
    expect((await call('/api/channels', { method: 'POST', json: { name: 'x', url: 'ftp://nope' } })).body).toMatchObject({ status: 400, field: 'url' });
  });
});

describe('exports over HTTP', () => {
  it('downloads CSV at control and finding level with content type and file name', async () => {
    const { res, status } = await call('/api/scans/scan-b/export.csv');
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="calabi-cis-aws-3.0-20261121-0600-scanb.csv"');
    expect([...parseCsv(await res.text())].length).toBe(3);
    const f = await call('/api/scans/scan-b/export.csv?level=findings');
    expect(f.res.headers.get('content-disposition')).toContain('-findings.csv');
    const rows = [...parseCsv(await f.res.text())];
    expect(rows.map((r) => r[4])).toContain(`'=HYPERLINK("http://x","y")`);
  });

  it('downloads the latest scan as XLSX and PDF with their content types', async () => {
    const x = await call('/api/scans/latest/export.xlsx?org=Acme');
    expect(x.res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.res.headers.get('x-calabi-scan-id')).toBe('scan-b');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.res.arrayBuffer()) as never);
    expect(wb.getWorksheet('Summary')!.getRow(2).values).toEqual([undefined, 'Organization', 'Acme']);
    const p = await call('/api/scans/scan-a/export.pdf');
    expect(p.res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await p.res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses to export a scan that is still running (409) rather than hand out partial results', async () => {
    await db.run("INSERT INTO scans (id, benchmark_id, started_at, status) VALUES ('scan-running', 'cis-aws-3.0', '2026-11-19 06:00:00', 'running')");
    const r = await call('/api/scans/scan-running/export.xlsx');
    expect(r.body).toMatchObject({ status: 409 });
    expect(r.body.message).toMatch(/is running, not complete/);
  });

  it('answers 404 for an unknown scan and 400 for an unknown level', async () => {
    expect((await call('/api/scans/nope/export.pdf')).body).toMatchObject({ status: 404 });
    expect((await call('/api/scans/scan-a/export.csv?level=rows')).body).toMatchObject({ status: 400, field: 'level' });
  });
});

describe('drift and trend', () => {
  it('GET /api/scans/{a}/diff/{b} lists newly failing requirements and findings by resource', async () => {
    const { body } = await call('/api/scans/scan-a/diff/scan-b');
    expect(body.score_change).toBe(-50);
    expect(body.requirements.newly_failing.map((r: { id: string }) => r.id)).toEqual(['1.8']);
    expect(body.requirements.still_failing.map((r: { id: string }) => r.id)).toEqual(['2.1.1']);
    expect(body.findings.newly_failing.count).toBe(2);
    expect(body.findings.still_failing.items.map((f: { resource_id: string }) => f.resource_id)).toEqual(['arn:aws:s3:::old-bucket']);
    expect(body.findings.resolved.count).toBe(0);
  });

  it('GET /api/trend gives the score over time with the change against the previous scan', async () => {
    const { body } = await call('/api/trend?benchmark=cis-aws-3.0&days=36500');
    expect(body.series[0].points.map((p: { scan_id: string; change: number | null }) => [p.scan_id, p.change])).toEqual([['scan-a', null], ['scan-b', -50]]);
  });
});
