import { defineTable, type TableDef } from './table.js';

export const awsAcmpcaCertificateAuthorities = defineTable({
  name: 'aws_acmpca_certificate_authorities',
  description: 'One row per AWS Private CA certificate authority of the region, deleted ones in their restore period included (ListCertificateAuthorities)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Certificate authority ARN' },
    { name: 'type', type: 'VARCHAR', description: 'ROOT or SUBORDINATE' },
    { name: 'status', type: 'VARCHAR', description: 'CREATING, PENDING_CERTIFICATE, ACTIVE, DELETED, DISABLED, EXPIRED or FAILED' },
    { name: 'usage_mode', type: 'VARCHAR', description: 'GENERAL_PURPOSE or SHORT_LIVED_CERTIFICATE' },
    { name: 'key_algorithm', type: 'VARCHAR', description: 'The CA key’s algorithm (RSA_2048, EC_prime256v1, …)' },
    { name: 'signing_algorithm', type: 'VARCHAR', description: 'The algorithm the CA signs certificates with' },
    { name: 'subject_common_name', type: 'VARCHAR', description: 'Common name of the CA’s subject' },
    { name: 'owner_account', type: 'VARCHAR', description: 'Account that owns the CA (another account for a shared CA)' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the CA was created' },
    { name: 'not_after', type: 'TIMESTAMP', description: 'When the CA certificate expires, once it has one' },
  ],
});

export const tables: TableDef[] = [awsAcmpcaCertificateAuthorities];
