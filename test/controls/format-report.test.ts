import { describe, expect, it } from 'vitest';
import { coverageLine, formatReport } from '../../reports/format-report.js';
import type { ScanReport } from '../../controls/types.js';

const report: ScanReport = {
  benchmark: { id: 'acme', title: 'ACME baseline', version: '1' },
  scan: { id: 'scan-1', started_at: '2026-01-01T00:00:00.000Z', finished_at: '2026-01-01T00:00:01.000Z', report_id: 'a'.repeat(64) },
  summary: {
    score: 33.3, score_formula: 'PASS / (PASS + FAIL + ERROR)', pass: 1, fail: 1, skip: 0, error: 1, manual: 0, critical_failed: 0, high_failed: 1, trend: -10,
    coverage: { trusted: 2, automated: 3 }, oldest_data_at: '2025-12-29T06:00:00.000Z',
    sections: [{ section: 'Storage', score: 33.3, pass: 1, fail: 1, skip: 0, error: 1, manual: 0 }],
  },
  controls: [
    { id: '1', title: 'Buckets deny HTTP', section: 'Storage', level: 1, severity: 'high', status: 'FAIL', reason: '3 resources fail', affected_count: 3, evaluated_count: 5,
      resources: ['a', 'b', 'c'].map((n) => ({ resource_id: `arn:aws:s3:::${n}`, account_id: '111111111111', region: 'us-east-1', reason: '=HYPERLINK("http://x")' })) },
    { id: '2', title: 'Volumes encrypted', section: 'Storage', level: 1, severity: 'low', status: 'PASS', reason: 'ok', affected_count: 0, evaluated_count: 2, resources: [] },
    { id: '3', title: 'Analyzer', section: 'Storage', level: 1, severity: 'low', status: 'ERROR', reason: 'Cannot be evaluated: aws_accessanalyzer_analyzers failed to sync', affected_count: 0, evaluated_count: 0, resources: [] },
  ],
};

describe('formatReport', () => {
  it('lists failing resources under the failed control, elides the rest, and ends with the summary', () => {
    const text = formatReport(report, 'table', { maxResources: 2, width: 120 });
    const lines = text.trimEnd().split('\n');
    const fail = lines.findIndex((l) => l.includes('FAIL   1'));
    expect(lines[fail + 1]).toContain('111111111111 us-east-1 arn:aws:s3:::a — =HYPERLINK');
    expect(lines[fail + 3]).toContain('… and 1 more');
    expect(text).toContain('Cannot be evaluated: aws_accessanalyzer_analyzers failed to sync');
    expect(lines.slice(-6).join('\n')).toMatch(/Summary[\s\S]*Score 33\.3% ▼ 10   \(PASS \/ \(PASS \+ FAIL \+ ERROR\)\)/);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('prints coverage and the age of the oldest data beside the score', () => {
    const text = formatReport(report, 'table', { width: 120 });
    expect(text).toMatch(/Score 33\.3%.*\n  Coverage 2\/3 automated requirements with a trustworthy verdict \(PASS, FAIL or SKIP\) · oldest data 2025-12-29 06:00 UTC \(2 days before the scan\)/);
    expect(coverageLine({ coverage: { trusted: 2, automated: 3 }, oldest_data_at: '2026-01-01T00:00:00.000Z' }, new Date('2026-01-01T05:30:00Z'))).toContain('(5 h before the scan)');
    expect(coverageLine({ coverage: { trusted: 0, automated: 0 }, oldest_data_at: null }, new Date())).toContain('oldest data none (no synced data read)');
  });

  it('colours the table only when asked (the CLI asks on a TTY)', () => {
    expect(formatReport(report, 'table', { color: true })).toMatch(/\u001b\[/);
  });

  it('writes one CSV row per requirement with formula-like text neutralised', () => {
    const csv = formatReport({ ...report, controls: [{ ...report.controls[0]!, reason: '=cmd()' }] }, 'csv');
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",'=cmd()");
  });

  it('prints the JSON contract unchanged', () => {
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(report);
  });
});
