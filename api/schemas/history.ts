import { z } from '@hono/zod-openapi';
import { int, nnum, nstr } from './common.js';

/** Response bodies of drift, compare and trend (the shapes reports/diff.ts, compare.ts and trend.ts build). */

const RequirementChange = z.strictObject({
  id: z.string(), title: nstr, section: nstr, severity: nstr, before: nstr, after: nstr, affected_before: int, affected_after: int,
});
const FindingGroup = z.strictObject({
  count: int,
  items: z.array(z.strictObject({ control_id: z.string(), check_id: z.string(), resource_id: nstr, account_id: nstr, region: nstr, reason: nstr })).openapi({ description: 'The first `limit` findings, in benchmark order' }),
});
const ScanRef = z.strictObject({ id: z.string(), started_at: z.string(), score: nnum, report_id: nstr });

export const ScanDiff = z.strictObject({
  benchmark_id: z.string(),
  a: ScanRef,
  b: ScanRef,
  score_change: nnum.openapi({ description: "b's score minus a's, in percentage points" }),
  requirements: z.strictObject({
    newly_failing: z.array(RequirementChange), resolved: z.array(RequirementChange), still_failing: z.array(RequirementChange),
    other_changes: z.array(RequirementChange).openapi({ description: 'Any other status change (e.g. PASS → ERROR: the data could not be trusted)' }),
  }),
  findings: z.strictObject({ newly_failing: FindingGroup, resolved: FindingGroup, still_failing: FindingGroup }),
}).openapi('ScanDiff');

const RequirementCell = z.strictObject({ id: z.string(), title: nstr, status: z.string(), affected_count: int });

export const VersionComparison = z.strictObject({
  benchmarks: z.array(z.strictObject({
    benchmark_id: z.string(), title: nstr, version: nstr, scan_id: z.string(), started_at: z.string(), sync_run_id: nstr, score: nnum,
    pass: int, fail: int, error: int, skip: int, manual: int,
  })),
  same_inventory: z.boolean().openapi({ description: 'All scans evaluated the same sync run' }),
  rows: z.array(z.strictObject({
    check_id: z.string(),
    requirements: z.record(z.string(), z.array(RequirementCell)).openapi({ description: 'benchmark id → the requirement(s) that map this check' }),
    agrees: z.boolean(),
    meaning_changed: z.boolean(),
  })),
  changed_meaning: z.array(z.strictObject({ title: z.string(), versions: z.record(z.string(), z.strictObject({ id: z.string(), checks: z.array(z.string()) })) })),
  unmapped: z.record(z.string(), z.array(z.strictObject({ id: z.string(), title: nstr, status: z.string() }))),
  not_evaluated: z.array(z.string()).openapi({ description: 'Default versions left out because they have no complete scan yet' }),
}).openapi('VersionComparison');

export const Trend = z.strictObject({
  series: z.array(z.strictObject({
    benchmark_id: z.string(),
    points: z.array(z.strictObject({ scan_id: z.string(), started_at: z.string(), score: nnum, change: nnum, pass: int, fail: int, error: int })),
  })),
}).openapi('Trend');
