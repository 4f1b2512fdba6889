import type { Database } from '../schema/db.js';

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
  await db.write(async (tx) => {
    await tx.run(
      `INSERT INTO scans (id, benchmark_id, benchmark_title, benchmark_version, started_at, finished_at, status, trigger, sync_run_id, score,
                          pass, fail, skip, error, manual, critical_failed, high_failed, report_id, summary, trusted, automated, oldest_data_at)
       VALUES (?, ?, ?, ?, ?, ?, 'complete', 'cli', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)`,
      [
        s.id, benchmarkId, `CIS AWS Foundations Benchmark ${benchmarkId.replace('cis-aws-', 'v')}`, benchmarkId.replace('cis-aws-', ''),
        new Date(started), new Date(Date.parse(started) + 5000), s.syncRunId ?? null, score, pass, fail, count('SKIP'), count('ERROR'), count('MANUAL'),
        s.controls.filter((c) => c.status === 'FAIL' && c.severity === 'critical').length,
        s.controls.filter((c) => c.status === 'FAIL' && c.severity === 'high').length,
        s.reportId === undefined ? `rid-${s.id}` : s.reportId,
        pass + fail + count('SKIP'), pass + fail + count('SKIP') + count('ERROR'), s.oldestDataAt ? new Date(s.oldestDataAt) : null,
      ],
    );
    let position = 0;
    for (const c of s.controls) {
      await tx.run(
        `INSERT INTO control_results (scan_id, control_id, position, title, section, level, assessment, severity, status, reason,
                                      affected_count, evaluated_count, check_ids, error, duration_ms)
         VALUES (?, ?, ?, ?, ?, '1', ?, ?, ?, ?, ?, ?, CASE WHEN ? = '' THEN []::VARCHAR[] ELSE string_split(?, ',') END, NULL, 1)`,
        [
          s.id, c.id, position++, c.title ?? `Requirement ${c.id}`, c.section ?? sectionOf(c.id), c.status === 'MANUAL' ? 'Manual' : 'Automated',
          c.severity === undefined ? 'high' : c.severity, c.status, c.reason ?? '', affected.get(c.id) ?? 0, c.evaluated ?? 1,
          (c.checks ?? []).join(','), (c.checks ?? []).join(','),
        ],
      );
    }
    await tx.append(
      'findings',
      [
        { name: 'scan_id', type: 'VARCHAR' }, { name: 'control_id', type: 'VARCHAR' }, { name: 'check_id', type: 'VARCHAR' },
        { name: 'resource_id', type: 'VARCHAR' }, { name: 'account_id', type: 'VARCHAR' }, { name: 'region', type: 'VARCHAR' },
        { name: 'reason', type: 'VARCHAR' }, { name: 'evidence', type: 'JSON' },
      ],
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
