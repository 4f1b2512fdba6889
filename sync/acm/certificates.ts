import { ACMClient, KeyAlgorithm, paginateListCertificates, type CertificateSummary } from '@aws-sdk/client-acm';
import { awsAcmCertificates } from '../../schema/acm.js';
import type { Collector } from '../types.js';

/**
 * ListCertificates' summaries carry what the checks read (expiry, key algorithm, type, status), so there is no
 * DescribeCertificate per certificate. Without a key-type filter ListCertificates returns only RSA_1024 and
 * RSA_2048 certificates: every key type AWS knows is asked for explicitly, or RSA_4096 and EC certificates would
 * silently be missing.
 */
export const certificatesCollector: Collector = {
  service: 'acm',
  name: 'certificates',
  scope: 'regional',
  tables: [awsAcmCertificates],
  async collect(ctx) {
    const client = ctx.client(ACMClient);
    const certs: CertificateSummary[] = [];
    const filter = { Includes: { keyTypes: Object.values(KeyAlgorithm) }, MaxItems: 1000 };
    for await (const page of paginateListCertificates({ client }, filter)) certs.push(...(page.CertificateSummaryList ?? []));
    const rows = certs.map((c) => ({
      arn: c.CertificateArn ?? null,
      domain_name: c.DomainName ?? null,
      type: c.Type ?? null,
      status: c.Status ?? null,
      key_algorithm: c.KeyAlgorithm ?? null,
      not_before: c.NotBefore ?? null,
      not_after: c.NotAfter ?? null,
      in_use: c.InUse ?? null,
      renewal_eligibility: c.RenewalEligibility ?? null,
      managed_by: c.ManagedBy ?? null,
      raw: c,
    }));
    return { [awsAcmCertificates.name]: rows };
  },
};
