import { z } from '@hono/zod-openapi';
import { int, nnum, nstr, severityEnum } from './common.js';

/** The remediation plan (reports/remediation-plan.ts RemediationPlan), as GET /api/plan answers it. */

const Projected = z.strictObject({ benchmark_id: z.string(), score: nnum, pass: int, fail: int, error: int, excepted: int.openapi({ description: 'Requirements EXCEPTED (the score counts them as FAIL)' }) });

const PlanItem = z.strictObject({
  rank: int,
  id: z.string().openapi({ description: 'The check to fix' }),
  title: z.string(),
  severity: severityEnum,
  remediation: z.array(z.string()).openapi({ description: 'The steps, in order' }),
  resource_count: int.openapi({ description: 'Distinct failing resources of the check in the scan that no exception accepted' }),
  resources: z.array(z.strictObject({ resource_id: nstr, account_id: nstr, region: nstr })).openapi({ description: 'The first `max_resources` of them' }),
  gain: z.number().openapi({ description: 'Severity-weighted requirements this item completes, given every item before it is done' }),
  fails_requirements: int.openapi({ description: 'Failing requirements (all selected frameworks) this check is a cause of' }),
  fixes: z.array(z.strictObject({ benchmark_id: z.string(), id: z.string(), severity: severityEnum.nullable(), becomes: z.enum(['PASS', 'EXCEPTED', 'ERROR']).openapi({ description: 'EXCEPTED when findings an exception accepted remain; ERROR when part of its data was in doubt' }) })),
});

export const RemediationPlan = z.strictObject({
  benchmark_id: z.string(),
  score_formula: z.string(),
  weights: z.strictObject({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
  frameworks: z.array(Projected.extend({ title: nstr, scan_id: z.string(), started_at: z.string() })).openapi({ description: 'Each selected framework now; the plan benchmark first' }),
  same_inventory: z.boolean().openapi({ description: 'Every scan evaluated the same sync run' }),
  phases: z.array(z.strictObject({
    phase: int, name: z.string(), severities: z.array(severityEnum), items: z.array(PlanItem),
    projected: z.array(Projected).openapi({ description: "Every framework's score after this phase and those before it, re-scored with the real formula" }),
  })),
}).openapi('RemediationPlan');
