import { awsCloudwatchAlarms } from '../../../schema/cloudwatch.js';
import type { TfResource } from '../resources.js';
import { asBool, asInt, asText, knownString, placeholder, RowBuilder, valueOf, mappedRow, type MapContext, type MappedRow, type Mapper } from './common.js';
import { topicArnOf } from './sns.js';

const actionLists = ['alarm_actions', 'ok_actions', 'insufficient_data_actions'] as const;

/**
 * aws_cloudwatch_metric_alarm onto aws_cloudwatch_alarms. Action ARNs known only after apply are those of the
 * referenced SNS topics of the plan (a topic's ARN follows from its name, account and region); an action that
 * stays unknown makes the list unknown. Dimensions are stored as DescribeAlarms lists them ([{Name, Value}]).
 * Provider defaults: actions_enabled true, treat_missing_data 'missing'.
 */
export const alarmMapper: Mapper = {
  tables: [awsCloudwatchAlarms.name],
  types: ['aws_cloudwatch_metric_alarm'],
  map(resources, ctx) {
    return resources.map((r) => alarmRow(r, ctx));
  },
};

function alarmRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['alarm_name']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}`;
  const b = new RowBuilder(r)
    .set('metric_name', ['metric_name'])
    .set('namespace', ['namespace'])
    .set('comparison_operator', ['comparison_operator'])
    .set('threshold', ['threshold'], (v) => (typeof v === 'number' ? v : null))
    .set('period', ['period'], asInt)
    .set('evaluation_periods', ['evaluation_periods'], asInt)
    .set('datapoints_to_alarm', ['datapoints_to_alarm'], (v) => asInt(v) || null)
    .set('treat_missing_data', ['treat_missing_data'], (v) => asText(v) ?? 'missing')
    .set('unit', ['unit'])
    .set('actions_enabled', ['actions_enabled'], (v) => asBool(v) ?? true);
  const statistic = valueOf(r, ['statistic']);
  const extended = valueOf(r, ['extended_statistic']);
  if (statistic.unknown || extended.unknown) b.unknownColumn('statistic');
  else b.row.statistic = asText(statistic.value) ?? asText(extended.value);
  const dims = valueOf(r, ['dimensions']);
  if (dims.unknown) b.unknownColumn('dimensions');
  else b.row.dimensions = Object.entries((dims.value ?? {}) as Record<string, unknown>).map(([Name, Value]) => ({ Name, Value }));
  for (const key of actionLists) {
    const list = actionsOf(r, key, ctx);
    if (list === null) b.unknownColumn(key);
    else b.row[key] = list;
  }
  Object.assign(b.row, { arn, alarm_name: name, metrics: r.values.metric_query ?? [], state_value: 'INSUFFICIENT_DATA', raw: r.values });
  return mappedRow(awsCloudwatchAlarms.name, arn, b, r);
}

/** The action ARNs: known ones, plus the referenced topics' ARNs for the unknown ones; null if one stays unknown. */
function actionsOf(r: TfResource, key: string, ctx: MapContext): string[] | null {
  const v = valueOf(r, [key]);
  const list = Array.isArray(v.value) ? v.value : [];
  const marks = r.unknown !== null && typeof r.unknown === 'object' ? (r.unknown as Record<string, unknown>)[key] : undefined;
  const length = Math.max(list.length, Array.isArray(marks) ? marks.length : 0);
  const known: string[] = [];
  let missing = 0;
  for (let i = 0; i < length; i++) {
    if (valueOf(r, [key, i]).unknown || typeof list[i] !== 'string') missing += 1;
    else known.push(list[i] as string);
  }
  if (!v.unknown && missing === 0) return known;
  const topics = ctx.resolver.resolveAll(r, [key], ['aws_sns_topic']).map((t) => topicArnOf(t, ctx));
  const added = topics.filter((t) => !known.includes(t));
  // Every unknown element must be accounted for by a referenced topic of the plan.
  if (v.unknown ? added.length === 0 : added.length < missing) return null;
  return [...known, ...added];
}
