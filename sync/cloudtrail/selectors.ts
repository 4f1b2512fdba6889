import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';

/** What a trail's event selectors record, in the terms the CIS checks ask about. */
export interface SelectorSummary {
  /**
   * 'none' when GetEventSelectors returned neither classic nor advanced selectors. AWS gives a new trail its
   * default selector (ReadWriteType All, IncludeManagementEvents true) and returns it, so an empty answer is not
   * the default: it is read literally, as a trail that records nothing (moto answers so; the checks fail closed).
   */
  source: 'classic' | 'advanced' | 'none';
  includeManagementEvents: boolean;
  readWriteType: 'All' | 'ReadOnly' | 'WriteOnly' | null;
  /** Event sources no management selector records (the intersection of their exclusions). */
  excludedManagementEventSources: string[];
  /** 'arn:<partition>:s3:::' (every bucket) or 'arn:<partition>:s3:::<bucket>/' (every object of one bucket). */
  s3ObjectWriteArns: string[];
  s3ObjectReadArns: string[];
}

interface Acc {
  reads: boolean;
  writes: boolean;
  exclusions: string[][];
  s3Write: Set<string>;
  s3Read: Set<string>;
}

/**
 * Classic selectors: ReadWriteType (default All) and IncludeManagementEvents (default true) per selector,
 * S3 object data resources whose value names every bucket or a whole bucket.
 *
 * Advanced selectors are honoured only in the shapes that record a whole category: a management selector may
 * narrow by readOnly and exclude sources (eventSource NotEquals); an S3 data selector may narrow by readOnly and
 * by resources.ARN StartsWith a bucket. A selector with any other field (eventName, userIdentity.arn, …) records
 * a subset we cannot prove complete, so it counts for nothing — the checks then fail closed.
 */
export function summariseSelectors(classic: readonly EventSelector[], advanced: readonly AdvancedEventSelector[], partition: string): SelectorSummary {
  const acc: Acc = { reads: false, writes: false, exclusions: [], s3Write: new Set(), s3Read: new Set() };
  let source: SelectorSummary['source'] = 'classic';
  if (classic.length === 0 && advanced.length === 0) {
    source = 'none';
  } else if (classic.length > 0) {
    for (const s of classic) addClassic(acc, s, partition);
  } else {
    source = 'advanced';
    for (const s of advanced) addAdvanced(acc, s, partition);
  }
  const include = acc.reads || acc.writes;
  return {
    source,
    includeManagementEvents: include,
    readWriteType: acc.reads && acc.writes ? 'All' : acc.reads ? 'ReadOnly' : acc.writes ? 'WriteOnly' : null,
    excludedManagementEventSources: include ? intersect(acc.exclusions) : [],
    s3ObjectWriteArns: [...acc.s3Write].sort(),
    s3ObjectReadArns: [...acc.s3Read].sort(),
  };
}

function addClassic(acc: Acc, s: EventSelector, partition: string): void {
  const rw = s.ReadWriteType ?? 'All';
  const reads = rw === 'All' || rw === 'ReadOnly';
  const writes = rw === 'All' || rw === 'WriteOnly';
  if (s.IncludeManagementEvents ?? true) {
    acc.reads ||= reads;
    acc.writes ||= writes;
    acc.exclusions.push(s.ExcludeManagementEventSources ?? []);
  }
  for (const d of s.DataResources ?? []) {
    if (d.Type !== 'AWS::S3::Object') continue;
    for (const v of d.Values ?? []) {
      const arn = wholeBucketArn(v, partition);
      if (!arn) continue;
      if (writes) acc.s3Write.add(arn);
      if (reads) acc.s3Read.add(arn);
    }
  }
}

function addAdvanced(acc: Acc, s: AdvancedEventSelector, partition: string): void {
  const fields = new Map((s.FieldSelectors ?? []).map((f) => [f.Field ?? '', f]));
  const categoryField = fields.get('eventCategory');
  if (!categoryField || !onlyOperators(categoryField, ['Equals'])) return;
  const category = categoryField.Equals ?? [];
  const readOnly = readOnlyValues(fields.get('readOnly'));
  if (!readOnly) return;
  const reads = readOnly.has('true');
  const writes = readOnly.has('false');
  if (category.includes('Management')) {
    const eventSource = fields.get('eventSource');
    const narrowsSource = eventSource && (eventSource.Equals || eventSource.StartsWith || eventSource.EndsWith || eventSource.NotStartsWith || eventSource.NotEndsWith);
    if (!onlyFields(fields, ['eventCategory', 'readOnly', 'eventSource']) || narrowsSource) return;
    acc.reads ||= reads;
    acc.writes ||= writes;
    acc.exclusions.push(eventSource?.NotEquals ?? []);
    return;
  }
  if (category.includes('Data') && fields.get('resources.type')?.Equals?.includes('AWS::S3::Object')) {
    if (!onlyFields(fields, ['eventCategory', 'readOnly', 'resources.type', 'resources.ARN'])) return;
    const arnField = fields.get('resources.ARN');
    let arns: string[];
    if (!arnField) arns = [`arn:${partition}:s3:::`];
    else {
      const other = arnField.Equals || arnField.NotEquals || arnField.EndsWith || arnField.NotStartsWith || arnField.NotEndsWith;
      if (other) return;
      arns = (arnField.StartsWith ?? []).map((v) => wholeBucketArn(v, partition)).filter((v): v is string => v !== null);
    }
    for (const arn of arns) {
      if (writes) acc.s3Write.add(arn);
      if (reads) acc.s3Read.add(arn);
    }
  }
}

type FieldSelector = NonNullable<AdvancedEventSelector['FieldSelectors']>[number];

function onlyOperators(f: FieldSelector, allowed: string[]): boolean {
  return (['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'] as const).every((op) => allowed.includes(op) || !f[op]);
}

/**
 * The readOnly values a selector records: every value without a readOnly field, Equals as listed, NotEquals as
 * the rest; null for a shape we cannot read (StartsWith…), so the selector counts for nothing.
 */
function readOnlyValues(f: FieldSelector | undefined): Set<string> | null {
  if (!f) return new Set(['true', 'false']);
  if (!onlyOperators(f, ['Equals', 'NotEquals'])) return null;
  let values = new Set(['true', 'false']);
  if (f.Equals) values = new Set(f.Equals.filter((v) => values.has(v)));
  for (const v of f.NotEquals ?? []) values.delete(v);
  return values;
}

function onlyFields(fields: Map<string, unknown>, allowed: string[]): boolean {
  return [...fields.keys()].every((k) => allowed.includes(k));
}

/** 'arn:aws:s3' / 'arn:aws:s3:::' → every bucket; 'arn:aws:s3:::b' or 'arn:aws:s3:::b/' → the whole of b; else null. */
export function wholeBucketArn(value: string, partition: string): string | null {
  if (/^arn:[^:]+:s3(:::)?$/.test(value)) return `arn:${value.split(':')[1] ?? partition}:s3:::`;
  const m = /^arn:([^:]+):s3:::([^/]+)\/?$/.exec(value);
  return m ? `arn:${m[1]}:s3:::${m[2]}/` : null;
}

function intersect(sets: string[][]): string[] {
  if (sets.length === 0) return [];
  return sets[0]!.filter((v) => sets.every((s) => s.includes(v))).sort();
}
