import type { ResourceFinding } from '../types.js';
import type { Exception } from './model.js';

/**
 * Whether an exception covers one finding. The pattern syntax is a glob over the whole resource id, case-sensitive
 * like ARNs: `*` matches any run of characters (including `/` and `:`, so `arn:aws:s3:::logs-*` covers every bucket
 * whose name starts with logs-), `?` one character; everything else is literal. A tag scope matches when the
 * resource's inventory row carries that tag (and value, when one is given); a resource whose table has no tags
 * (account- and region-level findings, tables without a tags column) never matches a tag scope.
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

export interface ScopeOf {
  checkId: string;
  benchmarkId: string;
  requirementId: string;
}

export type TagLookup = (resourceId: string, accountId: string) => Record<string, string> | undefined;

export class ExceptionMatcher {
  private readonly patterns = new Map<string, RegExp>();

  constructor(readonly inForce: readonly Exception[], private readonly tagsOf: TagLookup = () => undefined) {
    for (const e of inForce) if (e.resource_pattern) this.patterns.set(e.id, globToRegExp(e.resource_pattern));
  }

  /** Some exception in force is scoped to this check, or to this benchmark's requirement: only then can one match. */
  appliesTo(s: ScopeOf): boolean {
    return this.inForce.some((e) => this.scoped(e, s));
  }

  /** The first exception in force (oldest first) covering the finding, or undefined. */
  match(f: Pick<ResourceFinding, 'resource_id' | 'account_id' | 'region'>, scope: ScopeOf): Exception | undefined {
    return this.inForce.find((e) => this.covers(e, f, scope));
  }

  private covers(e: Exception, f: Pick<ResourceFinding, 'resource_id' | 'account_id' | 'region'>, s: ScopeOf): boolean {
    if (!this.scoped(e, s)) return false;
    if (e.account_id && e.account_id !== f.account_id) return false;
    if (e.region && e.region !== f.region) return false;
    if (e.resource_pattern && !this.patterns.get(e.id)!.test(f.resource_id)) return false;
    if (e.tag_key) {
      const tags = this.tagsOf(f.resource_id, f.account_id);
      if (!tags || !Object.hasOwn(tags, e.tag_key)) return false;
      if (e.tag_value !== null && tags[e.tag_key] !== e.tag_value) return false;
    }
    return true;
  }

  private scoped(e: Exception, s: ScopeOf): boolean {
    return e.check_id ? e.check_id === s.checkId : e.benchmark_id === s.benchmarkId && e.requirement_id === s.requirementId;
  }
}
