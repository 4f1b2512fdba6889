import { setTimeout as sleep } from 'node:timers/promises';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileInventory } from '../../schema/migrations.js';
import { defineTable, type TableDef } from '../../schema/table.js';
import { runSync } from '../../sync/runner.js';
import type { Collector, SyncContext } from '../../sync/types.js';
import { memoryDb } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

// Issue 11: "concurrency per service and region as today, plus a global cap; a service that throttles slows itself,
// not the others". Real clients call moto_server; the request handler is wrapped (configureClient) only to watch
// how many HTTP exchanges are in flight and, in the second case, to answer SQS with throttling, which moto never does.
const tableOf = (service: string): TableDef =>
  defineTable({
    name: `aws_review_${service}_calls`,
    description: 'test',
    scope: 'regional',
    resourceId: 'item_id',
    columns: [{ name: 'item_id', type: 'VARCHAR', description: 'id' }],
  });

type Send = (ctx: SyncContext) => Promise<unknown>;
const calls: Record<string, Send> = {
  sts: (ctx) => ctx.client(STSClient).send(new GetCallerIdentityCommand({})),
  sqs: (ctx) => ctx.client(SQSClient).send(new ListQueuesCommand({})),
  sns: (ctx) => ctx.client(SNSClient).send(new ListTopicsCommand({})),
};
const collector = (service: string, items: number): Collector => {
  const table = tableOf(service);
  return {
    service,
    name: `${service}-calls`,
    scope: 'regional',
    tables: [table],
    async collect(ctx) {
      const ids = await ctx.map([...Array(items).keys()], async (i) => {
        await calls[service]!(ctx);
        return `${service}-${i}`;
      });
      return { [table.name]: ids.map((id) => ({ item_id: id, raw: {} })) };
    },
  };
};

interface Handler {
  handle: (req: { hostname?: string; headers?: Record<string, string> }, opts?: unknown) => Promise<unknown>;
}
/** Wraps every client's request handler: records each attempt (service, start) and the peak in flight. */
function watcher(throttle?: { service: string; times: number }) {
  const log: string[] = [];
  let inFlight = 0;
  let peak = 0;
  let throttled = 0;
  const configureClient = (client: unknown, serviceName: string) => {
    const handler = (client as { config: { requestHandler: Handler } }).config.requestHandler;
    const handle = handler.handle.bind(handler);
    handler.handle = async (req, opts) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      log.push(serviceName);
      try {
        await sleep(20);
        if (throttle && serviceName === throttle.service && throttled < throttle.times) {
          throttled++;
          throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
        }
        return await handle(req, opts);
      } finally {
        inFlight--;
      }
    };
  };
  return { log, peak: () => peak, configureClient };
}

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

async function sync(collectors: Collector[], opts: { maxInFlight: number; configureClient: (c: unknown, s: string) => void; maxAttempts?: number; regions?: string[] }) {
  const db = await memoryDb();
  await db.write((tx) => reconcileInventory(tx, collectors.flatMap((c) => c.tables)));
  const result = await runSync({
    db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1', 'eu-west-1'], collectors, concurrency: 8, ...opts,
  });
  db.close();
  return result;
}

describe('global cap on calls in flight', () => {
  it('never has more calls in flight across services and regions than --max-in-flight, and uses the room it has', async () => {
    const w = watcher();
    const r = await sync([collector('sts', 10), collector('sqs', 10), collector('sns', 10)], { maxInFlight: 4, configureClient: w.configureClient });
    expect(r.errors).toEqual([]);
    expect(r.rowsByTable).toMatchObject({ aws_review_sts_calls: 20, aws_review_sqs_calls: 20, aws_review_sns_calls: 20 });
    // Three services × two regions × eight calls each could run 48 at once without the global cap.
    expect(w.peak()).toBe(4);
  });

  it("does not hold a slot through a throttled call's back-off: other services' calls run between its attempts", async () => {
    const w = watcher({ service: 'SQS', times: 3 });
    const r = await sync([collector('sqs', 1), collector('sts', 12)], { maxInFlight: 1, configureClient: w.configureClient, maxAttempts: 4, regions: ['us-east-1'] });
    expect(r.errors).toEqual([]);
    // The one SQS call's four attempts (three throttled, then answered) are not back to back: STS calls took the only
    // slot in between. Had the cap wrapped the retries, the SQS call would keep the slot until its last attempt.
    const sqsAttempts = w.log.map((s, i) => (s === 'SQS' ? i : -1)).filter((i) => i >= 0);
    expect(sqsAttempts.length).toBe(4);
    const between = w.log.slice(sqsAttempts[0], sqsAttempts.at(-1)).filter((s) => s === 'STS').length;
    expect(between).toBeGreaterThan(0);
    expect(w.peak()).toBe(1);
  });
});
