import { z } from '@hono/zod-openapi';
import { anyObject, int, nint, nnum, nstr, severityEnum, statusEnum } from './common.js';

/** Response bodies of the benchmark, report and scan routes (the shapes api/reports.ts builds). */

const scoreText =
  'PASS / (PASS + FAIL + ERROR) in percent, one decimal: a requirement in ERROR was evaluated and could not be trusted, so it counts against the score, and losing data can never raise it. SKIP and MANUAL are not scored; null when nothing was scored.';

export const BenchmarkList = z.strictObject({
  benchmarks: z.array(z.strictObject({
    id: z.string(), title: z.string(), version: z.string(), requirements: int, automated: int, latest_scan_id: nstr,
    latest_score: nnum.openapi({ description: 'PASS / (PASS + FAIL + ERROR) of the latest complete scan' }),
    last_scan_at: nstr, scans: int,
  })),
}).openapi('BenchmarkList');

export const Summary = z.strictObject({
  score: nnum.openapi({ description: scoreText }),
  score_formula: z.string().openapi({ description: 'The formula as text, to print beside the score', example: 'PASS / (PASS + FAIL + ERROR)' }),
  coverage: z.strictObject({ trusted: int, automated: int }).nullable().openapi({
    description: 'Automated requirements (every status but MANUAL) and how many of them produced a trustworthy verdict (PASS, FAIL or SKIP; ERROR is not)',
  }),
  oldest_data_at: nstr.openapi({ description: 'When the oldest data behind the scan was collected: the oldest sync_scopes.synced_at among the tables its checks read, for the accounts and regions in scope (null: none recorded)' }),
  pass: int, fail: int, skip: int, error: int, manual: int, critical_failed: int, high_failed: int,
  excepted: int.openapi({ description: 'Requirements EXCEPTED: every failing resource accepted by an exception in force (counted as FAIL in score)' }),
  score_with_exceptions: nnum.openapi({ description: '(PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR): the score if accepted risks passed; equal to score when nothing is excepted' }),
  last_scan_at: z.string(),
  trend: nnum.openapi({ description: 'Score change in percentage points against the previous scan' }),
  previous_scan: z.strictObject({ id: z.string(), score: nnum, finished_at: nstr }).nullable(),
  source: z.string().openapi({ description: 'aws (a live scan) or terraform (a plan stored by `calabi iac --save`); only terraform scans carry the fields below' }),
  terraform: z.unknown().optional().openapi({ description: 'The plan the scan audited: file, format and Terraform versions, account and region' }),
  not_verifiable: int.optional().openapi({ description: 'Requirements whose verdict needs a value the plan cannot show' }),
  verifiable_score: nnum.optional().openapi({ description: 'PASS / (PASS + FAIL) in percent' }),
  overall_score: nnum.optional().openapi({ description: 'PASS / (PASS + FAIL + NOT VERIFIABLE) in percent' }),
  verifiable_formula: z.string().optional(),
  overall_formula: z.string().optional(),
  sections: z.array(z.strictObject({
    section: z.string(), pass: int, fail: int, error: int, not_verifiable: int, skip: int, manual: int, verifiable_score: nnum, overall_score: nnum,
  })).optional().openapi({ description: 'Both IaC scores section by section' }),
}).openapi('Summary');

export const ControlRow = z.strictObject({
  id: z.string(), position: int, title: nstr, section: nstr, level: nstr, assessment: nstr, severity: severityEnum.nullable(), status: statusEnum, reason: nstr,
  affected_count: int, evaluated_count: nint, check_ids: z.array(z.string()).nullable(), error: nstr, remediation_link: nstr,
}).openapi('ControlRow');

export const BenchmarkReport = z.strictObject({
  benchmark: z.strictObject({ id: z.string(), title: z.string(), version: z.string() }),
  scan: z.strictObject({ id: z.string(), status: z.string(), trigger: nstr, started_at: z.string(), finished_at: nstr, report_id: nstr }),
  summary: Summary,
  sections: z.array(z.string()),
  total_controls: int,
  controls: z.array(ControlRow),
}).openapi('BenchmarkReport');

export const Resource = z.strictObject({
  check_id: z.string(), resource_id: z.string(), account_id: z.string(), region: z.string(), reason: z.string(),
  evidence: anyObject.nullable().openapi({ description: "The check's evidence columns for this resource" }),
  exception_id: nstr.openapi({ description: 'The exception that accepted this finding when the scan ran (EXCEPTED); null when none did' }),
}).openapi('Resource');

