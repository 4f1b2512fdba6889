import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsKmsKeys = defineTable({
  name: 'aws_kms_keys',
  description: 'One row per KMS key of the region (customer and AWS managed), with its type, state and rotation',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Key ARN' },
    { name: 'key_id', type: 'VARCHAR', description: 'Key id (a UUID, or mrk-… for multi-Region keys)' },
    { name: 'description', type: 'VARCHAR', description: 'Key description' },
    { name: 'key_manager', type: 'VARCHAR', description: 'CUSTOMER (you manage it) or AWS (an AWS service created it)' },
    { name: 'key_state', type: 'VARCHAR', description: 'Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, …' },
    { name: 'key_spec', type: 'VARCHAR', description: 'SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256, …' },
    { name: 'key_usage', type: 'VARCHAR', description: 'ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT' },
    { name: 'origin', type: 'VARCHAR', description: 'AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM or EXTERNAL_KEY_STORE' },
    { name: 'multi_region', type: 'BOOLEAN', description: 'True for a multi-Region key' },
    { name: 'enabled', type: 'BOOLEAN', description: 'DescribeKey Enabled' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the key was created' },
    { name: 'deletion_date', type: 'TIMESTAMP', description: 'When a key pending deletion will be deleted' },
    { name: 'rotation_enabled', type: 'BOOLEAN', description: 'GetKeyRotationStatus; asked only for enabled customer-managed symmetric keys with KMS-generated material, NULL otherwise' },
    { name: 'rotation_period_in_days', type: 'INTEGER', description: 'Automatic rotation period, when rotation is on' },
  ],
});


export const awsKmsKeyPolicies = defineTable({
  name: 'aws_kms_key_policies',
  description: "One row per KMS key of the region: its key policy (GetKeyPolicy 'default', the only policy name KMS has)",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Key ARN' },
    { name: 'key_id', type: 'VARCHAR', description: 'Key id' },
    ...resourcePolicyColumns,
  ],
});

export const tables: TableDef[] = [awsKmsKeys, awsKmsKeyPolicies];
