import { describe, expect, it } from 'vitest';
import { homeRegion, partitionOf } from '../../../lib/aws/partitions.js';

describe('AWS partitions from the SDK endpoint data', () => {
  it('places each region in its partition, the European sovereign cloud included', () => {
    expect(partitionOf('eusc-de-east-1')).toBe('aws-eusc');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('us-iso-east-1')).toBe('aws-iso');
    expect(partitionOf('us-isob-east-1')).toBe('aws-iso-b');
    expect(partitionOf('eu-isoe-west-1')).toBe('aws-iso-e');
    expect(partitionOf('us-isof-south-1')).toBe('aws-iso-f');
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('us-east-1')).toBe('aws');
  });

  it('places a region not yet in the list by its partition\'s region pattern', () => {
    expect(partitionOf('cn-south-9')).toBe('aws-cn');
    expect(partitionOf('us-gov-central-7')).toBe('aws-us-gov');
    expect(partitionOf('eu-south-9')).toBe('aws');
  });

  it('homes global services in the partition\'s own region, never in us-east-1 for another partition', () => {
    expect(homeRegion('aws', 'eu-west-1')).toBe('us-east-1');
    expect(homeRegion('aws-us-gov', 'us-gov-east-1')).toBe('us-gov-west-1');
    expect(homeRegion('aws-cn', 'cn-north-1')).toMatch(/^cn-/);
    expect(homeRegion('aws-eusc', 'eusc-de-east-1')).toBe('eusc-de-east-1');
    expect(homeRegion('aws-iso', 'us-iso-west-1')).toBe('us-iso-east-1');
    expect(homeRegion('aws-iso-b')).toBe('us-isob-east-1');
  });

  it('answers undefined for a partition the known region is not in and the data cannot name', () => {
    expect(homeRegion('aws-eusc', 'us-east-1')).toBeUndefined();
    expect(homeRegion('aws-nowhere')).toBeUndefined();
  });
});
