import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const lbArn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/${name}/1`;
const lb = (name: string, type = 'application'): Row => ({ arn: lbArn(name), name, type });
const listener = (lbName: string, port: number, extra: Row): Row => ({
  arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/${lbName}/1/${port}`, load_balancer_arn: lbArn(lbName), load_balancer_name: lbName,
  load_balancer_type: 'application', protocol: 'HTTP', port, default_action_type: 'redirect', default_redirect_protocol: 'HTTPS', rules_read: true, rule_actions: [], ...extra,
});
const reasons = (rows: Row[]) => rows.map((r) => [r.load_balancer, r.reason]);

describe('elbv2_alb_http_redirects_to_https (ELB.1)', () => {
  it('fails an HTTP listener that forwards, redirects to HTTP, has a forwarding rule, or whose rules were not read', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('a-forward'), lb('b-same-protocol'), lb('c-rule'), lb('d-unread')]);
    await seed(db, 'aws_elbv2_listeners', [
      listener('a-forward', 80, { default_action_type: 'forward', default_redirect_protocol: null }),
      listener('b-same-protocol', 80, { default_redirect_protocol: '#{protocol}' }),
      listener('c-rule', 8080, { rule_actions: [{ priority: '10', type: 'forward', redirectProtocol: null }, { priority: '20', type: 'fixed-response', redirectProtocol: null }] }),
      listener('d-unread', 80, { rules_read: false, rule_actions: null }),
    ]);
    expect(reasons(await checkFindings(db, 'elbv2_alb_http_redirects_to_https'))).toEqual([
      ['a-forward', 'Application Load Balancer a-forward serves HTTP without redirecting to HTTPS: port 80: default action forward, not a redirect to HTTPS'],
      ['b-same-protocol', 'Application Load Balancer b-same-protocol serves HTTP without redirecting to HTTPS: port 80: default action redirect to #{protocol}, not a redirect to HTTPS'],
      ['c-rule', 'Application Load Balancer c-rule serves HTTP without redirecting to HTTPS: port 8080: rule 10 forward not redirected to HTTPS'],
      ['d-unread', 'Application Load Balancer d-unread serves HTTP without redirecting to HTTPS: port 80: rules not read (sync again)'],
    ]);
  });

  it('passes HTTPS redirects (fixed-response rules included), HTTPS-only load balancers, and leaves Network Load Balancers out', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('a-redirect'), lb('b-https-only'), lb('c-nlb', 'network')]);
    await seed(db, 'aws_elbv2_listeners', [
      listener('a-redirect', 80, { rule_actions: [{ priority: '5', type: 'redirect', redirectProtocol: 'HTTPS' }, { priority: '6', type: 'fixed-response', redirectProtocol: null }] }),
      listener('b-https-only', 443, { protocol: 'HTTPS', default_action_type: 'forward', default_redirect_protocol: null, rules_read: null, rule_actions: null }),
      listener('c-nlb', 80, { load_balancer_type: 'network', protocol: 'TCP', default_action_type: 'forward', rules_read: null, rule_actions: null }),
    ]);
    expect(await checkFindings(db, 'elbv2_alb_http_redirects_to_https')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'elbv2_alb_http_redirects_to_https')).toEqual([]);
  });
});
