import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../controls/loader.js';
import { cisEditions, cisReferenceDir, compareRequirementIds, readCisReference } from '../../controls/reference/cis-reference.js';

/**
 * Every shipped CIS benchmark carries exactly the published facts of its edition — ids, titles, sections, levels
 * and CIS's Automated/Manual label — as copied into controls/reference/cis/ (never a path outside the repository,
 * so this runs, and never skips, on any checkout).
 */
const catalog = loadCatalog({ env: {} });
const published: Record<string, number> = {
  'cis-aws-1.4': 58, 'cis-aws-1.5': 63, 'cis-aws-2.0': 64, 'cis-aws-3.0': 62, 'cis-aws-4.0': 64, 'cis-aws-5.0': 63, 'cis-aws-6.0': 63, 'cis-aws-7.0': 70,
};

describe('the in-repo copies of the CIS catalogues', () => {
  it('hold one file per shipped edition with the published requirement count', () => {
    expect(cisEditions.map((e) => e.id)).toEqual(Object.keys(published));
    for (const { id, version } of cisEditions) {
      const lines = readFileSync(join(cisReferenceDir, `cis_aws_v${version}.csv`), 'utf8').trim().split(/\r?\n/);
      expect(lines.length - 1, `${id}: data lines`).toBe(published[id]);
      expect(readCisReference(version), id).toHaveLength(published[id]!);
    }
  });

  it('carry the corrected ids and sections of the published lists', () => {
    const v5 = readCisReference('5.0.0');
    // One published 5.0 list numbered 1.10 as a second 1.1.
    expect(v5.filter((r) => r.id === '1.1').map((r) => r.title)).toEqual(['Maintain current contact details']);
    expect(v5.find((r) => r.id === '1.10')?.title).toBe('Do not create access keys during initial setup for IAM users with a console password');
    // 2.0 printed the S3 sub-section of 2.1.1 with a stray full stop.
    expect(new Set(readCisReference('2.0.0').filter((r) => r.id.startsWith('2.1.')).map((r) => r.section))).toEqual(new Set(['2 Storage / 2.1 Simple Storage Service (S3)']));
  });

  it('read quoted titles with commas and doubled quotes whole', () => {
    const v7 = readCisReference('7.0.0');
    expect(v7.find((r) => r.id === '2.14')?.title).toBe('Ensure IAM policies that allow full "*:*" administrative privileges are not attached');
    expect(v7.find((r) => r.id === '3.1.3')?.title).toBe('Ensure all data in Amazon S3 has been discovered, classified, and secured when necessary');
  });
});

describe.each(cisEditions.map((e) => [e.id, e.version] as const))('%s', (id, version) => {
  const benchmark = catalog.benchmarks.get(id);
  const reference = readCisReference(version);

  it('ships as a built-in benchmark of that version with the published number of requirements', () => {
    expect(benchmark?.builtin).toBe(true);
    expect(benchmark?.version).toBe(version);
    expect(benchmark?.requirements).toHaveLength(published[id]!);
  });

  it('lists the published ids in numeric order', () => {
    const ids = benchmark!.requirements.map((r) => r.id);
    expect(ids).toEqual(reference.map((r) => r.id));
    expect([...ids].sort(compareRequirementIds)).toEqual(ids);
  });

  it('carries each requirement\'s published title, section, level and CIS assessment label', () => {
    const byId = new Map(reference.map((r) => [r.id, r]));
    for (const r of benchmark!.requirements) {
      const ref = byId.get(r.id)!;
      expect({ title: r.title, section: r.section, level: r.level, assessment: r.assessment }, `${id} ${r.id}`).toEqual({
        title: ref.title, section: ref.section, level: ref.level, assessment: ref.assessment,
      });
    }
  });
});
