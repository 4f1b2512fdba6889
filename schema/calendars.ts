import { readFileSync } from 'node:fs';
import { fromRoot } from '../lib/package-root.js';

/**
 * Calendars AWS publishes only as documentation pages, with no API Calabi reads: which Kubernetes versions EKS
 * supports until when, which Lambda runtimes are deprecated when, which Fargate platform version is the latest.
 * Each is a dated copy in schema/calendars/*.json (source URL, copied_on, how long the copy is trusted) and
 * becomes a view (schema/sql-objects.ts) that checks join on, so a check still runs as-is in the duckdb shell of
 * a database Calabi opened. Checks compare with the scan's own date (synced_at), never today's.
 */

interface CalendarFile {
  source: string;
  copied_on: string;
  /** Days after copied_on for which a value this copy calls current is known to stay so; null: every row is dated. */
  valid_for_days: number | null;
}
interface EksCalendar extends CalendarFile {
  versions: { version: string; end_of_standard_support: string; end_of_extended_support: string }[];
}
interface LambdaCalendar extends CalendarFile {
  runtimes: { runtime: string; name: string | null; deprecation_date: string | null }[];
}
interface FargateCalendar extends CalendarFile {
  families: { family: string; latest_version: string }[];
}

function read<T extends CalendarFile>(file: string): T {
  const path = fromRoot('schema', 'calendars', file);
  const cal = JSON.parse(readFileSync(path, 'utf8')) as T;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cal.copied_on) || !cal.source) throw new Error(`[calabi] ${path} needs a source and a copied_on date (YYYY-MM-DD)`);
  return cal;
}

const text = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
const date = (v: string | null) => (v === null ? 'NULL::DATE' : `DATE '${v}'`);
/** The calendar's provenance columns, the same on every row. */
function provenance(cal: CalendarFile): string {
  const trusted = cal.valid_for_days === null ? 'NULL::DATE' : `DATE '${cal.copied_on}' + INTERVAL ${cal.valid_for_days} DAY`;
  return `${date(cal.copied_on)} AS copied_on, CAST(${trusted} AS DATE) AS trusted_until, ${text(cal.source)} AS source`;
}

function view(name: string, columns: string[], rows: string[][], cal: CalendarFile): string {
  return `CREATE OR REPLACE VIEW ${name} AS
   SELECT v.*, ${provenance(cal)}
   FROM (VALUES ${rows.map((r) => `(${r.join(', ')})`).join(',\n     ')}) v(${columns.join(', ')})`;
}

export const eksCalendar = read<EksCalendar>('eks-kubernetes-versions.json');
export const lambdaCalendar = read<LambdaCalendar>('lambda-runtimes.json');
export const fargateCalendar = read<FargateCalendar>('fargate-platform-versions.json');

export const calendarViews: readonly string[] = [
  // One row per Kubernetes minor version EKS published dates for. trusted_until is NULL: every row is dated.
  view(
    'calabi_eks_version_calendar',
    ['version', 'end_of_standard_support', 'end_of_extended_support'],
    eksCalendar.versions.map((v) => [text(v.version), date(v.end_of_standard_support), date(v.end_of_extended_support)]),
    eksCalendar,
  ),
  // One row per Lambda runtime identifier; deprecation_date NULL: deprecated before copied_on.
  view(
    'calabi_lambda_runtime_calendar',
    ['runtime', 'runtime_name', 'deprecation_date'],
    lambdaCalendar.runtimes.map((r) => [text(r.runtime), text(r.name), date(r.deprecation_date)]),
    lambdaCalendar,
  ),
  // One row per operating system family (LINUX, WINDOWS) with its latest Fargate platform version.
  view(
    'calabi_fargate_platform_calendar',
    ['family', 'latest_version'],
    fargateCalendar.families.map((f) => [text(f.family), text(f.latest_version)]),
    fargateCalendar,
  ),
];
