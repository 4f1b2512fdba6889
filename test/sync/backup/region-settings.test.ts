import { BackupServiceException, DescribeRegionSettingsCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

// moto 5.2.1 does not implement DescribeRegionSettings (GET /account-settings): it is canned here, as AWS answers
// it. us-east-1 has RDS and S3 opted out; eu-west-1 answers without ResourceTypeOptInPreference; ap-southeast-2
// refuses the call, as for an identity without backup:DescribeRegionSettings. Every other backup call reaches
// moto_server (no vaults or plans there).
const usEast = { ResourceTypeOptInPreference: { DynamoDB: true, EBS: true, EFS: true, RDS: false, S3: false, Aurora: true }, ResourceTypeManagementPreference: { DynamoDB: true, EFS: true } };
function cannedRegionSettings(client: unknown, service: string): void {
  if (service !== 'Backup') return;
  const c = client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void }; config: { region: () => Promise<string> } };
  c.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      if (context.commandName !== DescribeRegionSettingsCommand.name) return next(args);
      const region = await c.config.region();
      if (region === 'us-east-1') return { output: { $metadata: {}, ...usEast } };
      if (region === 'eu-west-1') return { output: { $metadata: {} } };
      throw new BackupServiceException({ name: 'AccessDeniedException', $fault: 'client', message: 'not authorized to perform backup:DescribeRegionSettings', $metadata: { httpStatusCode: 403 } });
    },
    { step: 'initialize', name: 'cannedRegionSettings' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['backup'], regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], configureClient: cannedRegionSettings });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('AWS Backup region settings collector', () => {
  it('writes one row per region with the resource types opted in and the preferences as AWS answered them', async () => {
    const rows = (await db.all<Record<string, unknown>>("SELECT region, opted_in_resource_types, resource_type_opt_in, resource_type_management FROM aws_backup_region_settings WHERE region = 'us-east-1'"))
      .map((r) => ({ ...r, resource_type_opt_in: JSON.parse(String(r.resource_type_opt_in)), resource_type_management: JSON.parse(String(r.resource_type_management)) }));
    expect(rows).toEqual([{
      region: 'us-east-1', opted_in_resource_types: ['Aurora', 'DynamoDB', 'EBS', 'EFS'],
      resource_type_opt_in: usEast.ResourceTypeOptInPreference, resource_type_management: usEast.ResourceTypeManagementPreference,
    }]);
  });

  it('records an answer without the opt-in preferences, and a refused call, as failures of that region, never as nothing opted in', async () => {
    expect(await db.all("SELECT region FROM aws_backup_region_settings WHERE region <> 'us-east-1'")).toEqual([]);
    expect(result.errors.map((e) => [e.region, e.table, e.code ?? null]).sort()).toEqual([
      ['ap-southeast-2', 'aws_backup_region_settings', 'AccessDeniedException'],
      ['eu-west-1', 'aws_backup_region_settings', expect.anything()],
    ].sort());
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_backup_region_settings' ORDER BY region");
    expect(scopes).toEqual([{ region: 'ap-southeast-2', status: 'error' }, { region: 'eu-west-1', status: 'error' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
