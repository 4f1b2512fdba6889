import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';

const id = 'config_recorder_enabled_all_regions';
const account = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
  await seed(db, 'aws_regions', [{ region: 'us-east-1', partition: 'aws' }, { region: 'eu-west-1', partition: 'aws' }]);
});

const recorder = (region: string, over: Row = {}): Row => ({
  region,
  arn: `arn:aws:config:${region}:${account}:config-recorder/default`,
  name: 'default',
  all_supported: true,
  include_global_resource_types: true,
  recording: true,
  last_status: 'PENDING',
  ...over,
});

describe(id, () => {
  it('passes when every scanned region records everything, including global types', async () => {
    await seed(db, 'aws_config_recorders', [recorder('us-east-1'), recorder('eu-west-1', { last_status: 'SUCCESS' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a scanned region with no recorder', async () => {
    await seed(db, 'aws_config_recorders', [recorder('us-east-1')]);
    expect(await checkFindings(db, id)).toEqual([
      { resource_id: `arn:aws:config:eu-west-1:${account}`, account_id: account, region: 'eu-west-1', reason: 'No AWS Config recorder in eu-west-1', recorders: null },
    ]);
  });

  it('fails recorders that are stopped, partial, without global types, or failing, naming each gap', async () => {
    await seed(db, 'aws_config_recorders', [
      recorder('us-east-1', { recording: false, include_global_resource_types: false }),
      recorder('eu-west-1', { all_supported: false, last_status: 'FAILURE', last_error_code: 'AccessDenied' }),
    ]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.region, r.reason]).sort()).toEqual([
      ['eu-west-1', 'Recorder default does not record all supported resource types, failed its last recording (AccessDenied)'],
      ['us-east-1', 'Recorder default is not recording, does not include global resource types'],
    ]);
  });

  it('returns nothing on an empty inventory', async () => {
    const empty = await memoryDb();
    expect(await checkFindings(empty, id)).toEqual([]);
  });
});
