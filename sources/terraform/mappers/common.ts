import type { Row } from '../../../schema/db.js';
import { isRedacted } from '../scrub.js';
import type { ReferenceResolver } from '../references.js';
import { isUnknown, type TfResource } from '../resources.js';

/** What every mapper knows about the plan besides its resources. */
export interface MapContext {
  accountId: string;
  region: string;
  partition: string;
  resolver: ReferenceResolver;
}

/**
 * One inventory row made from a Terraform resource. `unknown` names the row's columns whose value Terraform
 * knows only after apply (or that were redacted as secrets): stored as NULL, and a check that reads them
 * reports NOT VERIFIABLE for this resource (controls/verifiable.ts), never PASS or FAIL on a NULL.
 */
export interface MappedRow {
  table: string;
  row: Row;
  resourceId: string;
  unknown: Set<string>;
  /** The Terraform resources the row was built from (a bucket and its split resources). */
  addresses: string[];
  /** The configuration's module source of the main resource ('.' for the root module). */
  moduleSource: string;
}

export interface Mapper {
  /** Terraform resource types the mapper reads. */
  types: readonly string[];
  /** Inventory tables it fills. */
  tables: readonly string[];
  map(resources: readonly TfResource[], ctx: MapContext): MappedRow[];
}

/**
 * An identity Terraform assigns at apply (an id, an ARN) stands in as `tf:<address>` so that joins still work
 * inside the plan; identities are keys, not facts a check judges, so they never make a verdict NOT VERIFIABLE.
 */
export function placeholder(r: TfResource): string {
  return `tf:${r.address}`;
}

/** A value of the resource, or `unknown` when Terraform knows it only after apply (or it was redacted). */
export function valueOf(r: TfResource, path: ReadonlyArray<string | number>): { value: unknown; unknown: boolean } {
  let node: unknown = r.values;
  for (const step of path) node = node === null || node === undefined ? undefined : (node as Record<string | number, unknown>)[step];
  if (isUnknown(r.unknown, path) || isRedacted(node)) return { value: null, unknown: true };
  return { value: node ?? null, unknown: false };
}

export function knownString(r: TfResource, path: ReadonlyArray<string | number>): string | null {
  const v = valueOf(r, path);
  return !v.unknown && typeof v.value === 'string' && v.value !== '' ? v.value : null;
}

/** The first element of a nested block list (Terraform encodes single blocks as one-element lists). */
export function block(value: unknown): Record<string, unknown> | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as Record<string, unknown>) : null;
}

/** Sets a column from a resource value, recording it as unknown when it is. */
export class RowBuilder {
  readonly row: Row = {};
  readonly unknown = new Set<string>();
  constructor(private readonly r: TfResource) {}

  set(column: string, path: ReadonlyArray<string | number>, convert: (v: unknown) => unknown = (v) => v): this {
    const v = valueOf(this.r, path);
    if (v.unknown) this.unknownColumn(column);
    else this.row[column] = convert(v.value);
    return this;
  }

  unknownColumn(column: string): this {
    this.row[column] = null;
    this.unknown.add(column);
    return this;
  }
}

export const asBool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
export const asInt = (v: unknown): number | null => (typeof v === 'number' ? Math.trunc(v) : null);
export const asText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The MappedRow of a RowBuilder's row for one resource. */
export function mappedRow(table: string, resourceId: string, b: RowBuilder, r: TfResource): MappedRow {
  return { table, resourceId, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource };
}

/** A known string, else the name of the resource `path` refers to (one of `types`), read at `targetPath`. */
export function literalOrReference(r: TfResource, path: string[], types: readonly string[], ctx: MapContext, targetPath: string[] = ['name']): { value: string | null; target: TfResource | null } {
  const literal = knownString(r, path);
  if (literal) return { value: literal, target: null };
  const target = ctx.resolver.resolve(r, path, types);
  return { value: target ? knownString(target, targetPath) : null, target };
}

/** Strings of a list value; null when the list or one of its elements is unknown. */
export function knownStrings(r: TfResource, path: ReadonlyArray<string | number>): string[] | null {
  const v = valueOf(r, path);
  if (v.unknown) return null;
  const list = Array.isArray(v.value) ? v.value : [];
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    if (valueOf(r, [...path, i]).unknown || typeof list[i] !== 'string') return null;
    out.push(list[i] as string);
  }
  return out;
}
