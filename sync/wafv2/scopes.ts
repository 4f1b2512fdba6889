import type { Scope } from '@aws-sdk/client-wafv2';
import type { SyncContext } from '../types.js';

/**
 * The WAF scopes this region's sync reads: REGIONAL always; CLOUDFRONT, whose web ACLs and rule groups AWS keeps
 * in us-east-1, only with us-east-1 of the commercial partition (the only place CloudFront's WAF answers).
 */
export function wafScopes(ctx: SyncContext): Scope[] {
  return ctx.partition === 'aws' && ctx.region === 'us-east-1' ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
}

/** WAFv2 has no SDK paginators: follows NextMarker until AWS stops returning one. */
export async function allPages<P extends { NextMarker?: string }, T>(
  call: (marker: string | undefined) => Promise<P>,
  items: (page: P) => T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const page = await call(marker);
    out.push(...(items(page) ?? []));
    // An empty page with a marker still means more; a repeated marker would loop forever, so it stops.
    marker = page.NextMarker && page.NextMarker !== marker ? page.NextMarker : undefined;
  } while (marker);
  return out;
}
