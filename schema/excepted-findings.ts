/**
 * SQL condition: `x`, a row of `excepted_findings`, is the exception record of `f`, a row of the `findings` view, in
 * the scan `scan` (an SQL expression: `f.scan_id`, or a parameter when every row is of one scan). A finding is matched
 * by requirement, check and resource (account, region and id, any of which may be NULL), as the engine recorded it
 * (controls/exceptions/apply.ts).
 */
export function exceptedFindingMatch(scan = 'f.scan_id'): string {
  return `x.scan_id = ${scan} AND x.control_id = f.control_id AND x.check_id = f.check_id
    AND x.resource_id IS NOT DISTINCT FROM f.resource_id AND x.account_id IS NOT DISTINCT FROM f.account_id AND x.region IS NOT DISTINCT FROM f.region`;
}
