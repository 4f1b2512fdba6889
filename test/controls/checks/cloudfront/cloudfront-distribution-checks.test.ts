import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const arn = (id: string) => `arn:aws:cloudfront::111111111111:distribution/${id}`;
/** A distribution whose configuration was read and passes every CloudFront check, unless `extra` says otherwise. */
const dist = (id: string, extra: Row = {}): Row => ({
  arn: arn(id), id, domain_name: `${id.toLowerCase()}.cloudfront.net`, config_read: true, default_root_object: 'index.html',
  cloudfront_default_certificate: false, acm_certificate_arn: 'arn:aws:acm:us-east-1:111111111111:certificate/1', ssl_support_method: 'sni-only',
  origin_group_count: 1, failover_origin_groups: ['failover'], ...extra,
});
const unread = (id: string): Row => ({ arn: arn(id), id, config_read: false });
const behavior = (id: string, path: string, policy: string | null): Row => ({
  distribution_arn: arn(id), distribution_id: id, is_default: path === '*', path_pattern: path, target_origin_id: 'o', viewer_protocol_policy: policy,
});
const origin = (id: string, originId: string, extra: Row): Row => ({ distribution_arn: arn(id), distribution_id: id, origin_id: originId, ...extra });
const custom = (id: string, originId: string, policy: string | null, protocols: string[] = ['TLSv1.2']) =>
  origin(id, originId, { origin_type: 'custom', origin_protocol_policy: policy, origin_ssl_protocols: protocols });
const reasons = (rows: Row[]) => rows.map((r) => [r.distribution_id, r.reason]);
const notRead = (id: string) => [id, `The configuration of CloudFront distribution ${id} could not be read (sync again)`];

describe('cloudfront_distribution_default_root_object (CloudFront.1)', () => {
  it('fails a distribution without a default root object, and one whose configuration was not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1', { default_root_object: '' }), unread('E2'), dist('E3')]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_default_root_object'))).toEqual([
      ['E1', 'CloudFront distribution E1 (e1.cloudfront.net) has no default root object'], notRead('E2'),
    ]);
  });
  it('passes a distribution with a default root object', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E3')]);
    expect(await checkFindings(db, 'cloudfront_distribution_default_root_object')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_default_root_object')).toEqual([]);
  });
});

describe('cloudfront_distribution_viewer_https_required (CloudFront.3)', () => {
  it('fails allow-all on the default or any path behavior, a policy not reported, no behavior reported, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), dist('E2'), dist('E3'), unread('E4'), dist('E5')]);
    await seed(db, 'aws_cloudfront_cache_behaviors', [
      behavior('E1', '*', 'allow-all'), behavior('E1', '/api/*', 'https-only'),
      behavior('E2', '*', 'redirect-to-https'), behavior('E2', '/img/*', 'allow-all'), behavior('E2', '/raw/*', null),
      behavior('E5', '*', 'https-only'),
    ]);
    const rows = await checkFindings(db, 'cloudfront_distribution_viewer_https_required');
    expect(reasons(rows)).toEqual([
      ['E1', 'CloudFront distribution E1 lets viewers use HTTP (allow-all, or a policy not reported) on cache behavior(s) *'],
      ['E2', 'CloudFront distribution E2 lets viewers use HTTP (allow-all, or a policy not reported) on cache behavior(s) /img/*, /raw/*'],
      ['E3', 'No cache behavior of CloudFront distribution E3 was reported (sync again)'],
      notRead('E4'),
    ]);
    expect(rows[1]!.http_path_patterns).toEqual(['/img/*', '/raw/*']);
  });
  it('passes https-only and redirect-to-https on every behavior', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1')]);
    await seed(db, 'aws_cloudfront_cache_behaviors', [behavior('E1', '*', 'redirect-to-https'), behavior('E1', '/api/*', 'https-only')]);
    expect(await checkFindings(db, 'cloudfront_distribution_viewer_https_required')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_viewer_https_required')).toEqual([]);
  });
});

