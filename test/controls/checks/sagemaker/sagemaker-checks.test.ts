import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const arn = (kind: string, name: string) => `arn:aws:sagemaker:us-east-1:111111111111:${kind}/${name}`;
const notebook = (name: string, extra: Row = {}): Row => ({
  arn: arn('notebook-instance', name), name, direct_internet_access: 'Disabled', root_access: 'Disabled', subnet_id: 'subnet-1', ...extra,
});
const endpointConfig = (name: string, extra: Row = {}): Row => ({ arn: arn('endpoint-config', name), name, single_instance_variants: [], ...extra });
const model = (name: string, extra: Row = {}): Row => ({ arn: arn('model', name), name, network_isolation_enabled: true, ...extra });

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; failing: [string, Row, string][] }

const cases: Case[] = [
  { id: 'sagemaker_notebook_no_direct_internet', table: 'aws_sagemaker_notebook_instances', make: notebook, failing: [
    ['open', { direct_internet_access: 'Enabled' }, 'SageMaker notebook instance open has direct internet access'],
    ['unknown', { direct_internet_access: null }, 'SageMaker notebook instance unknown did not report its direct internet access'],
  ] },
  { id: 'sagemaker_notebook_in_vpc', table: 'aws_sagemaker_notebook_instances', make: notebook, failing: [
    ['outside', { subnet_id: null }, 'SageMaker notebook instance outside is not launched in a VPC'],
  ] },
  { id: 'sagemaker_notebook_root_access_disabled', table: 'aws_sagemaker_notebook_instances', make: notebook, failing: [
    ['rooted', { root_access: 'Enabled' }, 'SageMaker notebook instance rooted gives its users root access'],
    ['unknown', { root_access: null }, 'SageMaker notebook instance unknown did not report its root access'],
  ] },
  { id: 'sagemaker_endpoint_config_multiple_instances', table: 'aws_sagemaker_endpoint_configs', make: endpointConfig, failing: [
    ['single', { single_instance_variants: ['a', 'b'], min_initial_instance_count: 1 }, 'SageMaker endpoint configuration single starts production variant(s) a, b on fewer than 2 instances'],
    ['unknown', { single_instance_variants: null }, 'SageMaker endpoint configuration unknown did not report its production variants'],
  ] },
  { id: 'sagemaker_model_network_isolation', table: 'aws_sagemaker_models', make: model, failing: [
    ['open', { network_isolation_enabled: false }, 'SageMaker model open does not run with network isolation'],
  ] },
];

const nameOf = (r: Row) => r.notebook_instance_name ?? r.endpoint_config_name ?? r.model_name;

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), c.make('good')]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [nameOf(r), r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(c.make(c.failing[0]![0]).arn);
  });
  it('passes a resource configured as it asks', async () => {
    await seed(db, c.table, [c.make('good')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
