/**
 * Regenerates controls/benchmarks/aws-fsbp.json from the in-repo copy of AWS Foundational Security Best Practices
 * (controls/reference/frameworks/aws_fsbp.csv: Security Hub control id, title, service, the control's own severity)
 * and the mapping in scripts/data/:
 *
 *   node --import tsx scripts/build-fsbp-benchmark.ts
 *
 * - fsbp-checks.json: control id → the Calabi checks that decide it. The peer tool's check names in the CSV are
 *   never used as a mapping: a control maps a check only where the check's meaning is the control's.
 * - fsbp-evidence.json: for every other control, what a person collects meanwhile (control-specific text, else
 *   the API calls the control's service would need a collector for).
 *
 * Each requirement carries the control's own severity (the report shows it rather than its checks'); FSBP has no
 * profile levels, so requirements carry none. Security Hub evaluates every FSBP control automatically, hence
 * assessment 'Automated': whether Calabi evaluates it is decided by the mapping alone. A mapping or evidence entry
 * for a control the CSV does not list is an error, as is a check that does not exist.
 */
import { pathToFileURL } from 'node:url';
import { readFsbpReference, type FsbpReferenceRow } from '../controls/reference/fsbp-reference.js';
import type { Benchmark, Requirement } from '../controls/types.js';
import { assertChecksExist, builtinCheckIds, readData, writeBenchmark } from './benchmark-build.js';

interface Evidence {
  services: Record<string, string>;
  controls: Record<string, string>;
}

/** How a person decides the control until a check does: Security Hub's own result, or by hand. */
function meanwhile(row: FsbpReferenceRow): string {
  return ` Until then, read Security Hub's result for control ${row.id} (GetFindings, filter Compliance.SecurityControlId = ${row.id}) or verify by hand: ${row.title.replace(/\.$/, '')}.`;
}

function requirement(row: FsbpReferenceRow, mapping: Record<string, string[]>, evidence: Evidence, known: Set<string>): Requirement {
  const base = { id: row.id, title: row.title, section: row.section, severity: row.severity, assessment: 'Automated' as const };
  const checks = mapping[row.id] ?? [];
  const own = evidence.controls[row.id];
  if (checks.length) {
    if (own) throw new Error(`${row.id} maps checks and has an evidence text in fsbp-evidence.json: keep one`);
    assertChecksExist(`scripts/data/fsbp-checks.json ${row.id}`, checks, known);
    return { ...base, checks: [...new Set(checks)] };
  }
  if (own) return { ...base, checks: [], evidence: own + meanwhile(row) };
  const apis = evidence.services[row.section];
  if (!apis) throw new Error(`${row.id} (section ${row.section}) maps no check and has no evidence: add it to scripts/data/fsbp-checks.json, or its section to fsbp-evidence.json`);
  return { ...base, checks: [], evidence: `Needs data Calabi does not collect yet: ${apis}.${meanwhile(row)}` };
}

/** The benchmark the reference and the data files describe; throws on any inconsistency between them. */
export function buildFsbpBenchmark(): Benchmark {
  const mapping = readData<{ controls: Record<string, string[]> }>('fsbp-checks.json').controls;
  const evidence = readData<Evidence>('fsbp-evidence.json');
  const known = builtinCheckIds();
  const rows = readFsbpReference();
  const ids = new Set(rows.map((r) => r.id));
  for (const [file, keys] of [['fsbp-checks.json', Object.keys(mapping)], ['fsbp-evidence.json', Object.keys(evidence.controls)]] as const) {
    const stale = keys.filter((k) => !ids.has(k));
    if (stale.length) throw new Error(`scripts/data/${file}: controls FSBP does not list (a typo?): ${stale.join(', ')}`);
  }
  const sections = new Set(rows.map((r) => r.section));
  const unusedSections = Object.keys(evidence.services).filter((s) => !sections.has(s));
  if (unusedSections.length) throw new Error(`scripts/data/fsbp-evidence.json: sections FSBP does not have: ${unusedSections.join(', ')}`);

  const requirements = rows.map((row) => requirement(row, mapping, evidence, known));
  const decided = requirements.filter((r) => r.checks.length > 0).length;
  const benchmark: Benchmark = {
    id: 'aws-fsbp',
    title: 'AWS Foundational Security Best Practices',
    version: '1.0.0',
    description:
      `AWS Foundational Security Best Practices (the Security Hub standard, v1.0.0): ${requirements.length} controls in ${sections.size} services, ` +
      `each with Security Hub's control id and severity. ${decided} are evaluated by SQL checks over the synced inventory; ` +
      `${requirements.length - decided} are manual until a check decides them (most need data Calabi does not collect yet) and list the evidence to gather.`,
    requirements,
  };
  return benchmark;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeBenchmark(buildFsbpBenchmark());