describe('cloudfront_distribution_origin_failover (CloudFront.4)', () => {
  it('fails a distribution without an origin group, one whose groups lack two origins, and one not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [
      dist('E1', { origin_group_count: 0, failover_origin_groups: [] }), dist('E2', { origin_group_count: 1, failover_origin_groups: [] }), unread('E3'), dist('E4'),
    ]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_origin_failover'))).toEqual([
      ['E1', 'CloudFront distribution E1 has no origin group (no origin failover)'],
      ['E2', 'No origin group of CloudFront distribution E2 has two origins (no origin failover)'],
      notRead('E3'),
    ]);
  });
  it('passes a distribution with a two-origin group', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E4')]);
    expect(await checkFindings(db, 'cloudfront_distribution_origin_failover')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_origin_failover')).toEqual([]);
  });
});

describe('cloudfront_distribution_custom_certificate (CloudFront.7)', () => {
  it('fails the default certificate, a custom flag without a certificate, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [
      dist('E1', { cloudfront_default_certificate: true, acm_certificate_arn: null }), dist('E2', { acm_certificate_arn: null }), unread('E3'), dist('E4'),
    ]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_custom_certificate'))).toEqual([
      ['E1', 'CloudFront distribution E1 serves the default *.cloudfront.net certificate'],
      ['E2', 'CloudFront distribution E2 reports no ACM or IAM certificate'],
      notRead('E3'),
    ]);
  });
  it('passes an ACM or an IAM certificate', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E4'), dist('E5', { acm_certificate_arn: null, iam_certificate_id: 'ASCAEXAMPLE' })]);
    expect(await checkFindings(db, 'cloudfront_distribution_custom_certificate')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_custom_certificate')).toEqual([]);
  });
});

describe('cloudfront_distribution_sni_enabled (CloudFront.8)', () => {
  it('fails a custom certificate on dedicated IPs (vip, static-ip) or with no method reported, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [
      dist('E1', { ssl_support_method: 'vip' }), dist('E2', { ssl_support_method: 'static-ip' }), dist('E3', { ssl_support_method: null }), unread('E4'),
    ]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_sni_enabled'))).toEqual([
      ['E1', 'CloudFront distribution E1 serves its custom certificate with SSL support method vip, not sni-only'],
      ['E2', 'CloudFront distribution E2 serves its custom certificate with SSL support method static-ip, not sni-only'],
      ['E3', 'CloudFront distribution E3 serves its custom certificate with SSL support method not reported, not sni-only'],
      notRead('E4'),
    ]);
  });
  it('passes sni-only and leaves distributions on the default certificate out', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), dist('E2', { cloudfront_default_certificate: true, acm_certificate_arn: null, ssl_support_method: 'vip' })]);
    expect(await checkFindings(db, 'cloudfront_distribution_sni_enabled')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_sni_enabled')).toEqual([]);
  });
});

describe('cloudfront_distribution_custom_origin_https (CloudFront.9)', () => {
  it('fails http-only, match-viewer beside an allow-all behavior, a policy not reported, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), dist('E2'), unread('E3')]);
    await seed(db, 'aws_cloudfront_origins', [custom('E1', 'plain', 'http-only'), custom('E1', 'unknown', null), custom('E2', 'mirror', 'match-viewer')]);
    await seed(db, 'aws_cloudfront_cache_behaviors', [behavior('E1', '*', 'https-only'), behavior('E2', '*', 'https-only'), behavior('E2', '/x/*', 'allow-all')]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_custom_origin_https'))).toEqual([
      ['E1', 'CloudFront distribution E1 may reach custom origin(s) over HTTP: plain (http-only), unknown (policy not reported)'],
      ['E2', 'CloudFront distribution E2 may reach custom origin(s) over HTTP: mirror (match-viewer)'],
      notRead('E3'),
    ]);
  });
  it('passes https-only, match-viewer when viewers must use HTTPS, and leaves S3 origins out', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1')]);
    await seed(db, 'aws_cloudfront_origins', [custom('E1', 'secure', 'https-only'), custom('E1', 'mirror', 'match-viewer'), origin('E1', 'bucket', { origin_type: 's3' })]);
    await seed(db, 'aws_cloudfront_cache_behaviors', [behavior('E1', '*', 'redirect-to-https')]);
    expect(await checkFindings(db, 'cloudfront_distribution_custom_origin_https')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_custom_origin_https')).toEqual([]);
  });
});

