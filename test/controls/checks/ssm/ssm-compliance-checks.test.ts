import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// SSM.2 (Patch) and SSM.3 (Association) read the same summaries, one compliance type each.
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const summary = (resource_id: string, compliance_type: string, status: string | null, non_compliant_count = 0) => ({
  resource_arn: resource_id.startsWith('mi-') ? `arn:aws:ssm:us-east-1:${acct}:managed-instance/${resource_id}` : `arn:aws:ec2:us-east-1:${acct}:instance/${resource_id}`,
  resource_id, resource_type: 'ManagedInstance', compliance_type, status, overall_severity: status === 'NON_COMPLIANT' ? 'CRITICAL' : 'UNSPECIFIED', non_compliant_count,
});

describe('ssm_instance_patch_compliant', () => {
  const id = 'ssm_instance_patch_compliant';
  it('fails nodes whose patch compliance is NON_COMPLIANT or unknown, not their association compliance', async () => {
    await seed(db, 'aws_ssm_compliance_summaries', [
      summary('i-0a', 'Patch', 'NON_COMPLIANT', 3), summary('mi-0b', 'Patch', null), summary('i-0c', 'Patch', 'COMPLIANT'), summary('i-0c', 'Association', 'NON_COMPLIANT', 1),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      [`arn:aws:ec2:us-east-1:${acct}:instance/i-0a`, 'Managed node i-0a is NON_COMPLIANT with its patch baseline (3 non-compliant patches, highest severity CRITICAL)'],
      [`arn:aws:ssm:us-east-1:${acct}:managed-instance/mi-0b`, 'The patch compliance status of mi-0b is unknown (not answered)'],
    ]);
  });
  it('passes nodes whose patch compliance is COMPLIANT', async () => {
    await seed(db, 'aws_ssm_compliance_summaries', [summary('i-0d', 'Patch', 'COMPLIANT'), summary('i-0e', 'Custom:Antivirus', 'NON_COMPLIANT', 1)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ssm_instance_association_compliant', () => {
  const id = 'ssm_instance_association_compliant';
  it('fails nodes whose association compliance is NON_COMPLIANT or unknown, not their patch compliance', async () => {
    await seed(db, 'aws_ssm_compliance_summaries', [
      summary('i-0a', 'Association', 'NON_COMPLIANT', 2), summary('i-0b', 'Association', null), summary('i-0c', 'Association', 'COMPLIANT'), summary('i-0c', 'Patch', 'NON_COMPLIANT', 4),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.instance_id, r.reason])).toEqual([
      ['i-0a', 'Managed node i-0a is NON_COMPLIANT with its State Manager associations (2 non-compliant)'],
      ['i-0b', 'The association compliance status of i-0b is unknown (not answered)'],
    ]);
  });
  it('passes nodes whose association compliance is COMPLIANT', async () => {
    await seed(db, 'aws_ssm_compliance_summaries', [summary('i-0d', 'Association', 'COMPLIANT')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
