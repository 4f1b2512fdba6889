/**
 * Regenerates the regulatory framework benchmarks (controls/benchmarks/nist-800-53-r5.json, pci-dss-3.2.1.json,
 * pci-dss-4.0.json, hipaa.json, soc2.json, gdpr.json) from the in-repo copies of the framework requirement lists
 * (controls/reference/frameworks/, faults corrected) and the data in scripts/data/:
 *
 *   node --import tsx scripts/build-framework-benchmarks.ts
 *
 * - framework-checks.json: peer check name → the Calabi checks that decide the same thing, shared by every
 *   framework. Every peer name a framework uses must be decided there: mapped, or listed as having no equivalent.
 * - framework-evidence.json: for each requirement no Calabi check decides, what an auditor asks for.
 *
 * A requirement maps the union of its peer names' Calabi checks; with none it is MANUAL, its evidence naming the
 * automatable checks Calabi lacks. Frameworks have no CIS levels and no severities of their own: requirements carry
 * neither, but typed attributes derived from their ids (scripts/framework-attributes.ts). The frameworks' own
 * label 'Automated'/'Manual' does not exist either: 'Automated' marks a requirement the peer maps a check to.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsvFile } from '../lib/csv/read.js';
import { frameworkSources, readFrameworkReference, type FrameworkReferenceRow, type FrameworkSource } from '../controls/reference/framework-reference.js';
import { frameworksReferenceDir } from '../controls/reference/fsbp-reference.js';
import type { Benchmark, Requirement } from '../controls/types.js';
import { assertChecksExist, builtinCheckIds, readData, writeBenchmark } from './benchmark-build.js';
import { requirementAttributes } from './framework-attributes.js';

interface Mapping {
  checks: Record<string, string[]>;
  no_equivalent: string[];
}
type Evidence = Record<string, { sections: Record<string, string>; requirements: Record<string, string> }>;

/** Peer check name → what it verifies (checks.csv), to say what Calabi cannot check yet. */
function peerDescriptions(): Map<string, string> {
  const [, ...rows] = readCsvFile(join(frameworksReferenceDir, 'checks.csv'), { skipBlankRows: true });
  return new Map(rows.map(([name, , description]) => [name!, (description ?? '').replace(/\.$/, '')]));
}

function evidenceText(source: FrameworkSource, row: FrameworkReferenceRow, evidence: Evidence[string], descriptions: Map<string, string>): string {
  const own = evidence.requirements[row.id] ??
    Object.entries(evidence.sections).filter(([key]) => row.section.startsWith(key)).sort((a, b) => b[0].length - a[0].length)[0]?.[1];
  if (!own) throw new Error(`${source.id} ${row.id} (section ${row.section}) maps no Calabi check and has no evidence: add it to scripts/data/framework-evidence.json`);
  if (!row.peerChecks.length) return own;
  const lacking = row.peerChecks.map((n) => descriptions.get(n) ?? n);
  return `${own} Calabi has no check yet for what could be automated here: ${lacking.join('; ')}.`;
}

function requirement(source: FrameworkSource, row: FrameworkReferenceRow, mapping: Mapping, evidence: Evidence[string], descriptions: Map<string, string>): Requirement {
  const checks = [...new Set(row.peerChecks.flatMap((n) => mapping.checks[n] ?? []))];
  const base = {
    id: row.id,
    title: row.title,
    section: row.section,
    assessment: row.peerChecks.length ? ('Automated' as const) : ('Manual' as const),
    attributes: requirementAttributes(source.id, row),
  };
  if (checks.length) {
    if (evidence.requirements[row.id]) throw new Error(`${source.id} ${row.id} maps checks and has an evidence text in framework-evidence.json: keep one`);
    return { ...base, checks };
  }
  return { ...base, checks: [], evidence: evidenceText(source, row, evidence, descriptions) };
}

/** One framework's benchmark; throws on any inconsistency between its reference and the data files. */
export function buildFrameworkBenchmark(source: FrameworkSource, mapping = readData<Mapping>('framework-checks.json'), evidenceAll = readData<Evidence>('framework-evidence.json')): Benchmark {
  const rows = readFrameworkReference(source);
  const evidence = evidenceAll[source.id];
  if (!evidence) throw new Error(`scripts/data/framework-evidence.json: no entry for ${source.id}`);
  const decided = new Set([...Object.keys(mapping.checks), ...mapping.no_equivalent]);
  const undecided = [...new Set(rows.flatMap((r) => r.peerChecks))].filter((n) => !decided.has(n));
  if (undecided.length) throw new Error(`scripts/data/framework-checks.json: ${source.id} uses peer checks neither mapped nor listed under no_equivalent: ${undecided.join(', ')}`);
  const ids = new Set(rows.map((r) => r.id));
  const stale = Object.keys(evidence.requirements).filter((id) => !ids.has(id));
  if (stale.length) throw new Error(`scripts/data/framework-evidence.json: ${source.id} has no requirement ${stale.join(', ')}`);
  const unusedSections = Object.keys(evidence.sections).filter((key) => !rows.some((r) => r.section.startsWith(key)));
  if (unusedSections.length) throw new Error(`scripts/data/framework-evidence.json: ${source.id} has no section starting ${unusedSections.join(', ')}`);

  const descriptions = peerDescriptions();
  const requirements = rows.map((row) => requirement(source, row, mapping, evidence, descriptions));
  const evaluated = requirements.filter((r) => r.checks.length > 0).length;
  const sections = new Set(rows.map((r) => r.section)).size;
  return {
    id: source.id,
    title: source.title,
    version: source.version,
    description:
      `${source.title}: the ${requirements.length} requirements (in ${sections} sections) that AWS configuration can evidence, as the peer mapping ` +
      `lists them (controls/reference/frameworks/). ${evaluated} are evaluated by SQL checks over the synced inventory; ` +
      `${requirements.length - evaluated} are manual and list the evidence an auditor asks for.`,
    requirements,
  };
}

/** Every framework benchmark; also checks the mapping once: every check it names exists, no name is both mapped and not. */
export function buildFrameworkBenchmarks(): Benchmark[] {
  const mapping = readData<Mapping>('framework-checks.json');
  const known = builtinCheckIds();
  for (const [name, checks] of Object.entries(mapping.checks)) assertChecksExist(`scripts/data/framework-checks.json ${name}`, checks, known);
  const both = mapping.no_equivalent.filter((n) => n in mapping.checks);
  if (both.length) throw new Error(`scripts/data/framework-checks.json: mapped and listed under no_equivalent: ${both.join(', ')}`);
  const evidence = readData<Evidence>('framework-evidence.json');
  const extra = Object.keys(evidence).filter((k) => k !== '$comment' && !frameworkSources.some((s) => s.id === k));
  if (extra.length) throw new Error(`scripts/data/framework-evidence.json: no framework ${extra.join(', ')}`);
  return frameworkSources.map((source) => buildFrameworkBenchmark(source, mapping, evidence));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) for (const b of buildFrameworkBenchmarks()) writeBenchmark(b);
