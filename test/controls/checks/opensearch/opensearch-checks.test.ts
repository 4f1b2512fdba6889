import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

/** A domain that passes every check; each case overrides what it tests. */
const good = {
  engine_type: 'OpenSearch', subnet_ids: ['subnet-1'], encryption_at_rest_enabled: true, node_to_node_encryption_enabled: true,
  enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10', fine_grained_access_control_enabled: true,
  audit_log_enabled: true, error_log_enabled: true, instance_count: 3, zone_awareness_enabled: true,
  dedicated_master_enabled: true, dedicated_master_count: 3, update_available: false,
};
const domain = (name: string, extra: Record<string, unknown> = {}) => ({ arn: `arn:aws:es:us-east-1:111111111111:domain/${name}`, name, ...good, ...extra });

interface Case { id: string; failing: [string, Record<string, unknown>, string][] }

const cases: Case[] = [
  { id: 'opensearch_domain_encrypted_at_rest', failing: [
    ['plain', { encryption_at_rest_enabled: false }, 'OpenSearch domain plain is not encrypted at rest'],
    ['unknown', { encryption_at_rest_enabled: null }, 'OpenSearch domain unknown did not report its encryption at rest'],
  ] },
  { id: 'opensearch_domain_in_vpc', failing: [['public', { subnet_ids: null }, 'OpenSearch domain public has a public endpoint (not in a VPC)']] },
  { id: 'opensearch_domain_node_to_node_encryption', failing: [
    ['clear', { node_to_node_encryption_enabled: false }, 'OpenSearch domain clear does not encrypt traffic between its nodes'],
  ] },
  { id: 'opensearch_domain_error_logging_enabled', failing: [['quiet', { error_log_enabled: false }, 'OpenSearch domain quiet does not send error logs to CloudWatch Logs']] },
  { id: 'opensearch_domain_audit_logging_enabled', failing: [['quiet', { audit_log_enabled: false }, 'OpenSearch domain quiet does not send audit logs to CloudWatch Logs']] },
  { id: 'opensearch_domain_three_data_nodes', failing: [
    ['one-az', { instance_count: 6, zone_awareness_enabled: false }, 'OpenSearch domain one-az has 6 data node(s), without zone awareness'],
    ['small', { instance_count: 2 }, 'OpenSearch domain small has 2 data node(s) (at least 3 needed)'],
  ] },
  { id: 'opensearch_domain_fine_grained_access_control', failing: [
    ['open', { fine_grained_access_control_enabled: false }, 'OpenSearch domain open does not have fine-grained access control enabled'],
  ] },
  { id: 'opensearch_domain_https_latest_tls', failing: [
    ['http', { enforce_https: false }, 'OpenSearch domain http does not enforce HTTPS'],
    ['tls12', { tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }, 'OpenSearch domain tls12 uses TLS security policy Policy-Min-TLS-1-2-2019-07, not Policy-Min-TLS-1-2-PFS-2023-10'],
  ] },
  { id: 'opensearch_domain_three_dedicated_masters', failing: [
    ['none', { dedicated_master_enabled: false, dedicated_master_count: null }, 'OpenSearch domain none has no dedicated master nodes'],
    ['two', { dedicated_master_count: 2 }, 'OpenSearch domain two has 2 dedicated master node(s), fewer than 3'],
  ] },
  { id: 'opensearch_domain_software_up_to_date', failing: [
    ['stale', { update_available: true }, 'OpenSearch domain stale has a service software update waiting'],
    ['unknown', { update_available: null }, 'OpenSearch domain unknown did not report whether a service software update is waiting'],
  ] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the domains that break it, with the reason, and only those', async () => {
    await seed(db, 'aws_opensearch_domains', [...c.failing.map(([name, extra]) => domain(name, extra)), domain('good')]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.domain_name, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(`arn:aws:es:us-east-1:111111111111:domain/${c.failing[0]![0]}`);
  });
  it('passes a domain configured as it asks, of either engine', async () => {
    await seed(db, 'aws_opensearch_domains', [domain('good'), domain('legacy', { engine_type: 'Elasticsearch' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