export const ControlDetail = z.strictObject({
  benchmark: z.strictObject({ id: z.string(), title: z.string(), version: z.string() }),
  scan: z.strictObject({ id: z.string(), started_at: z.string(), finished_at: nstr }),
  control: z.strictObject({
    id: z.string(), title: nstr, section: nstr, level: nstr, assessment: nstr, severity: severityEnum.nullable(), status: statusEnum.nullable(), reason: nstr, error: nstr,
    affected_count: int, evaluated_count: nint, description: nstr, rationale: nstr,
    remediation: z.array(z.string()), links: z.array(z.string()), evidence_needed: nstr,
    attributes: anyObject.nullable().openapi({
      description: "Where the requirement sits in its framework (controls/types.ts RequirementAttributes): NIST family and enhancement, PCI DSS principal requirement, SOC 2 category, HIPAA safeguard, GDPR article; null for CIS and FSBP",
    }),
    checks: z.array(z.strictObject({
      id: z.string(), title: z.string(), severity: z.string(), service: z.string(), tables: z.array(z.string()),
      status: statusEnum.nullable().openapi({ description: "This check's own verdict within the requirement (PASS, FAIL, ERROR, SKIP by the same rules as the requirement's); null when the scan predates per-check verdicts and the check returned no finding" }),
      affected_count: int.openapi({ description: 'Resources this check failed' }),
      evaluated_count: nint.openapi({ description: 'Resources this check evaluated (null when not recorded)' }),
      error: nstr.openapi({ description: 'Why this check could not be trusted (it failed to run, or data it reads is in doubt)' }),
      findings_total: int.openapi({ description: "How many of the control's resources (findings) this check returned: they are the ones with this check_id" }),
      requirements: z.array(z.strictObject({ benchmark_id: z.string(), benchmark_title: z.string(), id: z.string() })).openapi({
        description: 'Every requirement of every benchmark that maps this check (its findings fail each of them): the cross-framework view',
      }),
    })),
  }),
  resources: z.array(Resource),
  resources_total: int,
  resources_truncated: z.boolean(),
  not_verifiable: z.array(z.strictObject({ resource_id: z.string(), reason: z.string(), terraform_addresses: z.array(z.string()).nullable() })).openapi({
    description: 'Resources whose verdict needs a value the plan cannot show, with why (scans of a Terraform plan only; empty otherwise)',
  }),
}).openapi('ControlDetail');

export const Scan = z.strictObject({
  id: z.string(), benchmark_id: z.string(), benchmark_title: nstr, benchmark_version: nstr, started_at: z.string(), finished_at: nstr,
  status: z.string().openapi({ enum: ['running', 'complete', 'failed', 'interrupted'], description: 'interrupted: the process running it ended (killed) before it finished; error_message says which process' }),
  trigger: nstr, sync_run_id: nstr, score: nnum,
  pass: nint, fail: nint, skip: nint, error: nint, manual: nint, critical_failed: nint, high_failed: nint,
  report_id: nstr, error_message: nstr,
  trusted: nint.openapi({ description: 'Automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)' }),
  automated: nint.openapi({ description: 'Automated requirements (every status but MANUAL)' }),
  oldest_data_at: nstr.openapi({ description: 'When the oldest data behind the scan was collected' }),
  source: nstr.openapi({ description: 'aws (a live scan) or terraform (`calabi iac --save`)' }),
  not_verifiable: nint.openapi({ description: 'NOT VERIFIABLE requirements (scans of a Terraform plan; null on live scans)' }),
  verifiable_score: nnum.openapi({ description: 'PASS / (PASS + FAIL) (scans of a Terraform plan; null on live scans)' }),
  overall_score: nnum.openapi({ description: 'PASS / (PASS + FAIL + NOT VERIFIABLE) (scans of a Terraform plan; null on live scans)' }),
  excepted: nint.openapi({ description: 'EXCEPTED requirements (null on scans stored before exceptions existed)' }),
  score_with_exceptions: nnum.openapi({ description: '(PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR) (null on scans stored before exceptions existed)' }),
}).openapi('Scan');

export const ScanList = z.strictObject({
  scans: z.array(Scan),
  running: z.strictObject({ id: z.string(), benchmark: z.string(), state: z.string(), started_at: z.string() }).nullable(),
}).openapi('ScanList');

export const ScanRequest = z.object({
  benchmark: z.string({ error: 'give the benchmark id as a string, e.g. "cis-aws-3.0"' }).min(1, { error: 'give the benchmark id as a string, e.g. "cis-aws-3.0"' }).openapi({ example: 'cis-aws-3.0' }),
  sync: z.boolean({ error: 'must be true or false' }).optional().openapi({ default: false, description: 'Sync from AWS first' }),
}).openapi('ScanRequest');

export const ScanStarted = z.strictObject({ scan_id: z.string(), benchmark: z.string(), sync: z.boolean(), state: z.string(), events: z.string() }).openapi('ScanStarted');

export const RunView = z.strictObject({
  id: z.string(), benchmark: z.string(), sync: z.boolean(), trigger: z.string(), state: z.string(), started_at: z.string(),
  finished_at: nstr, scan_id: nstr, error: nstr,
}).openapi('Run');

export const ScanResults = z.strictObject({
  run: RunView.nullable(), scan: Scan.nullable(), summary: Summary.nullable(), controls: z.array(ControlRow),
}).openapi('ScanResults');
