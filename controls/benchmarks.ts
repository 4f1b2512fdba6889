import type { Database } from '../schema/db.js';
import { latestOfEachBenchmark, type LatestOfBenchmark } from '../schema/scans.js';
import { loadCatalog, type Catalog, type LoadCatalogOptions, type LoadedBenchmark } from './loader.js';

export interface BenchmarkListEntry {
  id: string;
  title: string;
  version: string;
  description: string | null;
  builtin: boolean;
  requirements: number;
  /** Requirements the framework labels Automated / Manual (CIS's own label). */
  automated: number;
  manual: number;
  /** Requirements a check decides, whatever their label; the rest are MANUAL in every scan. */
  evaluated: number;
  /** Distinct checks the benchmark maps. */
  checks: number;
  latest_scan_id: string | null;
  latest_score: number | null;
  latest_scan_at: string | null;
}

/** The catalogue's benchmarks in display order: built-in first, then custom ones ($CALABI_CHECKS), each group by id. */
export function benchmarksInOrder(catalog: Catalog): LoadedBenchmark[] {
  return [...catalog.benchmarks.values()].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.id.localeCompare(b.id));
}

/**
 * Every benchmark of the catalogue (built-in, then custom, by id) with its counts and, when a database is given,
 * the score and time of its latest complete scan.
 */
export async function listBenchmarks(db?: Database, options: LoadCatalogOptions & { catalog?: Catalog } = {}): Promise<BenchmarkListEntry[]> {
  const catalog = options.catalog ?? loadCatalog(options);
  const latest = db ? await latestOfEachBenchmark(db) : new Map<string, LatestOfBenchmark>();
  return benchmarksInOrder(catalog)
    .map((b) => {
      const last = latest.get(b.id);
      return {
        id: b.id,
        title: b.title,
        version: b.version,
        description: b.description ?? null,
        builtin: b.builtin,
        requirements: b.requirements.length,
        automated: b.requirements.filter((r) => r.assessment === 'Automated').length,
        manual: b.requirements.filter((r) => r.assessment === 'Manual').length,
        evaluated: b.requirements.filter((r) => r.checks.length > 0).length,
        checks: new Set(b.requirements.flatMap((r) => r.checks)).size,
        latest_scan_id: last?.id ?? null,
        latest_score: last?.score ?? null,
        latest_scan_at: last?.finished_at ?? null,
      };
    });
}
