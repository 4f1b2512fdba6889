import { loadCatalog, type Catalog as EngineCatalog, type LoadCatalogOptions } from '../controls/loader.js';
import type { Benchmark, CheckMeta } from '../controls/types.js';

/** What the API reads from the control catalogue: benchmarks in display order and each check's metadata. */
export interface Catalog {
  benchmarks: readonly Benchmark[];
  checks: ReadonlyMap<string, CheckMeta>;
  /** The engine's catalogue, handed back to evaluateBenchmark so a run does not reload the files. */
  engine?: EngineCatalog;
}

/** Built-in benchmarks first, then custom ones ($CALABI_CHECKS), each group by id. */
export function loadApiCatalog(options: LoadCatalogOptions = {}): Catalog {
  const engine = loadCatalog(options);
  const benchmarks = [...engine.benchmarks.values()].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.id.localeCompare(b.id));
  return { benchmarks, checks: engine.checks, engine };
}
