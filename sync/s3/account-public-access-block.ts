import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { awsS3AccountPublicAccessBlocks } from '../../schema/s3.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/**
 * aws_s3_account_public_access_blocks: always one row per account. NoSuchPublicAccessBlockConfiguration is the
 * fact "nothing blocked at account level" (configured = false); any other failure fails the scope.
 */
export const accountPublicAccessBlockCollector: Collector = {
  service: 's3',
  name: 'account-public-access-block',
  scope: 'global',
  tables: [awsS3AccountPublicAccessBlocks],
  async collect(ctx) {
    const client = ctx.client(S3ControlClient);
    let config: { BlockPublicAcls?: boolean; IgnorePublicAcls?: boolean; BlockPublicPolicy?: boolean; RestrictPublicBuckets?: boolean } | null;
    try {
      const out = await client.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }));
      config = out.PublicAccessBlockConfiguration ?? {};
    } catch (error) {
      if (!isAwsError(error, 'NoSuchPublicAccessBlockConfiguration')) throw error;
      config = null;
    }
    return {
      [awsS3AccountPublicAccessBlocks.name]: [
        {
          configured: config !== null,
          // A configuration that leaves a flag out leaves it off.
          block_public_acls: config ? (config.BlockPublicAcls ?? false) : null,
          ignore_public_acls: config ? (config.IgnorePublicAcls ?? false) : null,
          block_public_policy: config ? (config.BlockPublicPolicy ?? false) : null,
          restrict_public_buckets: config ? (config.RestrictPublicBuckets ?? false) : null,
          raw: { PublicAccessBlockConfiguration: config },
        },
      ],
    };
  },
};
