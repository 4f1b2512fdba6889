import { CreateDocumentCommand, ModifyDocumentPermissionCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { documentsCollector } from '../../../sync/ssm/documents.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const content = JSON.stringify({ schemaVersion: '2.2', description: 'x', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['true'] } }] });

beforeAll(async () => {
  moto = await startMoto();
  const ssm = new SSMClient(motoClientConfig(moto, 'us-east-1'));
  for (const Name of ['open-doc', 'partner-doc', 'private-doc']) await ssm.send(new CreateDocumentCommand({ Name, Content: content, DocumentType: 'Command' }));
  await ssm.send(new ModifyDocumentPermissionCommand({ Name: 'open-doc', PermissionType: 'Share', AccountIdsToAdd: ['all'] }));
  await ssm.send(new ModifyDocumentPermissionCommand({ Name: 'partner-doc', PermissionType: 'Share', AccountIdsToAdd: ['222222222222'] }));
  db = await memoryDb();
  // The documents collector alone: moto 5.2.1 cannot serve the managed-node and compliance collectors of the
  // service (test/sync/ssm/managed-nodes.test.ts cans their calls).
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, collectors: [documentsCollector], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('ssm documents collector', () => {
  it("writes the account's own documents with whom each is shared, and none of AWS's", async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, document_type, shared_account_ids, is_public FROM aws_ssm_documents ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:ssm:us-east-1:${account}:document/open-doc`, name: 'open-doc', document_type: 'Command', shared_account_ids: ['all'], is_public: true },
      { region: 'us-east-1', arn: `arn:aws:ssm:us-east-1:${account}:document/partner-doc`, name: 'partner-doc', document_type: 'Command', shared_account_ids: ['222222222222'], is_public: false },
      { region: 'us-east-1', arn: `arn:aws:ssm:us-east-1:${account}:document/private-doc`, name: 'private-doc', document_type: 'Command', shared_account_ids: [], is_public: false },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_ssm_documents' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
