/**
 * Regenerates controls/benchmarks/cis-aws-{1.4,1.5,2.0,3.0,4.0,5.0,6.0,7.0}.json from the in-repo copies of the
 * published CIS catalogues (controls/reference/cis/: id, title, section, level, CIS's Automated/Manual label) and
 * the mapping in scripts/data/. The JSON files are what ships; this script keeps them honest.
 *
 *   node --import tsx scripts/build-cis-benchmarks.ts
 *
 * The mapping is keyed by requirement title, not id: CIS renumbers between editions (7.0 moved IAM to section 2,
 * logging to 4, monitoring to 5, networking to 6) but keeps the meaning, so one entry serves every edition whose
 * requirement means the same thing. Where an edition changes the meaning (a threshold, the scope), it gets its
 * own title entry mapping its own check, and `calabi compare` shows the requirement as changed.
 *
 * CIS's label is carried as data, not obeyed: a requirement a check can decide maps that check whatever its label
 * (4.0 on labels whole sections Manual although configuration decides them); a requirement no check can decide
 * maps none and must have an evidence text saying what a person collects. A title that matches neither is an
 * error, so a new edition cannot slip in unmapped.
 */
import { cisEditions, readCisReference } from '../controls/reference/cis-reference.js';
import type { Benchmark, Requirement } from '../controls/types.js';
import { normaliseTitle } from '../controls/requirement-title.js';
import { assertChecksExist, readData, writeBenchmark } from './benchmark-build.js';

interface Entry {
  titles: string[];
  checks?: string[];
  evidence?: string;
}

/** normalised title → what it maps to, from one data file; a title in two entries of a file is an error. */
function readEntries(file: string): Map<string, Entry> {
  const { requirements } = readData<{ requirements: Entry[] }>(file);
  const byTitle = new Map<string, Entry>();
  for (const entry of requirements) {
    for (const title of entry.titles) {
      const key = normaliseTitle(title);
      if (byTitle.has(key)) throw new Error(`scripts/data/${file}: "${title}" appears in two entries`);
      byTitle.set(key, entry);
    }
  }
  return byTitle;
}

const sources = { checks: readEntries('cis-checks.json'), newChecks: readEntries('cis-new-checks.json'), evidence: readEntries('cis-evidence.json') };
const used = new Set<string>();

function requirement(edition: string, row: ReturnType<typeof readCisReference>[number]): Requirement {
  const key = normaliseTitle(row.title);
  const checks = [...(sources.checks.get(key)?.checks ?? []), ...(sources.newChecks.get(key)?.checks ?? [])];
  const evidence = sources.evidence.get(key)?.evidence;
  used.add(key);
  const base = { id: row.id, title: row.title, section: row.section, level: row.level, assessment: row.assessment };
  if (checks.length && evidence) throw new Error(`v${edition} ${row.id} "${row.title}" maps checks and has an evidence text: keep one (cis-evidence.json is for requirements no check decides)`);
  if (checks.length) {
    assertChecksExist(`v${edition} ${row.id}`, checks);
    return { ...base, checks: [...new Set(checks)] };
  }
  if (evidence) return { ...base, checks: [], evidence };
  throw new Error(`v${edition} ${row.id} "${row.title}" maps no check and has no evidence text: add it to scripts/data/cis-checks.json (or cis-new-checks.json), or to cis-evidence.json if only a person can decide it`);
}

function build(id: string, version: string): Benchmark {
  const requirements = readCisReference(version).map((row) => requirement(version, row));
  const decided = requirements.filter((r) => r.checks.length > 0).length;
  const labelled = requirements.filter((r) => r.assessment === 'Automated').length;
  return {
    id,
    title: 'CIS Amazon Web Services Foundations Benchmark',
    version,
    description:
      `CIS Amazon Web Services Foundations Benchmark v${version}: ${requirements.length} requirements (CIS labels ${labelled} Automated, ` +
      `${requirements.length - labelled} Manual). ${decided} are evaluated by SQL checks over the synced inventory whatever their label; ` +
      `${requirements.length - decided} need a person and list the evidence to collect.`,
    requirements,
  };
}

for (const { id, version } of cisEditions) {
  writeBenchmark(build(id, version));
}
for (const [file, entries] of Object.entries(sources)) {
  const stale = [...entries.keys()].filter((k) => !used.has(k));
  if (stale.length) throw new Error(`scripts/data (${file}): titles no edition uses (a typo?): ${stale.join('; ')}`);
}
