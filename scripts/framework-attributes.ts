/**
 * Each framework's own placement of a requirement (controls/types.ts RequirementAttributes), derived only from the
 * requirement id and section the reference gives: nothing is looked up or guessed (NIST baselines Low/Moderate/High,
 * for one, are not in the source, so requirements carry none). An id that does not have its framework's shape is an
 * error, so a new row cannot silently go without.
 */
import type { FrameworkId, FrameworkReferenceRow } from '../controls/reference/framework-reference.js';
import type { RequirementAttributes } from '../controls/types.js';

function nist(row: FrameworkReferenceRow): RequirementAttributes {
  // `AC-2(1)`, `AC-2(3)(a)` (an item of enhancement 3), `AC-2(d)(1)` (an item of the base control), `AC-3`.
  const id = /^([A-Z]{2})-(\d+)(?:\((\d+)\))?/.exec(row.id);
  // Section: `Access Control (AC) / Account Management (AC-2)`, or the family alone for a base control.
  const family = /^(.+?) \(([A-Z]{2})\)(?: \/|$)/.exec(row.section);
  if (!id || !family || family[2] !== id[1]) throw new Error(`NIST ${row.id}: id or section "${row.section}" is not <Family> (XX) / …`);
  return { framework: 'nist-800-53', family: id[1]!, family_title: family[1]!, control: `${id[1]}-${id[2]}`, ...(id[3] ? { enhancement: Number(id[3]) } : {}) };
}

function pci(row: FrameworkReferenceRow): RequirementAttributes {
  const principal = /^(\d{1,2}|A\d)\./.exec(row.id) ?? /^(\d{1,2})$/.exec(row.id);
  if (!principal) throw new Error(`PCI DSS ${row.id}: not <requirement>.<sub> or A<n>.<sub>`);
  return { framework: 'pci-dss', principal_requirement: principal[1]! };
}

function soc2(row: FrameworkReferenceRow): RequirementAttributes {
  const m = /^(CC|A|C|PI)(\d+)\.\d+$/.exec(row.id);
  if (!m) throw new Error(`SOC 2 ${row.id}: not a trust services criterion id (CC6.1, A1.2, C1.1, PI1.3)`);
  return { framework: 'soc2', category: m[1] as 'CC' | 'A' | 'C' | 'PI', series: `${m[1]}${m[2]}` };
}

function hipaa(row: FrameworkReferenceRow): RequirementAttributes {
  // `164.308(a)(1)(ii)(A)`: paragraph 164.308(a)(1), implementation specification (ii)(A).
  const m = /^(164\.(308|312))(\([a-z]\)(?:\(\d+\))?)/.exec(row.id);
  if (!m) throw new Error(`HIPAA ${row.id}: not a 45 CFR 164.308/164.312 paragraph`);
  const cfr = m[2] === '308' ? '164.308' : '164.312';
  return { framework: 'hipaa', safeguard: cfr === '164.308' ? 'administrative' : 'technical', cfr_section: cfr, paragraph: `${m[1]}${m[3]}` };
}

function gdpr(row: FrameworkReferenceRow): RequirementAttributes {
  const m = /^Art\. (\d+)$/.exec(row.id);
  if (!m) throw new Error(`GDPR ${row.id}: not "Art. <n>"`);
  return { framework: 'gdpr', article: Number(m[1]) };
}

const derive: Record<FrameworkId, (row: FrameworkReferenceRow) => RequirementAttributes> = {
  'nist-800-53-r5': nist,
  'pci-dss-3.2.1': pci,
  'pci-dss-4.0': pci,
  hipaa,
  soc2,
  gdpr,
};

/** The attributes of one requirement of the given framework; throws when its id has not the framework's shape. */
export function requirementAttributes(framework: FrameworkId, row: FrameworkReferenceRow): RequirementAttributes {
  return derive[framework](row);
}
