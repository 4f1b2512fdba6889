import { findingCount } from './lazy-findings.js';
import { defineLazyProperty } from './lazy-property.js';
import type { ResourceFinding } from './types.js';

/**
 * A requirement's `resources` (its checks' findings together) built only when something reads them. Evaluating
 * every framework at once settles ~20 M requirement × finding pairs from a few hundred check outcomes (NIST maps up
 * to 34 checks per requirement); the engine needs only their counts, digests and verdicts, and the report's lists
 * are read when a report is printed or streamed. Building them all up front cost as much as the checks (issue 10's
 * target: all frameworks within 1.5× of their union).
 *
 * The property stays an ordinary enumerable one for its readers (JSON.stringify, spread, `.length`): the first read
 * builds the list once (a copy: each requirement owns its array) and replaces the getter by the value; an
 * assignment replaces it too. Counting does not build it (resourceCount).
 */
const counts = new WeakMap<object, number>();

type WithResources = { resources: ResourceFinding[] };

/**
 * Defines `target.resources` as the concatenation of the outcomes' findings, built on first read; its key keeps its
 * position. Counting them parses none (lazy-findings.ts).
 */
export function defineLazyResources<T extends WithResources>(target: T, outcomes: ReadonlyArray<{ findings: ResourceFinding[] }>): T {
  let n = 0;
  for (const o of outcomes) n += findingCount(o);
  return defineLazy(target, n, () => (outcomes.length === 1 ? outcomes[0]!.findings.slice() : outcomes.flatMap((o) => o.findings)));
}

/** Gives `to` the same resources as `from` without building them when `from` has not built its own yet. */
export function shareResources<T extends WithResources>(from: WithResources, to: T): T {
  const own = Object.getOwnPropertyDescriptor(from, 'resources');
  if (own && 'value' in own) {
    to.resources = own.value as ResourceFinding[];
    return to;
  }
  return defineLazy(to, resourceCount(from), () => from.resources);
}

/** How many findings `c.resources` holds, without building a lazy list. */
export function resourceCount(c: WithResources): number {
  return counts.get(c) ?? c.resources.length;
}

function defineLazy<T extends WithResources>(target: T, n: number, build: () => ResourceFinding[]): T {
  counts.set(target, n);
  return defineLazyProperty(target, 'resources', build, (self) => counts.delete(self));
}
