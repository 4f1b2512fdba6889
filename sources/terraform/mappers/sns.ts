import { awsSnsSubscriptions, awsSnsTopics } from '../../../schema/sns.js';
import { resourcePolicyFacts } from '../../../sync/policy/facts.js';
import type { TfResource } from '../resources.js';
import { asBool, asText, knownString, placeholder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';
import { parseDocument } from './iam.js';

/** Protocols whose endpoint must confirm a subscription (SNS sends it a confirmation message). */
const needsConfirmation = new Set(['email', 'email-json', 'http', 'https']);

/** A topic's ARN: known, else built from its name (ARNs of topics follow from name, account and region). */
export function topicArnOf(t: TfResource, ctx: MapContext): string {
  const name = knownString(t, ['name']);
  return knownString(t, ['arn']) ?? (name ? `arn:${ctx.partition}:sns:${ctx.region}:${ctx.accountId}:${name}` : placeholder(t));
}

/**
 * SNS: aws_sns_topic (+ aws_sns_topic_policy) onto aws_sns_topics, policy facts from the sync's policy analysis;
 * aws_sns_topic_subscription onto aws_sns_subscriptions. Whether a subscription is confirmed follows AWS:
 * sqs, lambda, firehose, application and sms endpoints of the same account are confirmed at creation; email,
 * email-json, http and https wait for the endpoint's owner, so on create that is unknown (NOT VERIFIABLE) unless
 * the provider waits for it (endpoint_auto_confirms), and on an existing subscription pending_confirmation says.
 */
export const snsMapper: Mapper = {
  tables: [awsSnsTopics.name, awsSnsSubscriptions.name],
  types: ['aws_sns_topic', 'aws_sns_topic_policy', 'aws_sns_topic_subscription'],
  map(resources, ctx) {
    const topics = new Map<string, MappedRow>();
    for (const r of resources.filter((x) => x.type === 'aws_sns_topic')) topics.set(r.address, topicRow(r, ctx));
    for (const r of resources.filter((x) => x.type === 'aws_sns_topic_policy')) {
      const literal = knownString(r, ['arn']);
      const topic = (literal ? [...topics.values()].find((t) => t.resourceId === literal) : undefined) ?? topics.get(ctx.resolver.resolve(r, ['arn'], ['aws_sns_topic'])?.address ?? '');
      if (!topic) continue;
      topic.addresses.push(r.address);
      applyPolicy(r, topic);
    }
    const out = [...topics.values()];
    for (const r of resources.filter((x) => x.type === 'aws_sns_topic_subscription')) out.push(subscriptionRow(r, ctx));
    return out;
  },
};

function topicRow(r: TfResource, ctx: MapContext): MappedRow {
  const arn = topicArnOf(r, ctx);
  const out: MappedRow = {
    table: awsSnsTopics.name,
    resourceId: arn,
    row: { arn, name: knownString(r, ['name']) ?? placeholder(r), display_name: knownString(r, ['display_name']), fifo_topic: asBool(r.values.fifo_topic) ?? false, raw: r.values },
    unknown: new Set(),
    addresses: [r.address],
    moduleSource: r.moduleSource,
  };
  const kms = valueOf(r, ['kms_master_key_id']);
  if (kms.unknown) (out.row.kms_master_key_id = null), out.unknown.add('kms_master_key_id');
  else out.row.kms_master_key_id = asText(kms.value);
  applyPolicy(r, out);
  return out;
}

function applyPolicy(r: TfResource, out: MappedRow): void {
  const columns = ['policy', 'policy_normalized', 'has_policy', 'policy_is_public', 'public_statements'];
  const v = valueOf(r, ['policy']);
  if (v.unknown) {
    for (const c of columns) (out.row[c] = null), out.unknown.add(c);
    return;
  }
  for (const c of columns) out.unknown.delete(c);
  const document = parseDocument(asText(v.value), r.address);
  if (document === null) return void Object.assign(out.row, { policy: null, policy_normalized: null, has_policy: false, policy_is_public: false, public_statements: [] });
  const facts = resourcePolicyFacts(document);
  Object.assign(out.row, { policy: document, policy_normalized: facts.normalized, has_policy: true, policy_is_public: facts.isPublic, public_statements: facts.publicStatements });
}

function subscriptionRow(r: TfResource, ctx: MapContext): MappedRow {
  const literal = knownString(r, ['topic_arn']);
  const topic = literal ? null : ctx.resolver.resolve(r, ['topic_arn'], ['aws_sns_topic']);
  const topicArn = literal ?? (topic ? topicArnOf(topic, ctx) : null);
  const protocol = knownString(r, ['protocol']);
  // An http(s) endpoint can carry credentials in its URL (https://user:password@host): never stored.
  const endpoint = knownString(r, ['endpoint'])?.replace(/^(https?:\/\/)[^/@]*@/i, '$1(credentials redacted)@') ?? null;
  const unknown = new Set<string>();
  const pending = valueOf(r, ['pending_confirmation']);
  let confirmed: boolean | null;
  if (!pending.unknown && typeof pending.value === 'boolean') confirmed = !pending.value;
  else if (protocol === null) confirmed = null;
  else if (needsConfirmation.has(protocol)) confirmed = (protocol === 'http' || protocol === 'https') && asBool(r.values.endpoint_auto_confirms) === true ? true : null;
  else {
    // A queue or function of another account confirms like any outside endpoint.
    const endpointAccount = endpoint ? /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(endpoint)?.[1] : undefined;
    confirmed = endpointAccount === undefined || endpointAccount === ctx.accountId ? true : null;
  }
  if (confirmed === null) unknown.add('confirmed');
  if (topicArn === null) unknown.add('topic_arn');
  const arn = knownString(r, ['arn']) ?? placeholder(r);
  const row = { subscription_arn: arn, topic_arn: topicArn, protocol, endpoint, owner: ctx.accountId, confirmed, raw: { ...r.values, endpoint } };
  return { table: awsSnsSubscriptions.name, resourceId: arn, row, unknown, addresses: [r.address], moduleSource: r.moduleSource };
}