describe('cloudfront_distribution_no_sslv3_to_origins (CloudFront.10)', () => {
  it('fails a custom origin offering SSLv3, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), unread('E2')]);
    await seed(db, 'aws_cloudfront_origins', [custom('E1', 'legacy', 'https-only', ['SSLv3', 'TLSv1.2']), custom('E1', 'modern', 'https-only')]);
    const rows = await checkFindings(db, 'cloudfront_distribution_no_sslv3_to_origins');
    expect(reasons(rows)).toEqual([['E1', 'CloudFront distribution E1 offers SSLv3 to custom origin(s) legacy'], notRead('E2')]);
    expect(rows[0]!.origins).toEqual(['legacy']);
  });
  it('passes TLS-only origins (TLSv1 and TLSv1.1 are not this control)', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1')]);
    await seed(db, 'aws_cloudfront_origins', [custom('E1', 'old', 'https-only', ['TLSv1', 'TLSv1.1']), origin('E1', 'bucket', { origin_type: 's3' })]);
    expect(await checkFindings(db, 'cloudfront_distribution_no_sslv3_to_origins')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_no_sslv3_to_origins')).toEqual([]);
  });
});

describe('cloudfront_distribution_s3_origin_access_control (CloudFront.13)', () => {
  it('fails an S3 origin without OAC (a legacy OAI alone included), an origin of unreported kind, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), unread('E2')]);
    await seed(db, 'aws_cloudfront_origins', [
      origin('E1', 'oai', { origin_type: 's3', origin_access_identity: 'origin-access-identity/cloudfront/E1OAI' }),
      origin('E1', 'open', { origin_type: 's3' }),
      origin('E1', 'unknown', { origin_type: null }),
      origin('E1', 'signed', { origin_type: 's3', origin_access_control_id: 'E2OAC' }),
    ]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_s3_origin_access_control'))).toEqual([
      ['E1', 'CloudFront distribution E1 has S3 origin(s) without origin access control: oai (legacy OAI only), open, unknown (origin kind not reported)'],
      notRead('E2'),
    ]);
  });
  it('passes S3 origins with OAC and leaves custom origins (S3 website endpoints included) out', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1')]);
    await seed(db, 'aws_cloudfront_origins', [
      origin('E1', 'signed', { origin_type: 's3', origin_access_control_id: 'E2OAC' }),
      custom('E1', 'website', 'http-only'),
    ]);
    expect(await checkFindings(db, 'cloudfront_distribution_s3_origin_access_control')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_s3_origin_access_control')).toEqual([]);
  });
});

describe('cloudfront_distribution_s3_origin_bucket_exists (CloudFront.12)', () => {
  const s3 = (id: string, originId: string, bucket: string | null, exists: boolean | null) =>
    origin(id, originId, { origin_type: 's3', domain_name: bucket ? `${bucket}.s3.amazonaws.com` : 'odd.example.com', s3_bucket_name: bucket, s3_bucket_exists: exists });
  it('fails a missing bucket, undecided existence, an unnamed bucket, an origin of unreported kind, and a configuration not read', async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1'), dist('E2'), unread('E3')]);
    await seed(db, 'aws_cloudfront_origins', [
      s3('E1', 'a-gone', 'gone-bucket', false), s3('E1', 'b-unsure', 'unsure-bucket', null), s3('E1', 'c-odd', null, null),
      origin('E2', 'mystery', { origin_type: null }), s3('E2', 'kept', 'kept-bucket', true),
    ]);
    expect(reasons(await checkFindings(db, 'cloudfront_distribution_s3_origin_bucket_exists'))).toEqual([
      ['E1', 'CloudFront distribution E1 has S3 origin(s) without an existing bucket: a-gone (bucket gone-bucket does not exist), '
        + 'b-unsure (existence of bucket unsure-bucket not determined), c-odd (no bucket in odd.example.com)'],
      ['E2', 'CloudFront distribution E2 has S3 origin(s) without an existing bucket: mystery (origin kind not reported)'],
      notRead('E3'),
    ]);
  });
  it("passes existing buckets (another account's included) and leaves custom origins out", async () => {
    await seed(db, 'aws_cloudfront_distributions', [dist('E1')]);
    await seed(db, 'aws_cloudfront_origins', [s3('E1', 'mine', 'my-bucket', true), s3('E1', 'theirs', 'their-bucket', true), custom('E1', 'site', 'https-only')]);
    expect(await checkFindings(db, 'cloudfront_distribution_s3_origin_bucket_exists')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudfront_distribution_s3_origin_bucket_exists')).toEqual([]);
  });
});
