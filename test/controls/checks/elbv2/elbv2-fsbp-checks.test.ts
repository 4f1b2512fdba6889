import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const lb = (name: string, type: string, extra: Row = {}): Row => ({
  arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/${type.slice(0, 3)}/${name}/1`, name, type, ...extra,
});

describe('elbv2_alb_desync_mitigation_defensive (ELB.12)', () => {
  it('fails an Application Load Balancer in monitor mode, and one whose mode AWS did not report', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('monitor', 'application', { desync_mitigation_mode: 'monitor' }),
      lb('unknown', 'application', { desync_mitigation_mode: null }),
      lb('defensive', 'application', { desync_mitigation_mode: 'defensive' }),
    ]);
    const rows = await checkFindings(db, 'elbv2_alb_desync_mitigation_defensive');
    expect(rows.map((r) => [r.load_balancer, r.reason])).toEqual([
      ['monitor', 'Application Load Balancer monitor uses desync mitigation mode monitor'],
      ['unknown', 'AWS did not report the desync mitigation mode of Application Load Balancer unknown (sync again)'],
    ]);
  });

  it('passes defensive and strictest, and leaves Network and Gateway Load Balancers out', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('defensive', 'application', { desync_mitigation_mode: 'defensive' }),
      lb('strictest', 'application', { desync_mitigation_mode: 'strictest' }),
      lb('tcp', 'network'),
      lb('appliance', 'gateway'),
    ]);
    expect(await checkFindings(db, 'elbv2_alb_desync_mitigation_defensive')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'elbv2_alb_desync_mitigation_defensive')).toEqual([]);
  });
});

describe('elbv2_multiple_availability_zones (ELB.13)', () => {
  it('fails a load balancer of any type in one Availability Zone, and one reporting none', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('single', 'network', { availability_zones: ['us-east-1a'] }),
      lb('none', 'gateway', { availability_zones: [] }),
      lb('pair', 'application', { availability_zones: ['us-east-1a', 'us-east-1b'] }),
    ]);
    const rows = await checkFindings(db, 'elbv2_multiple_availability_zones');
    // Ordered by ARN: .../gat/none/1 before .../net/single/1.
    expect(rows.map((r) => [r.load_balancer, r.reason])).toEqual([
      ['none', 'Load balancer none (gateway) serves 0 Availability Zone(s): none'],
      ['single', 'Load balancer single (network) serves 1 Availability Zone(s): us-east-1a'],
    ]);
  });

  it('passes load balancers in two or more Availability Zones', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('pair', 'application', { availability_zones: ['us-east-1a', 'us-east-1b'] }),
      lb('three', 'network', { availability_zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }),
    ]);
    expect(await checkFindings(db, 'elbv2_multiple_availability_zones')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'elbv2_multiple_availability_zones')).toEqual([]);
  });
});

describe('elbv2_alb_waf_associated (ELB.16)', () => {
  it('fails an Application Load Balancer without a web ACL, and one whose association was not read (fail closed)', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('bare', 'application', { waf_association_read: true, waf_web_acl_arn: null }),
      lb('unread', 'application', { waf_association_read: false }),
      lb('guarded', 'application', { waf_association_read: true, waf_web_acl_arn: 'arn:aws:wafv2:us-east-1:111111111111:regional/webacl/edge/1' }),
    ]);
    const rows = await checkFindings(db, 'elbv2_alb_waf_associated');
    expect(rows.map((r) => [r.load_balancer, r.reason])).toEqual([
      ['bare', 'Application Load Balancer bare has no AWS WAF web ACL'],
      ['unread', 'The AWS WAF association of Application Load Balancer unread could not be read (sync again)'],
    ]);
  });

  it('passes an Application Load Balancer with a web ACL and leaves Network Load Balancers out', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [
      lb('guarded', 'application', { waf_association_read: true, waf_web_acl_arn: 'arn:aws:wafv2:us-east-1:111111111111:regional/webacl/edge/1' }),
      lb('tcp', 'network'),
    ]);
    expect(await checkFindings(db, 'elbv2_alb_waf_associated')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'elbv2_alb_waf_associated')).toEqual([]);
  });
});
