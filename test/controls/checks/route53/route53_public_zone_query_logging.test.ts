import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'route53_public_zone_query_logging';
const zone = (zid: string, extra: Row = {}): Row => ({
  arn: `arn:aws:route53:::hostedzone/${zid}`, region: 'global', hosted_zone_id: zid, name: `${zid.toLowerCase()}.example.com.`, private_zone: false,
  query_logging_config_id: `cfg-${zid}`, query_log_group_arn: `arn:aws:logs:us-east-1:111111111111:log-group:/aws/route53/${zid}`, ...extra,
});

describe(id, () => {
  it('fails a public zone without query logging, and a zone of unknown kind without it', async () => {
    await seed(db, 'aws_route53_hosted_zones', [
      zone('ZQUIET', { query_logging_config_id: null, query_log_group_arn: null }),
      zone('ZUNKNOWN', { private_zone: null, query_logging_config_id: null, query_log_group_arn: null }),
      zone('ZLOGGED'),
    ]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:route53:::hostedzone/ZQUIET', 'Route 53 public hosted zone zquiet.example.com. logs no DNS queries'],
      ['arn:aws:route53:::hostedzone/ZUNKNOWN', 'Route 53 hosted zone zunknown.example.com. logs no DNS queries'],
    ]);
  });

  it('passes a logging public zone and leaves private zones out', async () => {
    await seed(db, 'aws_route53_hosted_zones', [zone('ZLOGGED'), zone('ZINTERNAL', { private_zone: true, query_logging_config_id: null, query_log_group_arn: null })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
