import { EC2Client, GetEbsDefaultKmsKeyIdCommand, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { awsEc2EbsEncryptionDefaults } from '../../schema/ec2.js';
import type { Collector } from '../types.js';

/**
 * aws_ec2_ebs_encryption_defaults: one row per account and region, always. A failed
 * GetEbsEncryptionByDefault fails the scope (the check then reports ERROR). The default key is evidence no
 * check reads, so a failed GetEbsDefaultKmsKeyId is reported in sync_errors under a column-qualified table
 * name ('…ebs_encryption_defaults.kms_key_id') that leaves the table's scope clean: the enabled flag is known.
 */
export const ebsEncryptionDefaultsCollector: Collector = {
  service: 'ec2',
  name: 'ebs-encryption-defaults',
  scope: 'regional',
  tables: [awsEc2EbsEncryptionDefaults],
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    const out = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
    const enabled = out.EbsEncryptionByDefault ?? false;
    let kms: { KmsKeyId?: string } | null = null;
    // The key only matters while encryption by default is on: new volumes are not encrypted otherwise.
    if (enabled) {
      try {
        const { $metadata: _, ...rest } = await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
        kms = rest;
      } catch (error) {
        ctx.itemError(error, { operation: 'GetEbsDefaultKmsKeyId', table: `${awsEc2EbsEncryptionDefaults.name}.kms_key_id`, resourceId: ctx.region });
      }
    }
    return {
      [awsEc2EbsEncryptionDefaults.name]: [
        {
          enabled,
          kms_key_id: kms?.KmsKeyId ?? null,
          raw: { EbsEncryptionByDefault: enabled, ...(kms ? { KmsKeyId: kms.KmsKeyId ?? null } : {}) },
        },
      ],
    };
  },
};
