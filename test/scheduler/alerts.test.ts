import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { channelHealth, createChannel } from '../../scheduler/channels.js';
import { runJob, type JobDeps } from '../../scheduler/job.js';
import { deliver } from '../../scheduler/webhook.js';
import { parseAllowList } from '../../scheduler/destination.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScan, type SeedControl } from '../../testkit/seed-scan.js';

interface Receiver {
  url: string;
  bodies: unknown[];
  close(): Promise<void>;
}

/** A real webhook receiver on loopback; `answers` are the HTTP statuses it gives, in order (then 200). */
async function receiver(answers: number[] = []): Promise<Receiver> {
  const bodies: unknown[] = [];
  let n = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      bodies.push({ contentType: req.headers['content-type'], body: JSON.parse(data) });
      const status = answers[n++] ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver unavailable');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

// The receivers listen on loopback, which webhooks may reach only when an operator allows it.
const loopback = parseAllowList('127.0.0.1/32');
const fast = { backoffMs: [10, 20, 40], allow: loopback };

describe('webhook delivery', () => {
  it('retries a receiver that fails twice, succeeds on the third attempt and logs every attempt', async () => {
    const db = await memoryDb();
    open.push(db);
    const hook = await receiver([500, 503]);
    open.push(hook);
    const channel = await createChannel(db, { name: 'ops', url: hook.url }, new Date());
    const result = await deliver(db, channel, { text: 'hello' }, null, fast);
    expect(result).toMatchObject({ ok: true, attempts: 3, http_status: 200 });
    expect(hook.bodies).toHaveLength(3);
    const log = await db.all<{ attempt: number; status: string; http_status: number; final: boolean; error: string | null }>(
      'SELECT attempt, status, http_status, final, error FROM deliveries ORDER BY attempt',
    );
    expect(log).toEqual([
      { attempt: 1, status: 'failed', http_status: 500, final: false, error: 'HTTP 500 Internal Server Error' },
      { attempt: 2, status: 'failed', http_status: 503, final: false, error: 'HTTP 503 Service Unavailable' },
      { attempt: 3, status: 'ok', http_status: 200, final: true, error: null },
    ]);
    expect((await channelHealth(db, channel.id)).state).toBe('ok');
  });

  it('gives up after the last retry and shows the channel as failing; a 4xx is not retried', async () => {
    const db = await memoryDb();
    open.push(db);
    const down = await receiver([500, 500, 500, 500, 500, 500, 500, 500]);
    open.push(down);
    const channel = await createChannel(db, { name: 'broken', url: down.url }, new Date());
    expect(await deliver(db, channel, { text: 'a' }, null, fast)).toMatchObject({ ok: false, attempts: 4 });
    expect(await deliver(db, channel, { text: 'b' }, null, fast)).toMatchObject({ ok: false, attempts: 4 });
    expect(await channelHealth(db, channel.id)).toMatchObject({ state: 'failing', consecutive_failures: 2, last_http_status: 500 });

    const gone = await receiver([404]);
    open.push(gone);
    const wrong = await createChannel(db, { name: 'wrong', url: gone.url }, new Date());
    expect(await deliver(db, wrong, { text: 'c' }, null, fast)).toMatchObject({ ok: false, attempts: 1, http_status: 404 });
  });

  it('records a refused connection as a failed attempt with the reason', async () => {
    const db = await memoryDb();
    open.push(db);
    const hook = await receiver();
    const url = hook.url;
    await hook.close();
    const channel = await createChannel(db, { name: 'closed', url }, new Date());
    const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [5], allow: loopback });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});

describe('score-drop alerts', () => {
  const controls = (failing: string[]): SeedControl[] =>
    ['1.4', '1.8', '2.1.1', '3.1', '4.1'].map((id) => ({ id, title: `Requirement ${id}`, status: failing.includes(id) ? 'FAIL' : 'PASS', severity: 'high' }));

  async function setup(nextFailing: string[], threshold: number) {
    const db = await memoryDb();
    open.push(db);
    const hook = await receiver([502]);
    open.push(hook);
    await createChannel(db, { name: 'slack', url: hook.url }, new Date());
    await seedScan(db, { id: 'before', startedAt: '2026-11-20T06:00:00Z', controls: controls(['4.1']) });
    const evaluate: JobDeps['evaluate'] = async ({ db: d }) => {
      await seedScan(d, {
        id: 'after', startedAt: '2026-11-21T06:00:00Z', controls: controls(nextFailing),
        findings: nextFailing.map((c) => ({ control: c, resource: `arn:aws:s3:::bucket-${c}` })),
      });
      return 'after';
    };
    const result = await runJob(
      { db, evaluate, publicUrl: 'https://calabi.example.com/', delivery: fast },
      { benchmarkId: 'cis-aws-3.0', syncFirst: false, alertThreshold: threshold, channelIds: null, schedule: { id: 's1', name: 'nightly' }, trigger: 'due', scheduledFor: null },
    );
    return { db, hook, result };
  }

  it('posts benchmark, old and new score, newly failing requirements and the report link, retrying once', async () => {
    const { db, hook, result } = await setup(['1.8', '2.1.1', '4.1'], 10);
    expect(result).toMatchObject({ status: 'ok', scanId: 'after', score: 40, previousScore: 80 });
    expect(result.deliveries).toEqual([expect.objectContaining({ ok: true, attempts: 2 })]);
    expect(hook.bodies).toHaveLength(2);
    const { contentType, body } = hook.bodies[1] as { contentType: string; body: Record<string, unknown> };
    expect(contentType).toBe('application/json');
    expect(body).toMatchObject({
      event: 'score_drop', old_score: 80, new_score: 40, drop: 40, threshold: 10, scan_id: 'after', previous_scan_id: 'before',
      benchmark: { id: 'cis-aws-3.0' }, report_url: 'https://calabi.example.com/#/dashboard?scan=after', schedule: { id: 's1', name: 'nightly' },
      newly_failing: [
        { id: '1.8', title: 'Requirement 1.8', severity: 'high', affected_count: 1 },
        { id: '2.1.1', title: 'Requirement 2.1.1', severity: 'high', affected_count: 1 },
      ],
    });
    // Slack and Teams incoming webhooks read a top-level "text".
    expect(body.text).toMatch(/score dropped from 80\.0% to 40\.0% \(−40\.0 points/);
    expect(body.text).toMatch(/• 1\.8 Requirement 1\.8 \(high\)/);
    expect(body.text).toMatch(/Report: https:\/\/calabi\.example\.com\/#\/dashboard\?scan=after/);
    const run = await db.one<{ alert_id: string; status: string }>('SELECT alert_id, status FROM schedule_runs');
    expect(run!.alert_id).toBe(result.alertId);
    expect(await db.all('SELECT count(*) AS n FROM deliveries WHERE alert_id = ?', [result.alertId])).toEqual([{ n: 2 }]);
  });

  it('stays silent when the drop is not more than the threshold', async () => {
    const { hook, result } = await setup(['1.8', '4.1'], 20);
    expect(result).toMatchObject({ score: 60, previousScore: 80, alertId: null });
    expect(hook.bodies).toHaveLength(0);
  });
});

describe('visibility-loss alerts', () => {
  const ids = ['1.4', '1.8', '2.1.1', '3.1', '4.1'];
  const statuses = (s: Record<string, SeedControl['status']>, reasons: Record<string, string> = {}): SeedControl[] =>
    ids.map((id) => ({ id, title: `Requirement ${id}`, status: s[id] ?? 'PASS', severity: 'high', reason: reasons[id] }));

  async function run(before: SeedControl[], after: SeedControl[], options: { threshold?: number | null; syncErrors?: Array<[string, string, string]> } = {}) {
    const db = await memoryDb();
    open.push(db);
    const hook = await receiver();
    open.push(hook);
    await createChannel(db, { name: 'ops', url: hook.url }, new Date());
    await seedScan(db, { id: 'before', startedAt: '2026-11-20T06:00:00Z', controls: before });
    const sync: JobDeps['sync'] = async () => {
      for (const [service, code, message] of options.syncErrors ?? []) {
        await db.run(
          `INSERT INTO sync_errors (run_id, account_id, region, service, operation, table_name, error_code, message, occurred_at)
           VALUES ('sync-2', '123456789012', 'eu-west-1', ?, 'Describe', NULL, ?, ?, now())`,
          [service, code, message],
        );
      }
      return { runId: 'sync-2', errors: options.syncErrors ?? [] };
    };
    const evaluate: JobDeps['evaluate'] = async ({ db: d, syncRunId }) => {
      await seedScan(d, { id: 'after', startedAt: '2026-11-21T06:00:00Z', controls: after, syncRunId });
      return 'after';
    };
    const result = await runJob(
      { db, sync, evaluate, publicUrl: 'https://calabi.example.com', delivery: fast },
      { benchmarkId: 'cis-aws-3.0', syncFirst: true, alertThreshold: options.threshold === undefined ? 100 : options.threshold, channelIds: null, schedule: { id: 's1', name: 'nightly' }, trigger: 'due', scheduledFor: null },
    );
    return { db, hook, result, bodies: hook.bodies.map((b) => (b as { body: Record<string, unknown> }).body) };
  }

  it('names the requirements that went from PASS or FAIL to ERROR, with why, and links the report', async () => {
    const denied = 'Cannot be evaluated: aws_iam_users failed to sync in 123456789012/global (AccessDenied: not authorized to perform iam:ListUsers)';
    const { result, bodies } = await run(
      statuses({ '4.1': 'FAIL', '3.1': 'ERROR' }),
      statuses({ '1.4': 'ERROR', '4.1': 'ERROR', '3.1': 'ERROR' }, { '1.4': denied, '4.1': 'Cannot be evaluated: aws_logs_metric_filters failed to sync (Throttling)' }),
    );
    // Threshold 100: no score-drop alert can fire, the visibility one does on its own.
    expect(result).toMatchObject({ status: 'ok', alertId: null, wentDark: 2 });
    expect(result.visibilityAlertId).toEqual(expect.any(String));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      event: 'visibility_lost', scan_id: 'after', previous_scan_id: 'before', benchmark: { id: 'cis-aws-3.0' },
      report_url: 'https://calabi.example.com/#/dashboard?scan=after', schedule: { id: 's1', name: 'nightly' }, sync_errors: null,
      went_dark: [
        { id: '1.4', title: 'Requirement 1.4', severity: 'high', was: 'PASS', reason: denied },
        { id: '4.1', title: 'Requirement 4.1', severity: 'high', was: 'FAIL', reason: expect.stringContaining('Throttling') },
      ],
    });
    // 3.1 was already ERROR: it did not go dark in this scan.
    const text = bodies[0]!.text as string;
    expect(text).toMatch(/visibility lost on CIS AWS Foundations Benchmark v3\.0 \(score 40\.0%, coverage 2\/5 automated requirements trustworthy\)\./);
    expect(bodies[0]!.coverage).toEqual({ trusted: 2, automated: 5 });
    expect(text).toMatch(/• 1\.4 Requirement 1\.4 \(high\): was PASS, now ERROR — .*AccessDenied: not authorized to perform iam:ListUsers/);
    expect(text).not.toMatch(/• 3\.1/);
    expect(text).toMatch(/Report: https:\/\/calabi\.example\.com\/#\/dashboard\?scan=after/);
    const stored = await (await run(statuses({}), statuses({ '1.8': 'ERROR' }))).db.one<{ n: number; event: string }>(
      "SELECT count(*) AS n, any_value(payload->>'event') AS event FROM alerts",
    );
    expect(stored).toEqual({ n: 1, event: 'visibility_lost' });
  });

  it('alerts when the sync before a scheduled scan recorded errors, quoting them, even with every verdict unchanged', async () => {
    const { result, bodies } = await run(statuses({ '4.1': 'FAIL' }), statuses({ '4.1': 'FAIL' }), {
      syncErrors: [['securityhub', 'AccessDeniedException', 'User is not authorized to perform securityhub:DescribeHub']],
    });
    expect(result).toMatchObject({ syncErrors: 1, wentDark: 0, alertId: null });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      event: 'visibility_lost', went_dark: [],
      sync_errors: { run_id: 'sync-2', count: 1, errors: [{ service: 'securityhub', operation: 'Describe', error_code: 'AccessDeniedException', region: 'eu-west-1' }] },
    });
    expect(bodies[0]!.text).toMatch(/The sync before this scan recorded 1 error\(s\):\n• 123456789012\/eu-west-1 securityhub Describe: AccessDeniedException — User is not authorized/);
  });

  it('sends both alerts when the score dropped and visibility was lost, and stays silent when nothing went dark', async () => {
    const both = await run(statuses({}), statuses({ '1.4': 'ERROR', '1.8': 'FAIL' }), { threshold: 10 });
    expect(both.bodies.map((b) => b.event)).toEqual(['score_drop', 'visibility_lost']);
    expect(both.result.alertId).not.toBeNull();
    expect(both.result.visibilityAlertId).not.toBeNull();

    const quiet = await run(statuses({ '3.1': 'ERROR', '4.1': 'SKIP' }), statuses({ '3.1': 'ERROR', '4.1': 'ERROR', '1.8': 'FAIL' }));
    // ERROR → ERROR and SKIP → ERROR lost nothing that was visible; a new FAIL is not lost visibility.
    expect(quiet.bodies).toHaveLength(0);
    expect(quiet.result).toMatchObject({ alertId: null, visibilityAlertId: null });
  });

  it('sends nothing when the run was not asked to alert', async () => {
    const { bodies, result } = await run(statuses({}), statuses({ '1.4': 'ERROR' }), { threshold: null });
    expect(bodies).toHaveLength(0);
    expect(result.visibilityAlertId).toBeNull();
  });
});
