import type { Catalog } from './loader.js';
import { latestLiveScans, type Rows } from './frameworks.js';
import { requirementsByCheck } from './requirements-of-check.js';
import { benchmarksInOrder } from './benchmarks.js';

/** One requirement a resource breaks: the benchmark's requirement and the check whose finding breaks it. */
export interface BrokenRequirement {
  benchmark_id: string;
  benchmark_title: string;
  requirement_id: string;
  title: string;
  severity: string | null;
  check_id: string;
}

export interface ResourceRequirements {
  resource_id: string;
  /** The checks that find this resource failing in the latest live scan of some benchmark, with their reason. */
  failing_checks: Array<{ check_id: string; reason: string; account_id: string | null; region: string | null; scan_id: string; benchmark_id: string }>;
  /** Every requirement of every benchmark in the catalogue that maps one of those checks, benchmarks in display order. */
  breaks: BrokenRequirement[];
}

/**
 * Every requirement a resource breaks across all frameworks ("this bucket fails PCI DSS 3.4, HIPAA …, FSBP S3.4").
 * The failing checks come from the resource's findings in the latest complete live scan of each benchmark; each
 * finding of a check fails every requirement that maps the check (one check run serves them all, engine.ts), so
 * a benchmark not evaluated since still lists the requirements that finding breaks.
 */
export async function requirementsOfResource(q: Rows, catalog: Catalog, resourceId: string): Promise<ResourceRequirements> {
  const rows = await q.all<{ check_id: string; reason: string; account_id: string | null; region: string | null; scan_id: string; benchmark_id: string }>(
    `WITH latest AS (${latestLiveScans})
     SELECT f.check_id, f.reason, f.account_id, f.region, l.id AS scan_id, l.benchmark_id
     FROM findings f JOIN latest l ON l.id = f.scan_id WHERE f.resource_id = ?
     QUALIFY row_number() OVER (PARTITION BY f.check_id ORDER BY l.started_at DESC, l.id DESC, f.reason) = 1
     ORDER BY f.check_id`,
    [resourceId],
  );
  const served = requirementsByCheck(catalog);
  const benchmarkRank = new Map(benchmarksInOrder(catalog).map((b, i) => [b.id, i]));
  const seen = new Set<string>();
  const breaks: Array<BrokenRequirement & { rank: number; position: number }> = [];
  for (const row of rows) {
    for (const s of served.get(row.check_id) ?? []) {
      const key = `${s.benchmark_id}\u0000${s.requirement_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const requirements = catalog.benchmarks.get(s.benchmark_id)?.requirements ?? [];
      const position = requirements.findIndex((r) => r.id === s.requirement_id);
      const requirement = requirements[position];
      // The requirement's own severity when its framework assigns one (FSBP), else the check's.
      const severity = requirement?.severity ?? catalog.checks.get(row.check_id)?.severity ?? null;
      breaks.push({ ...s, title: requirement?.title ?? '', severity, check_id: row.check_id, rank: benchmarkRank.get(s.benchmark_id) ?? 0, position });
    }
  }
  breaks.sort((a, b) => a.rank - b.rank || a.position - b.position);
  return { resource_id: resourceId, failing_checks: rows, breaks: breaks.map(({ rank: _r, position: _p, ...b }) => b) };
}
