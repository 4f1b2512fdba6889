import { ACMPCAClient, paginateListCertificateAuthorities, type CertificateAuthority } from '@aws-sdk/client-acm-pca';
import { awsAcmpcaCertificateAuthorities } from '../../schema/acmpca.js';
import type { Collector } from '../types.js';

/**
 * ListCertificateAuthorities pages every CA of the region with its type and status: no per-CA call. Without
 * ResourceOwner it lists the CAs the account owns (AWS's default, SELF), which are the ones it can disable.
 */
export const certificateAuthoritiesCollector: Collector = {
  service: 'acmpca',
  name: 'certificate-authorities',
  scope: 'regional',
  tables: [awsAcmpcaCertificateAuthorities],
  async collect(ctx) {
    const client = ctx.client(ACMPCAClient);
    const cas: CertificateAuthority[] = [];
    for await (const page of paginateListCertificateAuthorities({ client }, { MaxResults: 1000 })) {
      if (page.CertificateAuthorities === undefined) throw new Error('[sync] acmpca ListCertificateAuthorities answered without CertificateAuthorities; the answer is incomplete');
      cas.push(...page.CertificateAuthorities);
    }
    return {
      [awsAcmpcaCertificateAuthorities.name]: cas.map((ca) => ({
        arn: ca.Arn ?? null,
        type: ca.Type ?? null,
        status: ca.Status ?? null,
        usage_mode: ca.UsageMode ?? null,
        key_algorithm: ca.CertificateAuthorityConfiguration?.KeyAlgorithm ?? null,
        signing_algorithm: ca.CertificateAuthorityConfiguration?.SigningAlgorithm ?? null,
        subject_common_name: ca.CertificateAuthorityConfiguration?.Subject?.CommonName ?? null,
        owner_account: ca.OwnerAccount ?? null,
        created_at: ca.CreatedAt ?? null,
        not_after: ca.NotAfter ?? null,
        raw: ca,
      })),
    };
  },
};
