import { z } from '@hono/zod-openapi';
import { int, nnum, nstr } from './common.js';

/** Response bodies of the cross-framework routes (api/routes/frameworks.ts). */

const counts = { pass: int, fail: int, error: int };

export const FrameworksPosture = z.strictObject({
  score_formula: z.string().openapi({ example: 'PASS / (PASS + FAIL + ERROR)' }),
  frameworks: z.array(z.strictObject({
    id: z.string(), title: z.string(), version: z.string(), requirements: int,
    scan_id: nstr.openapi({ description: 'The latest complete live scan of the benchmark; null when it was never evaluated' }),
    evaluated_at: nstr,
    inventory_sync_id: nstr.openapi({ description: 'The sync whose inventory the scan read (the one it followed, or the last one started before it)' }),
    score: nnum.openapi({ description: 'PASS / (PASS + FAIL + ERROR) in percent; null when nothing was scored' }),
    ...counts, skip: int, manual: int,
    failed_by_severity: z.strictObject({ critical: int, high: int, medium: int, low: int }),
  })),
  same_inventory: z.boolean().openapi({ description: 'Every evaluated benchmark read the same sync' }),
  note: nstr.openapi({ description: 'Why the columns may not compare one inventory, and the command that evaluates them all at once' }),
}).openapi('FrameworksPosture');

const ScorecardLine = z.strictObject({
  section: z.string(), controls: int.openapi({ description: 'pass + fail + error + not_evaluable' }), ...counts,
  not_evaluable: int.openapi({ description: 'SKIP (nothing in scope) + MANUAL (no check decides it), and NOT VERIFIABLE in IaC scans' }),
  score: nnum,
});

export const SectionScorecard = z.strictObject({
  scan_id: z.string(), benchmark_id: z.string(),
  sections: z.array(ScorecardLine),
  total: ScorecardLine.openapi({ description: 'Every count is the sum of the sections; the score is recomputed from them' }),
  score_formula: z.string(),
}).openapi('SectionScorecard');

export const ResourceRequirements = z.strictObject({
  resource_id: z.string(),
  failing_checks: z.array(z.strictObject({ check_id: z.string(), reason: z.string(), account_id: nstr, region: nstr, scan_id: z.string(), benchmark_id: z.string() })),
  breaks: z.array(z.strictObject({
    benchmark_id: z.string(), benchmark_title: z.string(), requirement_id: z.string(), title: z.string(), severity: nstr, check_id: z.string(),
  })).openapi({ description: 'Every requirement of every benchmark that maps a failing check, benchmarks in display order' }),
}).openapi('ResourceRequirements');


