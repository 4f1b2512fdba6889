import { computeReportId, loadScanReport } from '../../controls/engine.js';
import { score } from '../../controls/score.js';
import type { ScanSummary } from '../../controls/types.js';
import { verifiableBreakdown } from '../../controls/verifiable-score.js';
import type { AppendColumn, Database } from '../../schema/db.js';
import type { PlanEvaluation } from './evaluate.js';

/** The file holds live (AWS) data: a plan's scans are kept apart from the live account's history. */
export class LiveDatabaseError extends Error {
  constructor(path: string, what: string) {
    super(
      `[terraform] ${path} holds live AWS data (${what}): a plan's scans never mix with the live account's history. ` +
        'Save the plan into a file of its own (e.g. --save plan-scans.duckdb) and compare it with the live one with --live-db LIVE.duckdb.',
    );
    this.name = 'LiveDatabaseError';
  }
}

/** Refuses a database that holds live scans, sync runs or synced inventory. */
export async function assertIacDatabase(db: Database): Promise<void> {
  const row = await db.one<{ scans: number; runs: number; scopes: number }>(
    `SELECT (SELECT count(*) FROM scans WHERE coalesce(source, 'aws') <> 'terraform') AS scans,
            (SELECT count(*) FROM sync_runs) AS runs, (SELECT count(*) FROM sync_scopes) AS scopes`,
  );
  const parts = [
    row && row.scans > 0 ? `${row.scans} live scan(s)` : '',
    row && row.runs > 0 ? `${row.runs} sync run(s)` : '',
    row && row.scopes > 0 ? `inventory of ${row.scopes} synced scope(s)` : '',
  ].filter(Boolean);
  if (parts.length) throw new LiveDatabaseError(db.path, parts.join(', '));
}

