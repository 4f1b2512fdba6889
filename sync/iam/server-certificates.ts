import { IAMClient, paginateListServerCertificates, type ServerCertificateMetadata } from '@aws-sdk/client-iam';
import { awsIamServerCertificates } from '../../schema/iam.js';
import type { Collector } from '../types.js';

export const serverCertificatesCollector: Collector = {
  service: 'iam',
  name: 'server-certificates',
  scope: 'global',
  tables: [awsIamServerCertificates],
  async collect(ctx) {
    const certs: ServerCertificateMetadata[] = [];
    for await (const page of paginateListServerCertificates({ client: ctx.client(IAMClient) }, {})) certs.push(...(page.ServerCertificateMetadataList ?? []));
    return {
      [awsIamServerCertificates.name]: certs.map((c) => ({
        arn: c.Arn,
        server_certificate_name: c.ServerCertificateName,
        server_certificate_id: c.ServerCertificateId,
        path: c.Path,
        upload_date: c.UploadDate ?? null,
        expiration: c.Expiration ?? null,
        raw: c,
      })),
    };
  },
};
