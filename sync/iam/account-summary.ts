import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { awsIamAccountSummaries } from '../../schema/iam.js';
import type { Collector } from '../types.js';

/** GetAccountSummary: one row per account; the root user's MFA and access-key flags live here. */
export const accountSummaryCollector: Collector = {
  service: 'iam',
  name: 'account-summary',
  scope: 'global',
  tables: [awsIamAccountSummaries],
  async collect(ctx) {
    const map: Record<string, number | undefined> = (await ctx.client(IAMClient).send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    const flag = (k: string) => (map[k] === undefined ? null : map[k]! > 0);
    const count = (k: string) => map[k] ?? null;
    return {
      [awsIamAccountSummaries.name]: [
        {
          account_mfa_enabled: flag('AccountMFAEnabled'),
          account_access_keys_present: flag('AccountAccessKeysPresent'),
          account_signing_certificates_present: flag('AccountSigningCertificatesPresent'),
          users: count('Users'),
          groups: count('Groups'),
          roles: count('Roles'),
          policies: count('Policies'),
          mfa_devices: count('MFADevices'),
          mfa_devices_in_use: count('MFADevicesInUse'),
          raw: map,
        },
      ],
    };
  },
};
