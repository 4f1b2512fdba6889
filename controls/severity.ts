import type { Severity } from './types.js';

/**
 * Severities in order, for --fail-on. Its own file so the CLI's commands use it without loading controls/status.ts,
 * which pulls in every inventory table definition (about 30 ms of start-up for --help).
 */
export const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };
