import { ACMPCAClient, CreateCertificateAuthorityCommand, UpdateCertificateAuthorityCommand } from '@aws-sdk/client-acm-pca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

const create = (pca: ACMPCAClient, cn: string, type: 'ROOT' | 'SUBORDINATE') =>
  pca.send(new CreateCertificateAuthorityCommand({
    CertificateAuthorityType: type,
    CertificateAuthorityConfiguration: { KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: { CommonName: cn } },
  }));

beforeAll(async () => {
  moto = await startMoto();
  const pca = new ACMPCAClient(motoClientConfig(moto, 'us-east-1'));
  await create(pca, 'live-root', 'ROOT');
  const off = await create(pca, 'off-root', 'ROOT');
  await pca.send(new UpdateCertificateAuthorityCommand({ CertificateAuthorityArn: off.CertificateAuthorityArn, Status: 'DISABLED' }));
  await create(pca, 'issuing', 'SUBORDINATE');
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['acmpca'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('ACM Private CA certificate authorities collector', () => {
  it('writes each CA of the region with its type, status and key', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT subject_common_name, region, type, status, key_algorithm FROM aws_acmpca_certificate_authorities ORDER BY subject_common_name');
    expect(rows).toEqual([
      { subject_common_name: 'issuing', region: 'us-east-1', type: 'SUBORDINATE', status: 'PENDING_CERTIFICATE', key_algorithm: 'RSA_2048' },
      { subject_common_name: 'live-root', region: 'us-east-1', type: 'ROOT', status: 'PENDING_CERTIFICATE', key_algorithm: 'RSA_2048' },
      { subject_common_name: 'off-root', region: 'us-east-1', type: 'ROOT', status: 'DISABLED', key_algorithm: 'RSA_2048' },
    ]);
  });

  it('fails only the root CA that is not disabled', async () => {
    expect((await checkFindings(db, 'acmpca_root_ca_disabled')).map((r) => r.common_name)).toEqual(['live-root']);
  });
});
