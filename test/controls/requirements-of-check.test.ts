import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../controls/loader.js';
import { requirementsByCheck } from '../../controls/requirements-of-check.js';

describe('the requirements a check serves, across benchmarks', () => {
  const catalog = loadCatalog({ env: {} });
  const served = (checkId: string) => (requirementsByCheck(catalog).get(checkId) ?? []).map((r) => `${r.benchmark_id} ${r.requirement_id}`);

  it('names every benchmark requirement that maps a check, FSBP beside each CIS version, in display order', () => {
    expect(served('cloudtrail_multi_region_enabled').filter((r) => /^(aws-fsbp|cis-)/.test(r))).toEqual([
      'aws-fsbp CloudTrail.1', 'cis-aws-1.4 3.1', 'cis-aws-1.5 3.1', 'cis-aws-2.0 3.1', 'cis-aws-3.0 3.1', 'cis-aws-4.0 3.1', 'cis-aws-5.0 3.1', 'cis-aws-6.0 4.1', 'cis-aws-7.0 4.1',
    ]);
  });

  it('names the regulatory frameworks\' requirements a check decides too', () => {
    const all = served('cloudtrail_multi_region_enabled');
    for (const r of ['gdpr Art. 30', 'hipaa 164.308(a)(1)(ii)(D)', 'soc2 CC2.1']) expect(all).toContain(r);
  });

  it('lists exactly the requirements whose check lists name the check, once each', () => {
    const all = requirementsByCheck(catalog);
    for (const benchmark of catalog.benchmarks.values()) {
      for (const requirement of benchmark.requirements) {
        for (const check of requirement.checks) {
          const hits = (all.get(check) ?? []).filter((r) => r.benchmark_id === benchmark.id && r.requirement_id === requirement.id);
          expect(hits, `${benchmark.id} ${requirement.id} ${check}`).toHaveLength(1);
        }
      }
    }
    const total = [...all.values()].reduce((n, list) => n + list.length, 0);
    const mapped = [...catalog.benchmarks.values()].reduce((n, b) => n + b.requirements.reduce((m, r) => m + new Set(r.checks).size, 0), 0);
    expect(total).toBe(mapped);
  });

  it('leaves out a check no benchmark maps', () => {
    expect(requirementsByCheck(catalog).get('no_such_check')).toBeUndefined();
  });
});