const controlColumns: AppendColumn[] = [
  { name: 'scan_id', type: 'VARCHAR' }, { name: 'control_id', type: 'VARCHAR' }, { name: 'position', type: 'INTEGER' },
  { name: 'title', type: 'VARCHAR' }, { name: 'section', type: 'VARCHAR' }, { name: 'level', type: 'VARCHAR' },
  { name: 'assessment', type: 'VARCHAR' }, { name: 'severity', type: 'VARCHAR' }, { name: 'status', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' }, { name: 'affected_count', type: 'INTEGER' }, { name: 'evaluated_count', type: 'INTEGER' },
  { name: 'check_ids', type: 'VARCHAR[]' }, { name: 'error', type: 'VARCHAR' }, { name: 'duration_ms', type: 'DOUBLE' },
  { name: 'check_results', type: 'JSON' },
];
const findingColumns: AppendColumn[] = [
  { name: 'scan_id', type: 'VARCHAR' }, { name: 'control_id', type: 'VARCHAR' }, { name: 'check_id', type: 'VARCHAR' },
  { name: 'resource_id', type: 'VARCHAR' }, { name: 'account_id', type: 'VARCHAR' }, { name: 'region', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' }, { name: 'evidence', type: 'JSON' },
];
const unverifiableColumns: AppendColumn[] = [
  { name: 'scan_id', type: 'VARCHAR' }, { name: 'control_id', type: 'VARCHAR' }, { name: 'resource_id', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' }, { name: 'terraform_addresses', type: 'VARCHAR[]' },
];

/**
 * Stores an evaluated plan as a scan with source 'terraform': its scans row (counts, the live score formula
 * PASS / (PASS + FAIL + ERROR) in `score`, and the NOT VERIFIABLE count with both IaC scores), a control_results
 * row per requirement with NOT VERIFIABLE where it applies, the findings that stand, and each not-verifiable
 * resource with why. The report id is computed from what was stored, so `calabi verify` checks its exports.
 * Refuses a file with live data (assertIacDatabase). Returns the scan id.
 */
export async function saveIacScan(db: Database, evaluation: PlanEvaluation): Promise<string> {
  await assertIacDatabase(db);
  const { report, scan, findings } = evaluation;
  const scanId = scan.scan.id;
  const controls = report.controls;
  const b = verifiableBreakdown(controls);
  const trusted = b.pass + b.fail + b.skip;
  const summary: ScanSummary & Record<string, unknown> = {
    ...scan.summary,
    score: score(b.pass, b.fail, b.error),
    pass: b.pass, fail: b.fail, skip: b.skip, error: b.error, manual: b.manual,
    critical_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'critical').length,
    high_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'high').length,
    trend: null,
    coverage: { trusted, automated: trusted + b.error + b.not_verifiable },
    sections: b.sections.map((s) => ({ section: s.section, score: score(s.pass, s.fail, s.error), pass: s.pass, fail: s.fail, skip: s.skip, error: s.error, manual: s.manual })),
    not_verifiable: b.not_verifiable,
    verifiable_score: b.verifiable_score,
    overall_score: b.overall_score,
    verifiable_formula: b.verifiable_formula,
    overall_formula: b.overall_formula,
    terraform: { file: report.source.file, kind: report.source.kind, account_id: report.source.account_id, region: report.source.region, resources: report.source.resources, complete_account: report.source.complete_account },
  };
  // A requirement's affected count is its findings rows' resources: a NOT VERIFIABLE requirement keeps none (the
  // engine's findings there are not evidence), so the count and the findings table agree.
  const affected = new Map<string, Set<string>>();
  for (const f of findings) affected.set(f.control_id, (affected.get(f.control_id) ?? new Set()).add(`${f.account_id}\u0000${f.region}\u0000${f.resource_id}`));
  await db.write(async (tx) => {
    await tx.run(
      `INSERT INTO scans (id, benchmark_id, benchmark_title, benchmark_version, started_at, finished_at, status, trigger, source, score, pass, fail, skip, error, manual,
         critical_failed, high_failed, summary, trusted, automated, not_verifiable, verifiable_score, overall_score)
       VALUES (?, ?, ?, ?, ?, ?, 'complete', 'iac', 'terraform', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        scanId, report.benchmark.id, report.benchmark.title, report.benchmark.version, new Date(scan.scan.started_at), new Date(scan.scan.finished_at ?? scan.scan.started_at),
        summary.score, b.pass, b.fail, b.skip, b.error, b.manual, summary.critical_failed, summary.high_failed, JSON.stringify(summary),
        trusted, summary.coverage!.automated, b.not_verifiable, b.verifiable_score, b.overall_score,
      ],
    );
    await tx.append('control_results', controlColumns, controls.map((c, position) => ({
      scan_id: scanId, control_id: c.id, position, title: c.title, section: c.section, level: c.level === undefined ? null : String(c.level),
      assessment: c.assessment ?? null, severity: c.severity, status: c.status, reason: c.reason, affected_count: affected.get(c.id)?.size ?? 0,
      evaluated_count: c.evaluated_count, check_ids: evaluation.checkIds[c.id] ?? [], error: null, duration_ms: null,
      // Per-check verdicts (migration 100) are not recorded for a plan: the drill-down reads the findings instead.
      check_results: null,
    })));
    await tx.append('requirement_findings', findingColumns, findings.map((f) => ({ ...f, scan_id: scanId })));
    await tx.append('not_verifiable_resources', unverifiableColumns, controls.flatMap((c) => c.not_verifiable.map((r) => ({
      scan_id: scanId, control_id: c.id, resource_id: r.resource_id, reason: r.reason, terraform_addresses: c.terraform[r.resource_id]?.addresses ?? [],
    }))));
  });
  // The id is computed from what was stored, exactly as `calabi verify` recomputes it.
  const stored = await loadScanReport(db, scanId);
  if (!stored) throw new Error(`[terraform] scan ${scanId} was not stored`);
  await db.run('UPDATE scans SET report_id = ? WHERE id = ?', [computeReportId(stored), scanId]);
  return scanId;
}
