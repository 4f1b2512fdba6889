import { createHash } from 'node:crypto';
import type { ControlRow } from '../schema/control-results.js';
import type { FindingRow } from './scan-data.js';
import { safeCell, type Cell } from '../lib/csv/safe-cell.js';

/**
 * The tabular form of a scan, shared by the CSV and XLSX writers and by `calabi verify`, which rebuilds these rows
 * from the stored scan and compares them with the rows read back from a file.
 */
export interface ColumnSpec {
  key: string;
  header: string;
  width: number;
}

export const controlColumns: readonly ColumnSpec[] = [
  { key: 'control_id', header: 'Requirement', width: 12 },
  { key: 'title', header: 'Title', width: 60 },
  { key: 'section', header: 'Section', width: 24 },
  { key: 'level', header: 'Level', width: 7 },
  { key: 'assessment', header: 'CIS assessment', width: 15 },
  { key: 'severity', header: 'Severity', width: 10 },
  { key: 'status', header: 'Status', width: 9 },
  { key: 'affected_count', header: 'Affected', width: 10 },
  { key: 'evaluated_count', header: 'Evaluated', width: 10 },
  { key: 'checks', header: 'Checks', width: 36 },
  { key: 'reason', header: 'Reason', width: 50 },
  { key: 'affected_resources', header: 'Affected resources', width: 70 },
];

export const findingColumns: readonly ColumnSpec[] = [
  { key: 'control_id', header: 'Requirement', width: 12 },
  { key: 'control_title', header: 'Requirement title', width: 50 },
  { key: 'severity', header: 'Severity', width: 10 },
  { key: 'check_id', header: 'Check', width: 36 },
  { key: 'resource_id', header: 'Resource', width: 60 },
  { key: 'account_id', header: 'Account', width: 14 },
  { key: 'region', header: 'Region', width: 14 },
  { key: 'reason', header: 'Reason', width: 60 },
  { key: 'evidence', header: 'Evidence', width: 50 },
  // An accepted risk keeps its finding, marked with the exception that accepted it (docs/exceptions.md).
  { key: 'exception_id', header: 'Excepted by', width: 16 },
];

export function controlCells(c: ControlRow, affected: string | undefined): Cell[] {
  return [
    safeCell(c.control_id),
    safeCell(c.title),
    safeCell(c.section),
    safeCell(c.level),
    safeCell(c.assessment),
    safeCell(c.severity),
    safeCell(c.status),
    c.affected_count,
    c.evaluated_count,
    safeCell(c.check_ids.join(', ')),
    safeCell(c.error ?? c.reason),
    safeCell(affected ?? ''),
  ];
}

export function findingCells(f: FindingRow): Cell[] {
  return [
    safeCell(f.control_id),
    safeCell(f.control_title),
    safeCell(f.severity),
    safeCell(f.check_id),
    safeCell(f.resource_id),
    safeCell(f.account_id),
    safeCell(f.region),
    safeCell(f.reason),
    safeCell(f.evidence && f.evidence !== '{}' ? f.evidence : null),
    safeCell(f.exception_id),
  ];
}

/**
 * A running digest over data rows, in order. Cells are compared as text (what a file gives back), empty cells as
 * the empty string, so a row read from CSV or XLSX hashes the same as the row we wrote.
 */
export class RowDigest {
  private readonly hash = createHash('sha256');
  rows = 0;

  add(cells: readonly unknown[]): void {
    this.hash.update(cells.map(cellText).join('\u001f'));
    this.hash.update('\u001e');
    this.rows++;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value && 'richText' in value) {
    return (value as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('');
  }
  return String(value);
}
