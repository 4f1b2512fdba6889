import type { ControlResult } from './status.js';
import type { LoadedBenchmark } from './loader.js';
import type { CheckOutcome } from './run-check.js';
import type { AppliedException } from './exceptions/apply.js';
import type { Requirement } from './types.js';

/** One benchmark's share of a multi-benchmark evaluation: its scan, its requirements and what they await. */
export interface Plan {
  benchmark: LoadedBenchmark;
  header: { id: string; title: string; version: string };
  scanId: string;
  automated: Requirement[];
  results: Map<string, ControlResult>;
  digests: Map<string, string>;
  pending: Map<string, Set<string>>;
  /** Outcomes this plan settled: the checks run for all plans, and its own unknown or broken checks. */
  outcomes: Map<string, CheckOutcome>;
  /** Findings an exception in force accepted in this plan's scan (stored with it when it completes). */
  excepted: AppliedException[];
}

/** A benchmark's plan: its requirements that map a check, each waiting for all of its checks. */
export function planOf(benchmark: LoadedBenchmark, scanId: string): Plan {
  // Every requirement that maps a check is evaluated, whatever CIS's Automated/Manual label (status.ts).
  const automated = benchmark.requirements.filter((r) => r.checks.length > 0);
  return {
    benchmark, header: { id: benchmark.id, title: benchmark.title, version: benchmark.version }, scanId, automated,
    results: new Map(), digests: new Map(), pending: new Map(automated.map((r) => [r.id, new Set(r.checks)])), outcomes: new Map(), excepted: [],
  };
}
