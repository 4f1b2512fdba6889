import pc from 'picocolors';
import { csvText } from '../lib/csv/write.js';
import { scoreFormula, scoreWithExceptionsFormula } from '../controls/score.js';
import type { ControlReport, ScanReport, ScanSummary, Status } from '../controls/types.js';

/** How `calabi evaluate` prints a report: a terminal table, the JSON contract, or one CSV row per requirement. */
export type ReportFormat = 'table' | 'json' | 'csv';
export const reportFormats: readonly ReportFormat[] = ['table', 'json', 'csv'];

export interface TableOptions {
  /** ANSI colours (the CLI enables them only on a TTY without NO_COLOR). */
  color?: boolean;
  /** Failing resources listed under each failed control; 0 = all. */
  maxResources?: number;
  /** Terminal width for truncating titles and reasons. */
  width?: number;
}

export function formatReport(report: ScanReport, format: ReportFormat, options: TableOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return formatCsv(report);
  return formatTable(report, options);
}

const csvHeader = ['benchmark', 'version', 'scan_id', 'id', 'title', 'section', 'level', 'cis_assessment', 'severity', 'status', 'affected_count', 'evaluated_count', 'reason', 'report_id'];

function formatCsv(r: ScanReport): string {
  const rows = r.controls.map((c) => [r.benchmark.id, r.benchmark.version, r.scan.id, c.id, c.title, c.section, c.level, c.assessment ?? null, c.severity, c.status, c.affected_count, c.evaluated_count, c.reason, r.scan.report_id ?? null]);
  return csvText([csvHeader, ...rows]);
}

