import type { TfConfigModule, TfModuleValues, TfPlanDocument } from './plan.js';

/**
 * One resource instance of a plan or state, as the mappers see it: its address, its values after apply (with
 * secrets already scrubbed), which of them Terraform knows only after apply, and the configuration it came from.
 */
export interface TfResource {
  /** module.a["k"].aws_s3_bucket.this[0] */
  address: string;
  /** module.a["k"] ('' at the root) */
  moduleAddress: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  /** create, update, replace, no-op (plans) or state (a state file). */
  action: string;
  values: Record<string, unknown>;
  /** `after_unknown`'s tree for this resource: `true` marks a value unknown until apply. */
  unknown: unknown;
  /** The configuration block (module path without instance keys + type.name) and its expressions. */
  configAddress: string;
  expressions: Record<string, unknown>;
  /**
   * Where the configuration lives, as far as the JSON says: the module's `source` ('.' for the root module).
   * Plans and states carry no file names or line numbers.
   */
  moduleSource: string;
}

const instanceKey = /\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g;

export function stripInstanceKeys(address: string): string {
  return address.replace(instanceKey, '');
}

export function indexSuffix(index: string | number | undefined): string {
  return index === undefined || index === null ? '' : `[${typeof index === 'number' ? index : JSON.stringify(index)}]`;
}

/** Managed and data resources the plan will have after apply (deleted ones are left out). */
export function planResources(doc: TfPlanDocument): TfResource[] {
  const config = configIndex(doc.configuration?.root_module);
  const out: TfResource[] = [];
  const add = (r: Omit<TfResource, 'configAddress' | 'expressions' | 'moduleSource'>) => {
    const configAddress = stripInstanceKeys(r.address);
    const c = config.get(configAddress);
    out.push({ ...r, configAddress, expressions: c?.expressions ?? {}, moduleSource: c?.source ?? (r.moduleAddress ? 'unknown module source' : '.') });
  };
  if (doc.resource_changes) {
    for (const rc of doc.resource_changes) {
      const actions = rc.change.actions;
      if (actions.length === 1 && actions[0] === 'delete') continue;
      const after = rc.change.after;
      add({
        address: rc.address,
        moduleAddress: rc.module_address ?? '',
        mode: rc.mode,
        type: rc.type,
        name: rc.name,
        index: rc.index,
        action: actions.includes('delete') && actions.includes('create') ? 'replace' : actions.join('+'),
        values: isObject(after) ? after : {},
        unknown: rc.change.after_unknown ?? false,
      });
    }
  } else if (doc.values?.root_module) {
    walkValues(doc.values.root_module, (r, moduleAddress) =>
      add({ address: r.address, moduleAddress, mode: r.mode, type: r.type, name: r.name, index: r.index, action: 'state', values: isObject(r.values) ? r.values : {}, unknown: false }),
    );
  }
  return out;
}

/** Data sources are read at plan time but are not resources the apply creates: mappers read managed ones only. */
export function isManaged(r: TfResource): boolean {
  return r.mode === 'managed';
}

function walkValues(m: TfModuleValues, visit: (r: NonNullable<TfModuleValues['resources']>[number], moduleAddress: string) => void): void {
  for (const r of m.resources ?? []) visit(r, m.address ?? '');
  for (const child of m.child_modules ?? []) walkValues(child, visit);
}

function configIndex(root: TfConfigModule | undefined): Map<string, { expressions: Record<string, unknown>; source: string }> {
  const index = new Map<string, { expressions: Record<string, unknown>; source: string }>();
  const walk = (m: TfConfigModule, prefix: string, source: string) => {
    for (const r of m.resources ?? []) index.set(prefix + r.address, { expressions: r.expressions ?? {}, source });
    for (const [name, call] of Object.entries(m.module_calls ?? {})) if (call.module) walk(call.module, `${prefix}module.${name}.`, call.source ?? 'unknown module source');
  };
  if (root) walk(root, '', '.');
  return index;
}

/** True when the value at `path` (or something above it) is unknown until apply. */
export function isUnknown(tree: unknown, path: ReadonlyArray<string | number>): boolean {
  let node = tree;
  for (const step of path) {
    if (node === true) return true;
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node === true;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
