import { awsIamCredentialReport } from '../../schema/iam.js';
import type { Collector } from '../types.js';
import { credentialReportOf, type CredentialReportOptions } from './credential-report-source.js';

export type { CredentialReportOptions } from './credential-report-source.js';

/** aws_iam_credential_report: the report as AWS wrote it (shared with the users and access-key collectors). */
export function credentialReportCollector(options: CredentialReportOptions = {}): Collector {
  return {
    service: 'iam',
    name: 'credential-report',
    scope: 'global',
    tables: [awsIamCredentialReport],
    async collect(ctx) {
      const report = await credentialReportOf(ctx, options);
      return { [awsIamCredentialReport.name]: report.rows };
    },
  };
}
