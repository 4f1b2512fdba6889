/**
 * The contracts of the compliance engine: check metadata, benchmark files, and the scan report whose JSON form
 * is a public contract (`calabi evaluate --format json`, the API). Other layers import only from here.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';
/** EXCEPTED: every trusted failing resource is covered by an exception in force (controls/exceptions/apply.ts). */
export type Status = 'PASS' | 'FAIL' | 'ERROR' | 'SKIP' | 'MANUAL' | 'EXCEPTED';

/** controls/checks/<service>/<id>.json — beside <id>.sql, which returns the failing resources. */
export interface CheckMeta {
  /** snake_case, equal to the file name */
  id: string;
  title: string;
  severity: Severity;
  service: string;
  /** Every inventory table the query reads; their sync state decides ERROR. */
  tables: string[];
  /**
   * How many things the check evaluated: rows of `table` (optionally filtered by `where`, a SQL condition on it).
   * Zero evaluated and nothing failing means SKIP. Account- or region-level checks count aws_accounts or
   * aws_regions.
   */
  scope: { table: string; where?: string };
  /**
   * The requirement is about every region ("in all regions"): it is judged over the regions in scope of the
   * latest sync, and every report says which, of how many enabled, and which --regions left out.
   */
  all_regions?: boolean;
  description: string;
  rationale: string;
  /** Ordered steps, in our own words. */
  remediation: string[];
  /** AWS documentation links. */
  links: string[];
}

export interface Check extends CheckMeta {
  sql: string;
  /** Where it came from: built-in, or a custom file (messages name it). */
  file: string;
  builtin: boolean;
}

export interface Requirement {
  id: string;
  title: string;
  section: string;
  /** The framework's profile level (CIS: 1 or 2); absent for a framework without levels (FSBP). */
  level?: number;
  /**
   * The control's own severity, for a framework that assigns one (FSBP: Security Hub's severity). When present it is
   * the requirement's severity in reports; otherwise the highest of its checks' severities is.
   */
  severity?: Severity;
  /**
   * The framework's own label (CIS: Automated or Manual), reported beside the status. It does not decide whether
   * the requirement is evaluated: one that maps a check is, whatever the label.
   */
  assessment: 'Automated' | 'Manual';
  /** Check ids; empty when no check can decide the requirement (it is then MANUAL). */
  checks: string[];
  /** For requirements no check decides (and as context for others): what a person must collect. */
  evidence?: string;
  /**
   * Where the requirement sits in its framework, for frameworks that structure their requirements in ways a CIS
   * level does not express; absent for CIS and FSBP. Derived from the framework's own ids and sections only.
   */
  attributes?: RequirementAttributes;
}

/** NIST SP 800-53 Rev. 5: `AC-2(1)` is control AC-2 of the Access Control family, enhancement 1. */
export interface NistAttributes {
  framework: 'nist-800-53';
  /** Two-letter family id: `AC`. */
  family: string;
  family_title: string;
  /** The base control: `AC-2`. */
  control: string;
  /** The control enhancement number (`AC-2(1)` → 1); absent for a base control or one of its statement items. */
  enhancement?: number;
}

/** PCI DSS: the principal requirement (1–12) or appendix (`A1`, `A3`) a requirement or testing procedure belongs to. */
export interface PciAttributes {
  framework: 'pci-dss';
  principal_requirement: string;
}

/** SOC 2 trust services criteria: the category (common criteria, availability, confidentiality, processing integrity). */
export interface Soc2Attributes {
  framework: 'soc2';
  category: 'CC' | 'A' | 'C' | 'PI';
  /** The criteria series: `CC6`, `A1`. */
  series: string;
}

/** HIPAA Security Rule: the safeguard kind and the 45 CFR section (164.308 administrative, 164.312 technical). */
export interface HipaaAttributes {
  framework: 'hipaa';
  safeguard: 'administrative' | 'technical';
  cfr_section: '164.308' | '164.312';
  /** The numbered paragraph the requirement belongs to (`164.308(a)(1)`, `164.312(e)(2)`). */
  paragraph: string;
}

/** GDPR: the article. */
export interface GdprAttributes {
  framework: 'gdpr';
  article: number;
}

export type RequirementAttributes = NistAttributes | PciAttributes | Soc2Attributes | HipaaAttributes | GdprAttributes;

/** controls/benchmarks/<id>.json */
export interface Benchmark {
  id: string;
  title: string;
  version: string;
  description?: string;
  requirements: Requirement[];
}

export interface ResourceFinding {
  resource_id: string;
  account_id: string;
  region: string;
  reason: string;
  /** Extra columns the check returned. */
  evidence?: Record<string, unknown>;
  /** The exception in force that accepted this finding at evaluation (absent: not excepted). The finding keeps its data. */
  exception_id?: string;
}

export interface ControlReport {
  id: string;
  title: string;
  section: string;
  /** Absent when the framework has no levels. */
  level?: number;
  /** The framework's own label (CIS assessment: Automated | Manual), shown beside the status. */
  assessment?: Requirement['assessment'];
  severity: Severity | null;
  status: Status;
  reason: string;
  affected_count: number;
  evaluated_count: number;
  resources: ResourceFinding[];
}

/** How many requirements have each status (of a scan, a section, a benchmark column). */
export interface StatusCounts {
  pass: number;
  fail: number;
  skip: number;
  error: number;
  manual: number;
  /** Requirements EXCEPTED; present on scans stored since exceptions exist (sections: only when some are). */
  excepted?: number;
}

export interface ScanSummary extends StatusCounts {
  /** PASS / (PASS + FAIL + ERROR) in percent, one decimal; null when nothing was scored. */
  score: number | null;
  /**
   * The score counting EXCEPTED requirements as passing: (PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR). `score`
   * counts them as FAIL, so accepting a risk never raises the headline score, trend or alerts. Equal to `score` when
   * nothing is excepted.
   */
  score_with_exceptions?: number | null;
  /** The formula, as text, for every surface that prints the score ('PASS / (PASS + FAIL + ERROR)'). */
  score_formula?: string;
  critical_failed: number;
  high_failed: number;
  /** Score change in percentage points against the previous scan of the same benchmark; null when none. */
  trend: number | null;
  /**
   * Automated requirements (every status but MANUAL) and how many of them have a trustworthy verdict (PASS, FAIL
   * or SKIP; ERROR is not). Absent on scans stored before coverage existed.
   */
  coverage?: { trusted: number; automated: number };
  /** ISO time the oldest data behind the scan was collected (oldest sync_scopes.synced_at the checks read); null: none. */
  oldest_data_at?: string | null;
  sections?: Array<StatusCounts & { section: string; score: number | null }>;
}

export interface ScanReport {
  benchmark: { id: string; title: string; version: string };
  scan: { id: string; started_at: string; finished_at: string | null; report_id?: string | null };
  summary: ScanSummary;
  controls: ControlReport[];
}
