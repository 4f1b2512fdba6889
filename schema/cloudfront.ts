import { defineTable, type TableDef } from './table.js';

export const awsCloudfrontDistributions = defineTable({
  name: 'aws_cloudfront_distributions',
  description: 'One row per CloudFront distribution of the account (a global service), with its access logging: legacy standard logging to S3 and standard logging v2 (CloudWatch Logs deliveries)',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Distribution ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Distribution id (E…)' },
    { name: 'domain_name', type: 'VARCHAR', description: 'The *.cloudfront.net name' },
    { name: 'aliases', type: 'VARCHAR[]', description: 'Alternate domain names (CNAMEs)' },
    { name: 'enabled', type: 'BOOLEAN', description: 'True when the distribution serves requests' },
    { name: 'status', type: 'VARCHAR', description: 'Deployed or InProgress' },
    { name: 'legacy_logging_enabled', type: 'BOOLEAN', description: 'GetDistributionConfig Logging.Enabled (standard logging to an S3 bucket); NULL when the call failed' },
    { name: 'legacy_logging_bucket', type: 'VARCHAR', description: 'Bucket receiving legacy standard logs' },
    { name: 'legacy_logging_prefix', type: 'VARCHAR', description: 'Key prefix of legacy standard logs' },
    { name: 'v2_log_destinations', type: 'VARCHAR[]', description: 'Destinations of standard logging v2: delivery destination ARNs of CloudWatch Logs deliveries whose source is this distribution (ACCESS_LOGS); NULL when they could not be read' },
    { name: 'access_logging_enabled', type: 'BOOLEAN', description: 'True when either legacy or v2 standard logging delivers access logs; NULL when unknown' },
    { name: 'web_acl_id', type: 'VARCHAR', description: 'AWS WAF web ACL attached, if any' },
    { name: 'config_read', type: 'BOOLEAN', description: 'True when GetDistributionConfig answered; false when it failed (the settings below and the origin and cache behavior rows are then unknown)' },
    { name: 'default_root_object', type: 'VARCHAR', description: "DefaultRootObject: the object served for the root URL; '' when none is set; NULL when not read" },
    { name: 'cloudfront_default_certificate', type: 'BOOLEAN', description: 'ViewerCertificate.CloudFrontDefaultCertificate: true when viewers get the *.cloudfront.net certificate, not a custom one' },
    { name: 'acm_certificate_arn', type: 'VARCHAR', description: 'ViewerCertificate.ACMCertificateArn: the custom certificate from ACM, if any' },
    { name: 'iam_certificate_id', type: 'VARCHAR', description: 'ViewerCertificate.IAMCertificateId: the custom certificate from IAM, if any' },
    { name: 'ssl_support_method', type: 'VARCHAR', description: 'ViewerCertificate.SSLSupportMethod with a custom certificate: sni-only, vip (dedicated IP) or static-ip' },
    { name: 'minimum_protocol_version', type: 'VARCHAR', description: 'ViewerCertificate.MinimumProtocolVersion (the viewer TLS policy)' },
    { name: 'origin_group_count', type: 'INTEGER', description: 'OriginGroups.Quantity: origin groups (failover) configured' },
    { name: 'failover_origin_groups', type: 'VARCHAR[]', description: 'Ids of the origin groups with two or more member origins (a primary and a failover origin)' },
  ],
});

export const awsCloudfrontOrigins = defineTable({
  name: 'aws_cloudfront_origins',
  description: 'One row per origin of each CloudFront distribution (GetDistributionConfig Origins); none when the configuration was not read (aws_cloudfront_distributions.config_read)',
  scope: 'global',
  resourceId: 'distribution_arn',
  columns: [
    { name: 'distribution_arn', type: 'VARCHAR', description: 'Distribution ARN the origin belongs to' },
    { name: 'distribution_id', type: 'VARCHAR', description: 'Distribution id' },
    { name: 'origin_id', type: 'VARCHAR', description: 'Origin id, unique within the distribution' },
    { name: 'domain_name', type: 'VARCHAR', description: 'Origin domain name (bucket.s3.<region>.amazonaws.com, a load balancer, a web server, …)' },
    { name: 'origin_type', type: 'VARCHAR', description: "s3 (S3OriginConfig: a bucket's REST endpoint), custom (CustomOriginConfig, including S3 website endpoints) or vpc (VpcOriginConfig)" },
    { name: 'origin_protocol_policy', type: 'VARCHAR', description: 'CustomOriginConfig.OriginProtocolPolicy: http-only, match-viewer or https-only (custom origins)' },
    { name: 'origin_ssl_protocols', type: 'VARCHAR[]', description: 'CustomOriginConfig.OriginSslProtocols: SSLv3, TLSv1, TLSv1.1, TLSv1.2 (custom origins)' },
    { name: 'origin_access_control_id', type: 'VARCHAR', description: 'OriginAccessControlId: the origin access control (OAC) signing requests to the origin; NULL when none' },
    { name: 'origin_access_identity', type: 'VARCHAR', description: 'S3OriginConfig.OriginAccessIdentity: the legacy origin access identity (OAI); NULL when none' },
    { name: 's3_bucket_name', type: 'VARCHAR', description: "Bucket an S3 origin names (from its REST endpoint DomainName); NULL for other origins or a name of no S3 form" },
    { name: 's3_bucket_exists', type: 'BOOLEAN', description: 'S3 HeadBucket on that bucket: false when S3 answers 404 (no such bucket anywhere), true when it exists (200, or 403/301 for a bucket of another account or region); NULL when not decided' },
  ],
});

export const awsCloudfrontCacheBehaviors = defineTable({
  name: 'aws_cloudfront_cache_behaviors',
  description: 'One row per cache behavior of each CloudFront distribution, the default one included (GetDistributionConfig DefaultCacheBehavior and CacheBehaviors); none when the configuration was not read',
  scope: 'global',
  resourceId: 'distribution_arn',
  columns: [
    { name: 'distribution_arn', type: 'VARCHAR', description: 'Distribution ARN the behavior belongs to' },
    { name: 'distribution_id', type: 'VARCHAR', description: 'Distribution id' },
    { name: 'is_default', type: 'BOOLEAN', description: 'True for the DefaultCacheBehavior' },
    { name: 'path_pattern', type: 'VARCHAR', description: "PathPattern the behavior applies to; '*' for the default behavior" },
    { name: 'target_origin_id', type: 'VARCHAR', description: 'Origin (or origin group) the behavior routes to' },
    { name: 'viewer_protocol_policy', type: 'VARCHAR', description: 'ViewerProtocolPolicy: allow-all, https-only or redirect-to-https' },
  ],
});

export const tables: TableDef[] = [awsCloudfrontDistributions, awsCloudfrontOrigins, awsCloudfrontCacheBehaviors];
