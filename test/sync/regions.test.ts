import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { SyncSetupError } from '../../sync/errors.js';
import { chooseRegions, enabledRegions } from '../../sync/regions.js';

// Canned DescribeRegions answer: moto cannot express a GovCloud caller nor a region the account has not opted into.
const canned = {
  Regions: [
    { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required', Endpoint: 'ec2.us-east-1.amazonaws.com' },
    { RegionName: 'af-south-1', OptInStatus: 'not-opted-in', Endpoint: 'ec2.af-south-1.amazonaws.com' },
    { RegionName: 'ap-east-1', OptInStatus: 'opted-in', Endpoint: 'ec2.ap-east-1.amazonaws.com' },
    { RegionName: 'us-gov-west-1', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'cn-north-1', OptInStatus: 'opt-in-not-required' },
  ],
};
const ec2 = { send: async () => canned } as unknown as EC2Client;

describe('default regions of an account', () => {
  it('scans only the enabled regions of a commercial account, never GovCloud, China or not-opted-in ones', async () => {
    const regions = await enabledRegions(ec2, 'aws');
    expect(regions.map((r) => r.region)).toEqual(['ap-east-1', 'us-east-1']);
  });

  it('scans only GovCloud regions for a GovCloud account, and only China regions for a China account', async () => {
    expect((await enabledRegions(ec2, 'aws-us-gov')).map((r) => r.region)).toEqual(['us-gov-west-1']);
    expect((await enabledRegions(ec2, 'aws-cn')).map((r) => r.region)).toEqual(['cn-north-1']);
  });

  it('keeps European sovereign cloud regions out of a commercial account and in an aws-eusc one', async () => {
    const withEusc = { send: async () => ({ Regions: [...canned.Regions, { RegionName: 'eusc-de-east-1', OptInStatus: 'opt-in-not-required' }] }) } as unknown as EC2Client;
    expect((await enabledRegions(withEusc, 'aws')).map((r) => r.region)).toEqual(['ap-east-1', 'us-east-1']);
    expect((await enabledRegions(withEusc, 'aws-eusc')).map((r) => r.region)).toEqual(['eusc-de-east-1']);
  });

  it('refuses a region the account has not opted into, listing the valid ones', async () => {
    const available = await enabledRegions(ec2, 'aws');
    expect(() => chooseRegions(['af-south-1'], available)).toThrow(SyncSetupError);
    expect(() => chooseRegions(['af-south-1'], available)).toThrow(/af-south-1.*Valid regions for this account: ap-east-1, us-east-1/);
  });
});

describe('an empty DescribeRegions answer', () => {
  const empty = { send: async () => ({ Regions: [] }) } as unknown as EC2Client;

  it('is a setup error that says what the empty answer means, never "Valid regions for this account: ."', async () => {
    const available = await enabledRegions(empty, 'aws');
    for (const requested of [undefined, ['eu-west-1']]) {
      expect(() => chooseRegions(requested, available)).toThrow(SyncSetupError);
      expect(() => chooseRegions(requested, available)).toThrow(/listed no enabled region for this account.*Check that the EC2 endpoint/);
      expect(() => chooseRegions(requested, available)).not.toThrow(/Valid regions for this account: \./);
    }
  });
});
