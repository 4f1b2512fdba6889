import { sql, type Selectable } from 'kysely';
import { kyselyOf, type SqlExecutor } from './kysely.js';
import type { DB } from './own-tables.js';

/**
 * One requirement's stored result in a scan (`control_results`), as every reader gets it: the API's control table,
 * the exports, compare. `check_ids` is never NULL here (no checks mapped reads as []).
 */
export type ControlRow = Omit<Selectable<DB['control_results']>, 'scan_id' | 'duration_ms' | 'check_ids' | 'check_results'> & { check_ids: string[] };

/** A scan's requirements in benchmark order. */
export async function controlResults(q: SqlExecutor, scanId: string): Promise<ControlRow[]> {
  return kyselyOf(q)
    .selectFrom('control_results')
    .select([
      'control_id', 'position', 'title', 'section', 'level', 'assessment', 'severity', 'status', 'reason', 'affected_count', 'evaluated_count',
      sql<string[]>`coalesce(check_ids, [])`.as('check_ids'), 'error',
    ])
    .where('scan_id', '=', scanId)
    .orderBy('position')
    .orderBy('control_id')
    .execute();
}
