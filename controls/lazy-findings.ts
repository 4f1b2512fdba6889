import { defineLazyProperty } from './lazy-property.js';
import { parseFindingLines } from './read-findings.js';
import type { ResourceFinding } from './types.js';

/**
 * A check's findings as DuckDB rendered them (one JSON array per line, read-findings.ts), turned into objects only
 * when something reads `findings`. A scan needs the objects for a report that lists resources, a requirement that
 * maps several checks (their union is counted and digested), exceptions in force or scopes in doubt; otherwise the
 * verdict needs only how many there are and the first one, and the digest was taken from the same text. FSBP's
 * 1.4 M findings on the bench inventory cost ~15 % of its evaluation CPU as objects nobody read.
 *
 * As with lazy-resources.ts the property stays an ordinary enumerable one for its readers (spread, JSON, `.length`):
 * the first read parses every line once and replaces the getter by the array.
 */
interface Pending {
  texts: readonly string[];
  count: number;
}

const pending = new WeakMap<object, Pending>();

type WithFindings = { findings: ResourceFinding[] };

/** Defines `target.findings` as the findings of `texts` (newline-separated lines), `count` of them, parsed on first read. */
export function defineLazyFindings<T extends WithFindings>(target: T, texts: readonly string[], count: number): T {
  pending.set(target, { texts, count });
  const parse = () => (texts.length === 1 ? parseFindingLines(texts[0]!) : texts.flatMap(parseFindingLines));
  return defineLazyProperty(target, 'findings', parse, (self) => pending.delete(self));
}

/** The findings are still text: none carries an exception mark or was looked at one by one. */
export function findingsPending(o: WithFindings): boolean {
  return pending.has(o);
}

/** How many findings `o.findings` holds, without parsing them. */
export function findingCount(o: WithFindings): number {
  return pending.get(o)?.count ?? o.findings.length;
}

/** The first finding (canonical order), parsing only its line when the rest are still text. */
export function firstFinding(o: WithFindings): ResourceFinding | undefined {
  const p = pending.get(o);
  if (!p) return o.findings[0];
  const text = p.texts.find((t) => t.length > 0);
  if (text === undefined) return undefined;
  const end = text.indexOf('\n');
  return parseFindingLines(end < 0 ? text : text.slice(0, end))[0];
}
