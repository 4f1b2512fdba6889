import { defineTable, type TableDef } from './table.js';

export const awsAcmCertificates = defineTable({
  name: 'aws_acm_certificates',
  description: 'One row per ACM certificate of the region, of every key type and status (ListCertificates summaries)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Certificate ARN' },
    { name: 'domain_name', type: 'VARCHAR', description: 'Primary domain name' },
    { name: 'type', type: 'VARCHAR', description: 'AMAZON_ISSUED, IMPORTED or PRIVATE' },
    { name: 'status', type: 'VARCHAR', description: 'PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED or FAILED' },
    { name: 'key_algorithm', type: 'VARCHAR', description: 'RSA_1024, RSA_2048, RSA_3072, RSA_4096, EC_prime256v1, EC_secp384r1 or EC_secp521r1' },
    { name: 'not_before', type: 'TIMESTAMP', description: 'Start of validity' },
    { name: 'not_after', type: 'TIMESTAMP', description: 'End of validity; NULL for a certificate never issued' },
    { name: 'in_use', type: 'BOOLEAN', description: 'True when an AWS resource (load balancer, distribution, …) uses it' },
    { name: 'renewal_eligibility', type: 'VARCHAR', description: 'ELIGIBLE or INELIGIBLE for ACM managed renewal' },
    { name: 'managed_by', type: 'VARCHAR', description: 'Service that manages the certificate (CLOUDFRONT), when one does' },
  ],
});

export const tables: TableDef[] = [awsAcmCertificates];
