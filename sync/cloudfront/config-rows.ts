import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import type { Row } from '../../schema/db.js';
import { bucketOfS3Origin } from './s3-origin-buckets.js';

/** One row per origin of a distribution's configuration (aws_cloudfront_origins); S3 bucket existence is added later. */
export function originRows(arn: string, id: string, config: DistributionConfig): Row[] {
  return (config.Origins?.Items ?? []).map((o) => ({
    distribution_arn: arn,
    distribution_id: id,
    origin_id: o.Id ?? null,
    domain_name: o.DomainName ?? null,
    // The kind is the configuration block AWS returned, not the domain's shape: an S3 website endpoint is a custom origin.
    origin_type: o.S3OriginConfig ? 's3' : o.VpcOriginConfig ? 'vpc' : o.CustomOriginConfig ? 'custom' : null,
    origin_protocol_policy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
    origin_ssl_protocols: o.CustomOriginConfig ? (o.CustomOriginConfig.OriginSslProtocols?.Items ?? []) : null,
    origin_access_control_id: o.OriginAccessControlId || null,
    origin_access_identity: o.S3OriginConfig?.OriginAccessIdentity || null,
    s3_bucket_name: o.S3OriginConfig ? bucketOfS3Origin(o.DomainName) : null,
    s3_bucket_exists: null,
    raw: o,
  }));
}

/** The default cache behavior and every other one (aws_cloudfront_cache_behaviors). */
export function cacheBehaviorRows(arn: string, id: string, config: DistributionConfig): Row[] {
  const rows: Row[] = [];
  const d = config.DefaultCacheBehavior;
  if (d) {
    rows.push({
      distribution_arn: arn, distribution_id: id, is_default: true, path_pattern: '*',
      target_origin_id: d.TargetOriginId ?? null, viewer_protocol_policy: d.ViewerProtocolPolicy ?? null, raw: d,
    });
  }
  for (const b of config.CacheBehaviors?.Items ?? []) {
    rows.push({
      distribution_arn: arn, distribution_id: id, is_default: false, path_pattern: b.PathPattern ?? null,
      target_origin_id: b.TargetOriginId ?? null, viewer_protocol_policy: b.ViewerProtocolPolicy ?? null, raw: b,
    });
  }
  return rows;
}
