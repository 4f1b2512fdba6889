import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { appendColumns } from '../schema/own-tables.js';

export interface SeedControl {
  id: string;
  title?: string;
  section?: string;
  severity?: string | null;
  status: 'PASS' | 'FAIL' | 'ERROR' | 'SKIP' | 'MANUAL';
  checks?: string[];
  reason?: string;
  evaluated?: number;
}

export interface SeedFinding {
  control: string;
  check?: string;
  resource: string;
  account?: string;
  region?: string;
  reason?: string;
  evidence?: Record<string, unknown>;
}

export interface SeedScan {
  id: string;
  benchmarkId?: string;
  startedAt?: string;
  reportId?: string | null;
  syncRunId?: string | null;
  /** When the oldest data behind the scan was collected (scans.oldest_data_at); default none. */
  oldestDataAt?: string | null;
  controls: SeedControl[];
  findings?: Iterable<SeedFinding>;
}

/**
 * Writes a complete scan straight into scans / control_results / findings, the tables the engine fills, so export,
 * diff and retention tests control every value (including hostile resource names).
 */
export async function seedScan(db: Database, s: SeedScan): Promise<void> {
  const benchmarkId = s.benchmarkId ?? 'cis-aws-3.0';
  const started = s.startedAt ?? '2026-11-20T08:00:00.000Z';
  const findings = [...(s.findings ?? [])];
  const affected = new Map<string, number>();
  for (const f of findings) affected.set(f.control, (affected.get(f.control) ?? 0) + 1);
  const count = (st: string) => s.controls.filter((c) => c.status === st).length;
  const pass = count('PASS');
  const fail = count('FAIL');
  const scored = pass + fail + count('ERROR');
  const score = scored ? (100 * pass) / scored : null;
  const automated = pass + fail + count('SKIP');
  await db.write(async (tx) => {
    const k = kyselyOf(tx);
    await k
      .insertInto('scans')
      .values({
        id: s.id, benchmark_id: benchmarkId, benchmark_title: `CIS AWS Foundations Benchmark ${benchmarkId.replace('cis-aws-', 'v')}`,
        benchmark_version: benchmarkId.replace('cis-aws-', ''), started_at: new Date(started), finished_at: new Date(Date.parse(started) + 5000),
        status: 'complete', trigger: 'cli', sync_run_id: s.syncRunId ?? null, score, pass, fail, skip: count('SKIP'), error: count('ERROR'), manual: count('MANUAL'),
        critical_failed: s.controls.filter((c) => c.status === 'FAIL' && c.severity === 'critical').length,
        high_failed: s.controls.filter((c) => c.status === 'FAIL' && c.severity === 'high').length,
        report_id: s.reportId === undefined ? `rid-${s.id}` : s.reportId, summary: '{}',
        trusted: automated, automated: automated + count('ERROR'), oldest_data_at: s.oldestDataAt ? new Date(s.oldestDataAt) : null,
      })
      .execute();
    if (s.controls.length) {
      await k
        .insertInto('control_results')
        .values(
          s.controls.map((c, position) => ({
            scan_id: s.id, control_id: c.id, position, title: c.title ?? `Requirement ${c.id}`, section: c.section ?? sectionOf(c.id), level: '1',
            assessment: c.status === 'MANUAL' ? 'Manual' : 'Automated', severity: c.severity === undefined ? 'high' : c.severity, status: c.status,
            reason: c.reason ?? '', affected_count: affected.get(c.id) ?? 0, evaluated_count: c.evaluated ?? 1, check_ids: c.checks ?? [], error: null, duration_ms: 1,
          })),
        )
        .execute();
    }
    await tx.append(
      'requirement_findings',
      appendColumns('requirement_findings'),
      findings.map((f) => ({
        scan_id: s.id, control_id: f.control, check_id: f.check ?? s.controls.find((c) => c.id === f.control)?.checks?.[0] ?? 'some_check',
        resource_id: f.resource, account_id: f.account ?? '123456789012', region: f.region ?? 'us-east-1', reason: f.reason ?? 'fails', evidence: f.evidence ?? {},
      })),
    );
  });
}

function sectionOf(id: string): string {
  const n = id.split('.')[0];
  return ({ '1': 'Identity and Access Management', '2': 'Storage', '3': 'Logging', '4': 'Monitoring', '5': 'Networking' } as Record<string, string>)[n ?? ''] ?? 'Other';
}
