import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const arn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/${name}`;
const acm = 'arn:aws:acm:us-east-1:111111111111:certificate/0b1c';
const iamCert = 'arn:aws:iam::111111111111:server-certificate/shop';
const lb = (name: string, extra: Row = {}) => seed(db, 'aws_elb_load_balancers', [{ arn: arn(name), name, ...extra }]);
const listeners = (name: string, rows: Row[]) =>
  seed(db, 'aws_elb_listeners', rows.map((r) => ({ load_balancer_arn: arn(name), load_balancer_name: name, ...r })));
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.reason]);

describe('elb_tls_listener_acm_certificate', () => {
  const id = 'elb_tls_listener_acm_certificate';
  it('fails HTTPS/SSL listeners with an IAM certificate or none reported', async () => {
    await listeners('iam', [{ protocol: 'HTTPS', port: 443, ssl_certificate_id: iamCert }, { protocol: 'SSL', port: 8443, ssl_certificate_id: acm }]);
    await listeners('none', [{ protocol: 'SSL', port: 465 }]);
    expect(await reasons(id)).toEqual([
      [arn('iam'), `Classic Load Balancer iam has HTTPS/SSL listener(s) without an ACM certificate: HTTPS:443 (${iamCert})`],
      [arn('none'), 'Classic Load Balancer none has HTTPS/SSL listener(s) without an ACM certificate: SSL:465 (no certificate reported)'],
    ]);
  });
  it('passes ACM certificates and ignores plain listeners', async () => {
    await listeners('ok', [{ protocol: 'HTTPS', port: 443, ssl_certificate_id: acm }, { protocol: 'HTTP', port: 80 }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elb_listeners_tls_only', () => {
  const id = 'elb_listeners_tls_only';
  it('fails load balancers with an HTTP or TCP listener, or no listener reported', async () => {
    await lb('mixed');
    await listeners('mixed', [{ protocol: 'HTTPS', port: 443 }, { protocol: 'HTTP', port: 80 }, { protocol: 'TCP', port: 25 }]);
    await lb('unknown');
    expect(await reasons(id)).toEqual([
      [arn('mixed'), 'Classic Load Balancer mixed has listener(s) without HTTPS or TLS termination: TCP:25, HTTP:80'],
      [arn('unknown'), 'No listener of Classic Load Balancer unknown was reported'],
    ]);
  });
  it('passes load balancers whose listeners are all HTTPS or SSL', async () => {
    await lb('tls');
    await listeners('tls', [{ protocol: 'HTTPS', port: 443 }, { protocol: 'SSL', port: 8443 }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe.each([
  ['elb_access_logging_enabled', 'access_log_enabled', 'does not write access logs', 'access logging'],
  ['elb_connection_draining_enabled', 'connection_draining_enabled', 'does not drain connections', 'connection draining'],
  ['elb_cross_zone_enabled', 'cross_zone_enabled', 'does not balance across Availability Zones', 'cross-zone load balancing'],
])('%s', (id, column, bad, what) => {
  it(`fails load balancers with ${column} false or not reported`, async () => {
    await lb('off', { [column]: false });
    await lb('unknown', { [column]: null });
    await lb('on', { [column]: true });
    expect(await reasons(id)).toEqual([
      [arn('off'), `Classic Load Balancer off ${bad}`],
      [arn('unknown'), `AWS did not report ${what} for Classic Load Balancer unknown`],
    ]);
  });
  it(`passes load balancers with ${column} true`, async () => {
    await lb('on', { [column]: true });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elb_multiple_availability_zones', () => {
  const id = 'elb_multiple_availability_zones';
  it('fails load balancers in fewer than two zones', async () => {
    await lb('one', { availability_zones: ['us-east-1a'] });
    await lb('none', { availability_zones: [] });
    expect(await reasons(id)).toEqual([
      [arn('none'), 'Classic Load Balancer none serves 0 Availability Zone(s): none'],
      [arn('one'), 'Classic Load Balancer one serves 1 Availability Zone(s): us-east-1a'],
    ]);
  });
  it('passes load balancers in two zones or more', async () => {
    await lb('two', { availability_zones: ['us-east-1a', 'us-east-1b'] });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elb_desync_mitigation_defensive', () => {
  const id = 'elb_desync_mitigation_defensive';
  it('fails monitor mode and a mode not reported', async () => {
    await lb('monitor', { desync_mitigation_mode: 'monitor' });
    await lb('unknown', {});
    await lb('defensive', { desync_mitigation_mode: 'defensive' });
    expect(await reasons(id)).toEqual([
      [arn('monitor'), 'Classic Load Balancer monitor uses desync mitigation mode monitor'],
      [arn('unknown'), 'AWS did not report the desync mitigation mode of Classic Load Balancer unknown'],
    ]);
  });
  it('passes defensive and strictest', async () => {
    await lb('defensive', { desync_mitigation_mode: 'defensive' });
    await lb('strictest', { desync_mitigation_mode: 'strictest' });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elbv2_alb_access_logging_enabled', () => {
  const id = 'elbv2_alb_access_logging_enabled';
  const v2 = (name: string, type: string, logs: boolean | null) => ({ arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/${name}/1`, name, type, access_logs_enabled: logs });
  it('fails Application Load Balancers without access logs, and leaves Network Load Balancers out', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [v2('web', 'application', false), v2('unknown', 'application', null), v2('nlb', 'network', false)]);
    expect(await reasons(id)).toEqual([
      [v2('unknown', '', null).arn, 'AWS did not report access_logs.s3.enabled for Application Load Balancer unknown'],
      [v2('web', '', null).arn, 'Application Load Balancer web does not write access logs to S3'],
    ]);
  });
  it('passes Application Load Balancers with access logs', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [v2('web', 'application', true)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
