import type { Catalog } from './loader.js';
import { benchmarksInOrder } from './benchmarks.js';

/** A benchmark requirement a check serves: "FSBP S3.8", "CIS 7.0 3.1.4". */
export interface ServedRequirement {
  benchmark_id: string;
  benchmark_title: string;
  requirement_id: string;
}

const cache = new WeakMap<Catalog, ReadonlyMap<string, readonly ServedRequirement[]>>();

/**
 * Every requirement of every benchmark in the catalogue that maps each check, benchmarks in display order and
 * requirements in benchmark order. One check run serves them all, so a finding of the check fails each of them:
 * the cross-framework view ("this bucket fails FSBP S3.8, CIS 7.0 3.1.4, …"). Computed once per catalogue.
 */
export function requirementsByCheck(catalog: Catalog): ReadonlyMap<string, readonly ServedRequirement[]> {
  const known = cache.get(catalog);
  if (known) return known;
  const served = new Map<string, ServedRequirement[]>();
  for (const benchmark of benchmarksInOrder(catalog)) {
    for (const requirement of benchmark.requirements) {
      for (const checkId of new Set(requirement.checks)) {
        const list = served.get(checkId) ?? [];
        list.push({ benchmark_id: benchmark.id, benchmark_title: benchmark.title, requirement_id: requirement.id });
        served.set(checkId, list);
      }
    }
  }
  cache.set(catalog, served);
  return served;
}
