import type { OpenApiPaths, RouteModule } from './routes/deps.js';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const num = { type: ['number', 'null'] } as const;
const status = { type: 'string', enum: ['PASS', 'FAIL', 'ERROR', 'SKIP', 'MANUAL'] } as const;
const severity = { type: ['string', 'null'], enum: ['critical', 'high', 'medium', 'low', null] } as const;
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({ type: 'object', properties, required });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (items: unknown) => ({ type: 'array', items });

/** Schemas shared by the route modules' path items; other modules may reference any of these. */
export const schemas: Record<string, unknown> = {
  Error: obj({ status: int, code: str, message: str, field: str, position: obj({ line: int, column: int }) }, ['status', 'code', 'message']),
  Health: obj({ status: str, version: str, database: str, tables: int, sync_available: { type: 'boolean' }, running_scan: { type: ['object', 'null'] }, console: { type: 'object' }, time: str }),
  BenchmarkList: obj({
    benchmarks: list(obj({ id: str, title: str, version: str, requirements: int, automated: int, latest_scan_id: nstr, latest_score: { ...num, description: 'PASS / (PASS + FAIL + ERROR) of the latest complete scan' }, last_scan_at: nstr, scans: int })),
  }),
  Summary: obj({
    score: { ...num, description: 'PASS / (PASS + FAIL + ERROR) in percent, one decimal: a requirement in ERROR was evaluated and could not be trusted, so it counts against the score, and losing data can never raise it. SKIP and MANUAL are not scored; null when nothing was scored.' },
    score_formula: { ...str, description: 'The formula as text, to print beside the score', example: 'PASS / (PASS + FAIL + ERROR)' },
    coverage: {
      oneOf: [obj({ trusted: int, automated: int }), { type: 'null' }],
      description: 'Automated requirements (every status but MANUAL) and how many of them produced a trustworthy verdict (PASS, FAIL or SKIP; ERROR is not)',
    },
    oldest_data_at: { ...nstr, description: 'When the oldest data behind the scan was collected: the oldest sync_scopes.synced_at among the tables its checks read, for the accounts and regions in scope (null: none recorded)' },
    pass: int, fail: int, skip: int, error: int, manual: int, critical_failed: int, high_failed: int,
    last_scan_at: str, trend: { ...num, description: 'Score change in percentage points against the previous scan' },
    previous_scan: { type: ['object', 'null'] },
  }),
  ControlRow: obj({
    id: str, position: int, title: nstr, section: nstr, level: nstr, assessment: nstr, severity, status, reason: nstr,
    affected_count: int, evaluated_count: { type: ['integer', 'null'] }, check_ids: list(str), error: nstr, remediation_link: nstr,
  }),
  BenchmarkReport: obj({
    benchmark: obj({ id: str, title: str, version: str }),
    scan: obj({ id: str, status: str, trigger: nstr, started_at: str, finished_at: nstr, report_id: nstr }),
    summary: ref('Summary'),
    sections: list(str),
    total_controls: int,
    controls: list(ref('ControlRow')),
  }),
  Resource: obj({ check_id: str, resource_id: str, account_id: str, region: str, reason: str, evidence: { type: ['object', 'null'] } }),
  ControlDetail: obj({
    benchmark: { type: 'object' },
    scan: { type: 'object' },
    control: obj({
      id: str, title: nstr, section: nstr, level: nstr, assessment: nstr, severity, status: { type: ['string', 'null'] }, reason: nstr, error: nstr,
      affected_count: int, evaluated_count: { type: ['integer', 'null'] }, description: nstr, rationale: nstr,
      remediation: list(str), links: list(str), evidence_needed: nstr, checks: list({ type: 'object' }),
    }),
    resources: list(ref('Resource')),
    resources_total: int,
    resources_truncated: { type: 'boolean' },
  }),
  Scan: obj({
    id: str, benchmark_id: str, benchmark_title: nstr, benchmark_version: nstr, started_at: str, finished_at: nstr,
    // interrupted: the process running it ended (killed) before it finished; error_message says which process.
    status: { type: 'string', enum: ['running', 'complete', 'failed', 'interrupted'] }, trigger: nstr,
    sync_run_id: nstr, score: num, pass: int, fail: int, skip: int, error: int, manual: int, critical_failed: int, high_failed: int,
    report_id: nstr, error_message: nstr,
    trusted: { type: ['integer', 'null'], description: 'Automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)' },
    automated: { type: ['integer', 'null'], description: 'Automated requirements (every status but MANUAL)' },
    oldest_data_at: { ...nstr, description: 'When the oldest data behind the scan was collected' },
  }),
  ScanList: obj({ scans: list(ref('Scan')), running: { type: ['object', 'null'] } }),
  ScanRequest: obj({ benchmark: { ...str, example: 'cis-aws-3.0' }, sync: { type: 'boolean', default: false } }, ['benchmark']),
  ScanStarted: obj({ scan_id: str, benchmark: str, sync: { type: 'boolean' }, state: str, events: str }),
  ScanResults: obj({ run: { type: ['object', 'null'] }, scan: { oneOf: [ref('Scan'), { type: 'null' }] }, summary: { oneOf: [ref('Summary'), { type: 'null' }] }, controls: list(ref('ControlRow')) }),
  QueryRequest: obj({ sql: { ...str, example: 'SELECT name, creation_date FROM aws_s3_buckets' }, format: { type: 'string', enum: ['json', 'csv'], default: 'json', description: 'csv: the rows as a CSV download (CRLF, formula-neutralised cells), the header x-calabi-truncated naming the cap that cut it short' } }, ['sql']),
  QueryResult: obj({ columns: list(obj({ name: str, type: str })), rows: list(list({})), row_count: int, truncated: { type: 'boolean' }, truncated_by: { type: 'string', enum: ['rows', 'bytes'] }, elapsed_ms: { type: 'number' } }, ['columns', 'rows', 'row_count', 'truncated', 'elapsed_ms']),
  Schema: obj({ tables: list(obj({ name: str, kind: str, description: nstr, columns: list(obj({ name: str, type: str, description: nstr })) })) }),
};

/** The OpenAPI 3.1 document: every route module's paths plus the document's own. */
export function openApiDocument(modules: readonly RouteModule[], extra: OpenApiPaths = {}): Record<string, unknown> {
  const paths: OpenApiPaths = {};
  for (const m of modules) Object.assign(paths, m.paths);
  Object.assign(paths, extra);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Calabi API',
      version: '0.1.0',
      description: 'Benchmark reports, scans, run-now with live results, and a read-only SQL console over the Calabi AWS inventory.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, {}],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server was started with a token (CALABI_TOKEN or --token)' } },
    },
  };
}
