import { describe, expect, it } from 'vitest';
import { formatServiceLines, perService, scopeTimer } from '../../bench/sync-report.js';

// bench:sync's per-service report: scope time from the runner's progress events, rows by the service's tables,
// API calls by the service whose collectors made them, whichever SDK clients they used.
describe('bench:sync per-service report', () => {
  it("sums each service's scope time from scope-start to scope-done, per account, region and collector", () => {
    let t = 0;
    const timer = scopeTimer(() => t);
    const scope = { accountId: '111111111111', service: 'ec2' };
    timer.onProgress({ type: 'scope-start', ...scope, region: 'us-east-1', collector: 'volumes' });
    timer.onProgress({ type: 'scope-start', ...scope, region: 'eu-west-1', collector: 'volumes' });
    t = 100;
    timer.onProgress({ type: 'scope-done', ...scope, region: 'us-east-1', collector: 'volumes', rows: 1, errors: 0, failed: false });
    t = 250;
    timer.onProgress({ type: 'scope-done', ...scope, region: 'eu-west-1', collector: 'volumes', rows: 1, errors: 0, failed: false });
    // The runner's account scope reports done without a start: no time of its own.
    timer.onProgress({ type: 'scope-done', accountId: '111111111111', region: 'global', service: 'account', collector: 'account', rows: 3, errors: 0, failed: false });
    expect(Object.fromEntries(timer.msByService)).toEqual({ ec2: 350 });
  });

  it("groups rows by the service's tables and sums the calls its collectors made with each SDK client", () => {
    const lines = perService(
      {
        rowsByTable: { aws_elb_load_balancers: 4, aws_elb_listeners: 4, aws_apigateway_stages: 2 },
        apiCallsBySyncService: { elb: { ElasticLoadBalancing: 6 }, apigateway: { APIGateway: 3, ApiGatewayV2: 2 }, '(runner)': { STS: 1 } },
      },
      new Map([['elb', 1500]]),
    );
    const by = Object.fromEntries(lines.map((l) => [l.service, l]));
    expect(by.elb).toEqual({ service: 'elb', rows: 8, calls: 6, callsPerRow: 0.75, scopeMs: 1500 });
    expect(by.apigateway).toMatchObject({ rows: 2, calls: 5, callsPerRow: 2.5 });
    expect(by.msk).toEqual({ service: 'msk', rows: 0, calls: 0, callsPerRow: null, scopeMs: 0 });
    expect(by['(runner)']).toMatchObject({ calls: 1 });
    expect(formatServiceLines([by.elb!])[1]).toMatch(/^elb\s+8\s+6\s+0\.75\s+1\.50$/);
  });
});
