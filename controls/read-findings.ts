import { createHash, type Hash } from 'node:crypto';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ResourceFinding } from './types.js';

/** Findings per JSON text; keeps every string far below V8's maximum string length. */
const partSize = 50_000;

export interface ReadFindingsOptions {
  /** A table or parenthesised query with VARCHAR resource_id, account_id, region, reason (and JSON evidence). */
  from: string;
  /** SQL expression grouping the rows (e.g. control_id); "''" for one group. */
  key: string;
  where?: string;
  params?: DuckDBValue[];
  evidence?: boolean;
  /** At most this many rows overall: lets small reads skip the windowed split into parts. */
  rows?: number;
  /**
   * Filled with each group's findings digest (report-hash.ts findingsDigest) when evidence is not asked for:
   * the digest's lines are the very JSON arrays DuckDB renders here, so no finding is sorted or serialised in JS.
   */
  digests?: Map<string, string>;
}

/**
 * Reads findings grouped by `key`, each group in canonical order (resource, account, region, reason). This is
 * the one place a scan does work per finding in JS, so DuckDB renders each group as JSON text (arrays of four
 * strings, objects when evidence is asked for) and V8's JSON.parse builds them: about three times less CPU than
 * converting the values one by one through the client API.
 */
export async function readFindingGroups(conn: DuckDBConnection, options: ReadFindingsOptions): Promise<Map<string, ResourceFinding[]>> {
  const groups = new Map<string, ResourceFinding[]>();
  if (options.evidence) {
    for (const [key, text] of await renderedParts(conn, options)) {
      const list = groups.get(key) ?? [];
      for (const f of JSON.parse(text) as ResourceFinding[]) list.push(f);
      groups.set(key, list);
    }
    return groups;
  }
  for (const [key, texts] of await readFindingTexts(conn, options)) {
    const list: ResourceFinding[] = [];
    for (const text of texts) for (const f of parseFindingLines(text)) list.push(f);
    groups.set(key, list);
  }
  return groups;
}

/**
 * The findings of each group as DuckDB renders them for the digest (read-findings' lines: one JSON array of the
 * four fields per line, newline-separated), in canonical order, in parts of at most `partSize` findings; left as
 * text for a reader that may never need the objects (lazy-findings.ts). Fills `digests` when given.
 */
export async function readFindingTexts(conn: DuckDBConnection, options: Omit<ReadFindingsOptions, 'evidence'>): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  const hashes = new Map<string, Hash>();
  for (const [key, text] of await renderedParts(conn, { ...options, evidence: false })) {
    if (options.digests) {
      const hash = hashes.get(key) ?? createHash('sha256');
      hash.update(text).update('\n');
      hashes.set(key, hash);
    }
    const parts = texts.get(key);
    if (parts) parts.push(text);
    else texts.set(key, [text]);
  }
  for (const [key, hash] of hashes) options.digests!.set(key, hash.digest('hex'));
  return texts;
}

/** Each group's findings rendered as text, part by part, in key and canonical order. */
async function renderedParts(conn: DuckDBConnection, options: ReadFindingsOptions): Promise<Array<[string, string]>> {
  const order = 'resource_id, account_id, region, reason';
  const base = "'resource_id', resource_id, 'account_id', account_id, 'region', region, 'reason', reason";
  const item = options.evidence
    ? `CASE WHEN evidence IS NULL THEN json_object(${base}) ELSE json_object(${base}, 'evidence', evidence) END`
    : 'to_json([resource_id, account_id, region, reason])';
  const split = options.rows === undefined || options.rows > partSize;
  const part = split ? `(row_number() OVER (PARTITION BY ${options.key} ORDER BY ${order}) - 1) // ${partSize}` : '0';
  // Without evidence, items are joined by newlines: the digest's lines as they are, and (a JSON array never
  // holds a raw newline) a JSON array once each newline becomes a comma.
  const lines = !options.evidence;
  const result = await conn.run(
    `SELECT k, ${lines ? `string_agg(item, chr(10) ORDER BY ${order})` : `'[' || string_agg(item, ',' ORDER BY ${order}) || ']'`}
     FROM (
       SELECT ${options.key} AS k, ${order}, CAST(${item} AS VARCHAR) AS item, ${part} AS part
       FROM ${options.from}${options.where ? ` WHERE ${options.where}` : ''}
     )
     GROUP BY k, part ORDER BY k, part`,
    options.params ?? [],
  );
  return ((await result.getRowsJS()) as Array<[string | null, string]>).map(([key, text]) => [key ?? '', text]);
}

/** Findings from DuckDB's rendered lines (one JSON array of the four fields per line, as the digest hashes them). */
export function parseFindingLines(text: string): ResourceFinding[] {
  return (JSON.parse(`[${text.replaceAll('\n', ',')}]`) as string[][]).map(([resource_id, account_id, region, reason]) => ({
    resource_id: resource_id!, account_id: account_id!, region: region!, reason: reason!,
  }));
}

/** The SQL that renders one finding as its digest line (see readFindingGroups). */
export const findingLineSql = 'CAST(to_json([resource_id, account_id, region, reason]) AS VARCHAR)';
export const findingOrderSql = 'resource_id, account_id, region, reason';
/** At most this many findings are read in one string (readFindingGroups splits larger groups into parts). */
export const findingsPartSize = partSize;
