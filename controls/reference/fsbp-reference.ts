import { join } from 'node:path';
import { fromRoot } from '../../lib/package-root.js';
import type { Severity } from '../types.js';
import { readCsvFile } from '../../lib/csv/read.js';

/**
 * AWS Foundational Security Best Practices as Security Hub lists it, copied into controls/reference/frameworks/
 * (see its README for provenance and the corrections made). scripts/build-fsbp-benchmark.ts generates
 * controls/benchmarks/aws-fsbp.json from it; nothing reads outside the repository.
 */

export const frameworksReferenceDir = fromRoot('controls', 'reference', 'frameworks');

export interface FsbpReferenceRow {
  /** The Security Hub control id: `S3.1`, `IAM.4`. */
  id: string;
  title: string;
  /** The AWS service, as Security Hub groups it (`S3`, `API Gateway`). */
  section: string;
  /** The control's own severity in Security Hub. */
  severity: Severity;
  /** The checks another tool maps: a hint of what the control verifies, never used as a mapping. */
  peerChecks: string[];
}

const severities = new Set<string>(['critical', 'high', 'medium', 'low']);

/** The rows of aws_fsbp.csv in control order (service, then number: S3.2 before S3.10); throws on a malformed row. */
export function readFsbpReference(dir = frameworksReferenceDir): FsbpReferenceRow[] {
  const file = join(dir, 'aws_fsbp.csv');
  const [header, ...rows] = readCsvFile(file, { skipBlankRows: true });
  const columns = header?.join(',');
  if (columns !== 'requirement_id,requirement_title,section,prowler_checks,severity,prowler_id') throw new Error(`${file}: unexpected header ${columns}`);
  const seen = new Set<string>();
  return rows
    .map(([id, title, section, peer, severity]) => {
      if (!id || !/^[A-Za-z0-9]+\.\d+$/.test(id) || !title || !section || !severities.has(severity ?? '')) {
        throw new Error(`${file}: malformed row ${JSON.stringify([id, title, section, severity])}`);
      }
      if (seen.has(id)) throw new Error(`${file}: control ${id} appears twice`);
      seen.add(id);
      return { id, title, section, severity: severity as Severity, peerChecks: (peer ?? '').split(';').filter(Boolean) };
    })
    .sort((a, b) => compareControlIds(a.id, b.id));
}

/** `Service.N` ids: by service name, then numerically (EC2.2 before EC2.10). */
export function compareControlIds(a: string, b: string): number {
  const [sa = '', na = '0'] = a.split('.');
  const [sb = '', nb = '0'] = b.split('.');
  return sa.localeCompare(sb, 'en') || Number(na) - Number(nb);
}
