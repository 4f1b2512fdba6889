import { indexSuffix, isObject, type TfResource } from './resources.js';

/**
 * Joins between resources on create go through the configuration: `aws_s3_bucket_public_access_block.x.bucket`
 * is unknown until apply, but its expression lists `references: ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]`. A
 * conditional can list several references; the one of the wanted type that names a resource of this plan wins.
 */
export class ReferenceResolver {
  private readonly byAddress: Map<string, TfResource>;

  constructor(resources: readonly TfResource[]) {
    this.byAddress = new Map(resources.map((r) => [r.address, r]));
  }

  /** The resource of one of `types` that attribute `path` of `from` refers to, or null. */
  resolve(from: TfResource, path: readonly string[], types: readonly string[]): TfResource | null {
    return this.resolveAll(from, path, types)[0] ?? null;
  }

  /** Every resource of one of `types` that attribute `path` refers to (a list such as alarm_actions names several). */
  resolveAll(from: TfResource, path: readonly string[], types: readonly string[]): TfResource[] {
    const found: TfResource[] = [];
    for (const ref of referencesAt(from.expressions, path)) {
      const m = /^(?:data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[([^\]]+)\])?/.exec(ref);
      if (!m || ref.startsWith('module.') || ref.startsWith('var.') || ref.startsWith('local.')) continue;
      const [, type, name, rawIndex] = m;
      if (!types.includes(type!)) continue;
      const prefix = from.moduleAddress ? `${from.moduleAddress}.` : '';
      const candidates: string[] = [];
      if (rawIndex !== undefined && /^\d+$|^".*"$/.test(rawIndex)) candidates.push(`${prefix}${type}.${name}[${rawIndex}]`);
      else {
        // aws_s3_bucket.this[count.index] is listed as "aws_s3_bucket.this": the same instance key as `from`.
        candidates.push(`${prefix}${type}.${name}`, `${prefix}${type}.${name}${indexSuffix(from.index)}`);
      }
      const target = candidates.map((c) => this.byAddress.get(c)).find((t) => t !== undefined);
      if (target && !found.includes(target)) found.push(target);
    }
    return found;
  }
}

/** References of the expression at `path` (nested blocks are arrays of expression objects: the first one's). */
function referencesAt(expressions: Record<string, unknown>, path: readonly string[]): string[] {
  let node: unknown = expressions;
  for (const step of path) {
    if (Array.isArray(node)) node = node[0];
    if (!isObject(node)) return [];
    node = node[step];
  }
  if (Array.isArray(node)) node = node[0];
  if (!isObject(node) || !Array.isArray(node.references)) return [];
  return node.references.filter((r): r is string => typeof r === 'string');
}
