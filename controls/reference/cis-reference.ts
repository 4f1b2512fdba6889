import { join } from 'node:path';
import { fromRoot } from '../../lib/package-root.js';
import { readCsvFile } from '../../lib/csv/read.js';

/**
 * The published CIS AWS Foundations catalogues, copied into controls/reference/cis/ (see its README for
 * provenance and the corrections made). The build script generates controls/benchmarks/cis-aws-*.json from them
 * and the fidelity test holds the benchmark files to them, so neither ever reads outside the repository.
 */

export const cisReferenceDir = fromRoot('controls', 'reference', 'cis');

/** Benchmark id → the published edition it is built from. */
export const cisEditions = [
  { id: 'cis-aws-1.4', version: '1.4.0' },
  { id: 'cis-aws-1.5', version: '1.5.0' },
  { id: 'cis-aws-2.0', version: '2.0.0' },
  { id: 'cis-aws-3.0', version: '3.0.0' },
  { id: 'cis-aws-4.0', version: '4.0.1' },
  { id: 'cis-aws-5.0', version: '5.0.0' },
  { id: 'cis-aws-6.0', version: '6.0.0' },
  { id: 'cis-aws-7.0', version: '7.0.0' },
] as const;

export interface CisReferenceRow {
  id: string;
  title: string;
  section: string;
  level: number;
  assessment: 'Automated' | 'Manual';
  /** The checks another tool maps (2.0 on): a hint of what the requirement verifies, never used as a mapping. */
  peerChecks: string[];
}

/** The rows of cis_aws_v<version>.csv, in requirement order (1.2 < 1.10 < 2.1.1); throws on a malformed row. */
export function readCisReference(version: string, dir = cisReferenceDir): CisReferenceRow[] {
  const file = join(dir, `cis_aws_v${version}.csv`);
  const [header, ...rows] = readCsvFile(file, { skipBlankRows: true });
  const columns = header?.join(',');
  if (columns !== 'id,title,section,level,assessment' && columns !== 'id,title,section,level,assessment,prowler_checks') {
    throw new Error(`${file}: unexpected header ${columns}`);
  }
  const seen = new Set<string>();
  return rows
    .map(([id, title, section, level, assessment, peer]) => {
      if (!id || !title || !section || !/^[12]$/.test(level ?? '') || (assessment !== 'Automated' && assessment !== 'Manual')) {
        throw new Error(`${file}: malformed row ${JSON.stringify([id, title, section, level, assessment])}`);
      }
      if (seen.has(id)) throw new Error(`${file}: requirement ${id} appears twice`);
      seen.add(id);
      return { id, title, section, level: Number(level), assessment, peerChecks: (peer ?? '').split(';').filter(Boolean) } satisfies CisReferenceRow;
    })
    .sort((a, b) => compareRequirementIds(a.id, b.id));
}

/** Dotted ids in numeric order: 1.2 before 1.10, 5.1.1 after 5.1 and before 5.2. */
export function compareRequirementIds(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
