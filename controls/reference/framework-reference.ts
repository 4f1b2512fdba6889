import { join } from 'node:path';
import { readCsvFile } from '../../lib/csv/read.js';
import { frameworksReferenceDir } from './fsbp-reference.js';

/**
 * The regulatory frameworks beyond CIS and FSBP (NIST SP 800-53 Rev. 5, PCI DSS 3.2.1 and 4.0, HIPAA, SOC 2, GDPR)
 * as the peer tool lists them, copied into controls/reference/frameworks/ with the source's known faults corrected
 * (see its README). scripts/build-framework-benchmarks.ts generates one benchmark per framework from them; nothing
 * reads outside the repository.
 */

export type FrameworkId = 'nist-800-53-r5' | 'pci-dss-3.2.1' | 'pci-dss-4.0' | 'hipaa' | 'soc2' | 'gdpr';

export interface FrameworkSource {
  /** The benchmark id it becomes. */
  id: FrameworkId;
  /** Its CSV under controls/reference/frameworks/. */
  file: string;
  title: string;
  version: string;
}

export const frameworkSources: readonly FrameworkSource[] = [
  { id: 'nist-800-53-r5', file: 'nist_800_53_rev5.csv', title: 'NIST SP 800-53 Revision 5', version: '5' },
  { id: 'pci-dss-3.2.1', file: 'pci_dss_3.2.1.csv', title: 'PCI DSS v3.2.1', version: '3.2.1' },
  { id: 'pci-dss-4.0', file: 'pci_dss_4.0.csv', title: 'PCI DSS v4.0', version: '4.0' },
  { id: 'hipaa', file: 'hipaa.csv', title: 'HIPAA Security Rule (45 CFR 164.308 and 164.312)', version: '45 CFR Part 164 Subpart C' },
  { id: 'soc2', file: 'soc2.csv', title: 'SOC 2 Trust Services Criteria (2017)', version: '2017' },
  { id: 'gdpr', file: 'gdpr.csv', title: 'GDPR (Regulation (EU) 2016/679), Articles 25, 30 and 32', version: '2016/679' },
];

export interface FrameworkReferenceRow {
  id: string;
  title: string;
  /** The framework's grouping: control family / principal requirement / safeguard / criteria series / chapter. */
  section: string;
  /** The peer tool's check names (corrected): what evidences the requirement; empty: no automated check exists. */
  peerChecks: string[];
}

/** The rows of one framework's CSV, in file order; throws on a malformed row or a repeated id. */
export function readFrameworkReference(source: FrameworkSource, dir = frameworksReferenceDir): FrameworkReferenceRow[] {
  const file = join(dir, source.file);
  const [header, ...rows] = readCsvFile(file, { skipBlankRows: true });
  const columns = header?.slice(0, 4).join(',');
  if (columns !== 'requirement_id,requirement_title,section,prowler_checks') throw new Error(`${file}: unexpected header ${header?.join(',')}`);
  const seen = new Set<string>();
  return rows.map(([id, title, section, peer]) => {
    if (!id || !title || !section) throw new Error(`${file}: malformed row ${JSON.stringify([id, title, section])}`);
    if (seen.has(id)) throw new Error(`${file}: requirement ${id} appears twice`);
    seen.add(id);
    return { id, title, section, peerChecks: (peer ?? '').split(';').filter(Boolean) };
  });
}
