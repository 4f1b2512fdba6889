import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { runSync } from '../../sync/runner.js';
import { BAD, GOOD, regions, seedCisAccounts } from '../../testkit/cis-accounts.js';
import { memoryDb } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';
import { describeCis30, itCis30GoodAlone } from './cis-3.js';
import { describeCis70, itCis70GoodAlone } from './cis-7.js';
import { goodAlone, type Estate } from './estate.js';

/**
 * CIS AWS Foundations end to end: the two accounts of testkit/cis-accounts.ts (one configured badly, one as
 * CIS asks wherever moto can express it), synced through AssumeRole like an organization, then evaluated
 * against v3.0 (cis-3.ts) and v7.0 (cis-7.ts). One moto, one seeding and one sync serve every benchmark.
 */
const benchmarks = ['cis-aws-3.0', 'cis-aws-7.0'];
let moto: Moto;
const e = { reports: {}, goodOnly: {} } as Estate;

beforeAll(async () => {
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  await seedCisAccounts(moto);
  e.db = await memoryDb();
  e.sync = await runSync({ db: e.db, credentials: testCredentials, endpoint: moto.endpoint, regions, roleName: 'calabi', accounts: [BAD, GOOD] });
  for (const id of benchmarks) e.reports[id] = await evaluateBenchmark({ db: e.db, benchmarkId: id, trigger: 'test' });
}, 600_000);

afterAll(async () => {
  e.db?.close();
  await moto?.stop();
});

describe('the CIS end-to-end sync', () => {
  it('syncs both accounts through AssumeRole, failing only the collections moto cannot serve', () => {
    const sync = e.sync;
    expect(sync.accounts.sort()).toEqual([BAD, GOOD]);
    // Besides Access Analyzer, moto answers 500 to GetEbsDefaultKmsKeyId once encryption by default is on; the
    // collector files that under the evidence column only, so the enabled flag stays trusted.
    // moto 5.2.1 also cannot serve Macie's GetMacieSession (timestamps the SDK rejects), the Account API's
    // GetContactInformation (HTTP 404), IAM ListOrganizationsFeatures and Organizations DescribeResourcePolicy
    // (not implemented; called only in the bad account, which manages an organization): known gaps of the
    // CIS 2.0+ collectors (docs/cis-data.md).
    const motoGap = (x: (typeof sync.errors)[number]) =>
      x.service === 'macie' || (x.service === 'account' && x.table === 'aws_account_contact_information') || x.service === 'organizations';
    expect(sync.errors.filter(motoGap).map((x) => `${x.accountId} ${x.region} ${x.table}`).sort()).toEqual([
      `${BAD} eu-west-1 aws_macie_sessions`,
      `${BAD} global aws_account_contact_information`,
      `${BAD} global aws_iam_organizations_features`,
      `${BAD} global aws_organizations_resource_policies`,
      `${BAD} us-east-1 aws_macie_sessions`,
      `${GOOD} eu-west-1 aws_macie_sessions`,
      `${GOOD} global aws_account_contact_information`,
      `${GOOD} us-east-1 aws_macie_sessions`,
    ]);
    // FSBP data moto cannot serve: it has no Network Firewall policies or rule groups, no CodeBuild report groups
    // or source credentials, and neither SSM DescribeInstanceInformation nor ListResourceComplianceSummaries
    // (HTTP 500) (docs/fsbp.md). One error per account and region for each of those tables. (Kinesis is served: the sync's Kinesis client speaks
    // HTTP/1.1, sync/clients.ts.) Nor AWS Backup DescribeRegionSettings, nor any Client VPN call (8 tables). Nor
    // ListFunctionUrlConfigs: one error per account where a function exists (us-east-1).
    const fsbpGap = (x: (typeof sync.errors)[number]) =>
      (x.service === 'clientvpn' && x.table === 'aws_clientvpn_endpoints') ||
      (x.service === 'networkfirewall' && (x.table === 'aws_networkfirewall_policies' || x.table === 'aws_networkfirewall_rule_groups')) ||
      (x.service === 'codebuild' && (x.table === 'aws_codebuild_report_groups' || x.table === 'aws_codebuild_source_credentials')) ||
      (x.service === 'ssm' && (x.table === 'aws_ssm_managed_instances' || x.table === 'aws_ssm_compliance_summaries')) ||
      (x.service === 'backup' && x.table === 'aws_backup_region_settings') ||
      (x.service === 'lambda' && x.table === 'aws_lambda_function_urls');
    expect(sync.errors.filter(fsbpGap).length).toBe(8 * 2 * 2 + 2);
    const unexpected = sync.errors.filter((x) => x.service !== 'accessanalyzer' && x.operation !== 'GetEbsDefaultKmsKeyId' && !motoGap(x) && !fsbpGap(x));
    expect(unexpected.map((x) => `${x.accountId} ${x.region} ${x.operation} ${x.code}: ${x.message}`)).toEqual([]);
    expect(sync.errors.filter((x) => x.service === 'accessanalyzer').length).toBeGreaterThanOrEqual(4);
  });
});

describeCis30(e);
describeCis70(e);

// Last: removes the bad account from the shared database.
describe('the well configured account on its own', () => {
  beforeAll(async () => {
    e.goodOnly = await goodAlone(e.db, benchmarks);
  });
  itCis30GoodAlone(e);
  itCis70GoodAlone(e);
});