function formatTable(r: ScanReport, options: TableOptions): string {
  const c = pc.createColors(options.color ?? false);
  const width = Math.max(60, options.width ?? 100);
  const max = options.maxResources ?? 25;
  const paint: Record<Status, (s: string) => string> = {
    PASS: c.green,
    FAIL: (s) => c.bold(c.red(s)),
    ERROR: c.magenta,
    SKIP: c.dim,
    MANUAL: c.cyan,
    EXCEPTED: c.yellow,
  };
  const idWidth = Math.max(4, ...r.controls.map((x) => x.id.length));
  const lines: string[] = [];
  lines.push(c.bold(`${r.benchmark.title} ${r.benchmark.version}`) + c.dim(` (${r.benchmark.id})`));
  lines.push(c.dim(`scan ${r.scan.id} · ${r.scan.finished_at ?? r.scan.started_at}${r.scan.report_id ? ` · report ${r.scan.report_id.slice(0, 16)}` : ''}`));

  // CIS's own label beside our status: a Manual-labelled requirement a check decides is evaluated all the same.
  const labelWidth = 'CIS assessment'.length;
  lines.push('', c.dim(`  ${'Status'.padEnd(6)} ${'Id'.padEnd(idWidth)} ${'CIS assessment'} Title`));
  let section: string | null = null;
  for (const ctl of r.controls) {
    if (ctl.section !== section) {
      section = ctl.section;
      lines.push('', c.bold(section));
    }
    const counts = ctl.status === 'FAIL' || ctl.status === 'PASS' ? ` ${ctl.affected_count}/${ctl.evaluated_count}` : '';
    const sev = ctl.severity ? ` ${ctl.severity}` : '';
    const label = (ctl.assessment ?? '').padEnd(labelWidth);
    const prefix = `  ${ctl.status.padEnd(6)} ${ctl.id.padEnd(idWidth)} ${label} `;
    const tail = `${sev}${counts}`;
    const title = truncate(ctl.title, width - prefix.length - tail.length - 1);
    lines.push(`  ${paint[ctl.status](ctl.status.padEnd(6))} ${ctl.id.padEnd(idWidth)} ${c.dim(label)} ${title}${c.dim(tail)}`);
    const indent = ' '.repeat(prefix.length);
    if (ctl.status === 'FAIL' || ctl.status === 'EXCEPTED') lines.push(...resourceLines(ctl, max, indent, width, c.dim));
    if (ctl.status === 'ERROR') lines.push(...wrap(ctl.reason, width - indent.length).map((l) => indent + c.magenta(l)));
  }

  const s = r.summary;
  lines.push('', c.bold('Summary'));
  const trend = s.trend === null ? '' : s.trend > 0 ? c.green(` ▲ ${s.trend}`) : s.trend < 0 ? c.red(` ▼ ${Math.abs(s.trend)}`) : c.dim(' = 0');
  lines.push(`  Score ${c.bold(s.score === null ? 'n/a' : `${s.score}%`)}${trend}   (${s.score_formula ?? scoreFormula})`);
  if (s.excepted) lines.push(`  Score with exceptions ${s.score_with_exceptions === null || s.score_with_exceptions === undefined ? 'n/a' : `${s.score_with_exceptions}%`}   (${scoreWithExceptionsFormula}; the score above counts EXCEPTED as FAIL)`);
  lines.push(`  ${coverageLine(s, new Date(r.scan.started_at))}`);
  lines.push(`  ${paint.PASS(`PASS ${s.pass}`)}  ${paint.FAIL(`FAIL ${s.fail}`)}  ${paint.ERROR(`ERROR ${s.error}`)}  ${paint.SKIP(`SKIP ${s.skip}`)}  ${paint.MANUAL(`MANUAL ${s.manual}`)}${s.excepted ? `  ${paint.EXCEPTED(`EXCEPTED ${s.excepted}`)}` : ''}`);
  lines.push(`  Failed: ${s.critical_failed} critical, ${s.high_failed} high`);
  if (s.sections?.length) {
    const w = Math.min(48, Math.max(...s.sections.map((x) => x.section.length)));
    for (const x of s.sections) {
      lines.push(c.dim(`    ${truncate(x.section, w).padEnd(w)}  ${(x.score === null ? 'n/a' : `${x.score}%`).padStart(6)}  ${x.pass} pass, ${x.fail} fail, ${x.error} error, ${x.skip} skip, ${x.manual} manual`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * "Coverage 40/42 automated requirements with a trustworthy verdict (PASS, FAIL or SKIP) · oldest data 2026-11-20
 * 06:00 UTC (3 days before the scan)": how far the score can be trusted, printed beside it. The age is counted
 * from the scan's start, so a report says the same thing whenever it is read.
 */
export function coverageLine(s: Pick<ScanSummary, 'coverage' | 'oldest_data_at'>, scanStartedAt: Date): string {
  const cov = s.coverage ? `${s.coverage.trusted}/${s.coverage.automated} automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)` : 'not recorded';
  return `Coverage ${cov} · oldest data ${oldestData(s.oldest_data_at ?? null, scanStartedAt)}`;
}

/** "2026-11-20 06:00 UTC (3 days before the scan)", or "none (no synced data read)". */
export function oldestData(iso: string | null, scanStartedAt: Date): string {
  if (!iso) return 'none (no synced data read)';
  const at = new Date(iso);
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC (${age(scanStartedAt.getTime() - at.getTime())} before the scan)`;
}

function age(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function resourceLines(ctl: ControlReport, max: number, indent: string, width: number, dim: (s: string) => string): string[] {
  const shown = max > 0 ? ctl.resources.slice(0, max) : ctl.resources;
  const out = shown.map((f) => {
    const head = `${f.account_id} ${f.region} ${f.resource_id}`;
    const line = truncate(`${head} — ${f.exception_id ? `[EXCEPTED by ${f.exception_id}] ` : ''}${f.reason}`, Math.max(width - indent.length, head.length + 12));
    return indent + line.slice(0, head.length) + dim(line.slice(head.length));
  });
  if (shown.length < ctl.resources.length) out.push(indent + dim(`… and ${ctl.resources.length - shown.length} more (--max-resources 0 or --format json for all)`));
  return out;
}

function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

function wrap(text: string, n: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > n) (lines.push(line), (line = w));
    else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.slice(0, 6);
}
