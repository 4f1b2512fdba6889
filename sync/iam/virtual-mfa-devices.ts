import { IAMClient, paginateListVirtualMFADevices, type VirtualMFADevice } from '@aws-sdk/client-iam';
import { awsIamVirtualMfaDevices } from '../../schema/iam.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/**
 * Every virtual MFA device of the account, assigned or not: one paginated ListVirtualMFADevices per sync for this
 * collector and the users' MFA serials (user-credentials.ts), SyncContext.shared.
 */
export function virtualMfaDevices(ctx: SyncContext): Promise<VirtualMFADevice[]> {
  return ctx.shared('ListVirtualMFADevices', () => allItems(paginateListVirtualMFADevices({ client: ctx.client(IAMClient) }, { AssignmentStatus: 'Any' }), (p) => p.VirtualMFADevices));
}

/** Every virtual MFA device, assigned or not; the root user's is how CIS 1.6 tells virtual from hardware MFA. */
export const virtualMfaDevicesCollector: Collector = {
  service: 'iam',
  name: 'virtual-mfa-devices',
  scope: 'global',
  tables: [awsIamVirtualMfaDevices],
  async collect(ctx) {
    const devices = await virtualMfaDevices(ctx);
    return {
      [awsIamVirtualMfaDevices.name]: devices.map((d) => {
        // The seed and QR code are secrets (AWS returns them only at creation; moto on every list): never store them.
        const { Base32StringSeed: _seed, QRCodePNG: _qr, ...safe } = d;
        const userArn = d.User?.Arn ?? null;
        return {
          serial_number: d.SerialNumber,
          user_arn: userArn,
          user_name: d.User?.UserName ?? null,
          is_root: userArn !== null && userArn.endsWith(':root'),
          enable_date: d.EnableDate ?? null,
          raw: safe,
        };
      }),
    };
  },
};
