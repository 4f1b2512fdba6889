/**
 * A requirement title reduced to what identifies it across CIS editions: editions re-case words, drop or add
 * quotes ('root', "*:*", "least access") and a trailing full stop without changing the requirement. Used to map
 * requirements to checks by title (scripts/build-cis-benchmarks.ts) and to find, across versions, the same
 * requirement mapped to different checks (reports/compare.ts).
 */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/["'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
}
