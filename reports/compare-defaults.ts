import { cisEditions } from '../controls/reference/cis-reference.js';

/**
 * Every CIS AWS Foundations version Calabi ships, oldest first: what compare sets side by side by default. Its
 * own file so `calabi compare --help` names them without loading the scan store behind reports/compare.ts.
 */
export const defaultCompareBenchmarks: readonly string[] = cisEditions.map((e) => e.id);
