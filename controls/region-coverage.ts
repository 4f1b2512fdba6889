import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The sentence every report puts beside an "in all regions" requirement (checks with `all_regions`): which regions
 * it was judged on, out of how many enabled, and which were left out and why, from aws_regions (the regions in
 * scope) and aws_region_coverage (every enabled region, recorded by the sync). Accounts with the same coverage
 * share one sentence. Null when no account is in the inventory.
 */
export async function regionCoverageNote(conn: DuckDBConnection): Promise<string | null> {
  const reader = await conn.runAndReadAll(`
    SELECT a.account_id,
           (SELECT list(DISTINCT r.region ORDER BY r.region) FROM main.aws_regions r WHERE r.account_id = a.account_id) AS judged,
           (SELECT count(*) FROM main.aws_region_coverage c WHERE c.account_id = a.account_id) AS recorded,
           (SELECT count(*) FILTER (WHERE c.enabled) FROM main.aws_region_coverage c WHERE c.account_id = a.account_id) AS enabled,
           (SELECT list(c.region ORDER BY c.region) FILTER (WHERE NOT c.in_scope) FROM main.aws_region_coverage c WHERE c.account_id = a.account_id) AS excluded,
           (SELECT list(DISTINCT c.excluded_by ORDER BY c.excluded_by) FILTER (WHERE NOT c.in_scope) FROM main.aws_region_coverage c WHERE c.account_id = a.account_id) AS why
    FROM (SELECT DISTINCT account_id FROM main.aws_accounts) a
    ORDER BY a.account_id`);
  const groups = new Map<string, string[]>();
  for (const [account, judged, recorded, enabled, excluded, why] of reader.getRowsJS() as Array<[string, string[] | null, bigint, bigint, string[] | null, string[] | null]>) {
    const text = sentence(judged ?? [], Number(recorded), Number(enabled), excluded ?? [], why ?? []);
    groups.set(text, [...(groups.get(text) ?? []), account]);
  }
  if (groups.size === 0) return null;
  if (groups.size === 1) return `${capitalise([...groups.keys()][0]!)}.`;
  return [...groups].map(([text, accounts]) => `${accounts.length > 1 ? `Accounts ${accounts.join(', ')}` : `Account ${accounts[0]}`}: ${text}.`).join(' ');
}

function sentence(judged: readonly string[], recorded: number, enabled: number, excluded: readonly string[], why: readonly string[]): string {
  const names = judged.length <= 5 ? ` (${judged.join(', ')})` : '';
  const n = `${judged.length} ${judged.length === 1 ? 'region' : 'regions'}`;
  if (recorded === 0) return `judged on the ${n} synced${names}; the sync did not record which regions are enabled, so others may exist: sync again to record it`;
  if (enabled === 0) return `judged on ${n}${names}; the enabled regions could not be listed (ec2:DescribeRegions), so others may exist`;
  if (excluded.length === 0) return `judged on all ${enabled} enabled regions`;
  return `judged on ${judged.length} of ${enabled} enabled regions${names}; excluded by ${why.join(', ')}: ${excluded.join(', ')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
