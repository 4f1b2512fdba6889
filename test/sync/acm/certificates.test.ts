import { ACMClient, ListCertificatesCommand, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let arn: string;
const filters: unknown[] = [];

beforeAll(async () => {
  moto = await startMoto();
  const acm = new ACMClient(motoClientConfig(moto, 'us-east-1'));
  ({ CertificateArn: arn = '' } = await acm.send(new RequestCertificateCommand({ DomainName: 'shop.example.com' })));
  db = await memoryDb();
  // Records the filter the collector sends: without every key type, AWS leaves RSA_3072/4096 and EC certificates out.
  const spy = (client: unknown, service: string) => {
    if (service !== 'ACM') return;
    (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
      (next: (args: { input: unknown }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: unknown }) => {
        if (context.commandName === ListCertificatesCommand.name) filters.push(args.input);
        return next(args);
      },
      { step: 'initialize', name: 'spyListCertificates' },
    );
  };
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['acm'], regions: ['us-east-1', 'eu-west-1'], configureClient: spy });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('acm certificates collector', () => {
  it('writes each certificate with type, key algorithm and expiry from the list call alone', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, domain_name, type, key_algorithm, not_after > not_before AS valid_window FROM aws_acm_certificates');
    expect(rows).toEqual([{ region: 'us-east-1', arn, domain_name: 'shop.example.com', type: 'AMAZON_ISSUED', key_algorithm: 'RSA_2048', valid_window: true }]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_acm_certificates' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });

  it('asks for every key type, since ListCertificates otherwise returns only RSA_1024 and RSA_2048', () => {
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters) {
      expect((f as { Includes: { keyTypes: string[] } }).Includes.keyTypes).toEqual(
        expect.arrayContaining(['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1']),
      );
    }
  });
});
