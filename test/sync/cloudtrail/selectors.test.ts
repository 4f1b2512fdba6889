import { describe, expect, it } from 'vitest';
import { summariseSelectors, wholeBucketArn } from '../../../sync/cloudtrail/selectors.js';

// Shapes moto cannot return (it never echoes AWS's default selector, and accepts few advanced fields) are
// exercised here on the pure interpretation; the moto test covers the wire path.
describe('summariseSelectors', () => {
  // AWS always returns a trail's selectors (a new trail has the default one); an empty answer is read literally.
  it('reads an answer with no selectors at all literally: no management events, no data events', () => {
    expect(summariseSelectors([], [], 'aws')).toEqual({
      source: 'none',
      includeManagementEvents: false,
      readWriteType: null,
      excludedManagementEventSources: [],
      s3ObjectWriteArns: [],
      s3ObjectReadArns: [],
    });
  });

  it('reads the default selector AWS returns for a new trail the same way', () => {
    const s = summariseSelectors([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }], [], 'aws');
    expect(s).toMatchObject({ source: 'classic', includeManagementEvents: true, readWriteType: 'All', excludedManagementEventSources: [] });
  });

  it('combines a read-only and a write-only classic selector into All', () => {
    const s = summariseSelectors([{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }], [], 'aws');
    expect(s.readWriteType).toBe('All');
  });

  it('keeps an excluded event source only when every management selector excludes it', () => {
    expect(summariseSelectors([{ ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }], [], 'aws').excludedManagementEventSources).toEqual([
      'kms.amazonaws.com',
      'rdsdata.amazonaws.com',
    ]);
    expect(summariseSelectors([{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }, { ReadWriteType: 'All' }], [], 'aws').excludedManagementEventSources).toEqual([]);
  });

  it('reports no management events for a data-only classic selector', () => {
    const s = summariseSelectors([{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], [], 'aws');
    expect(s).toMatchObject({ includeManagementEvents: false, readWriteType: null, s3ObjectWriteArns: ['arn:aws:s3:::'], s3ObjectReadArns: ['arn:aws:s3:::'] });
  });

  it('keeps whole buckets from classic data resources and drops prefixes inside a bucket and other types', () => {
    const s = summariseSelectors(
      [
        {
          ReadWriteType: 'WriteOnly',
          DataResources: [
            { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::logs/', 'arn:aws:s3:::data/reports/'] },
            { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] },
          ],
        },
      ],
      [],
      'aws',
    );
    expect(s).toMatchObject({ readWriteType: 'WriteOnly', s3ObjectWriteArns: ['arn:aws:s3:::logs/'], s3ObjectReadArns: [] });
  });

  it('reads advanced management selectors with readOnly and excluded sources', () => {
    const s = summariseSelectors(
      [],
      [
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] },
      ],
      'aws',
    );
    expect(s).toMatchObject({ source: 'advanced', includeManagementEvents: true, readWriteType: 'WriteOnly', excludedManagementEventSources: ['kms.amazonaws.com'] });
  });

  it('reads readOnly NotEquals as the other value, and counts a readOnly StartsWith for nothing', () => {
    const management = { Field: 'eventCategory', Equals: ['Management'] };
    expect(summariseSelectors([], [{ FieldSelectors: [management, { Field: 'readOnly', NotEquals: ['true'] }] }], 'aws').readWriteType).toBe('WriteOnly');
    expect(summariseSelectors([], [{ FieldSelectors: [management, { Field: 'readOnly', StartsWith: ['t'] }] }], 'aws')).toMatchObject({ includeManagementEvents: false, readWriteType: null });
  });

  it('counts a selector whose eventCategory is not an Equals for nothing', () => {
    const s = summariseSelectors([], [{ FieldSelectors: [{ Field: 'eventCategory', NotEquals: ['Data'] }] }], 'aws');
    expect(s).toMatchObject({ source: 'advanced', includeManagementEvents: false, readWriteType: null });
  });

  it('ignores advanced selectors narrowed by fields we cannot prove complete', () => {
    const s = summariseSelectors(
      [],
      [
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', Equals: ['iam.amazonaws.com'] }] },
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'eventName', Equals: ['PutObject'] }] },
      ],
      'aws',
    );
    expect(s).toMatchObject({ includeManagementEvents: false, readWriteType: null, s3ObjectWriteArns: [], s3ObjectReadArns: [] });
  });

  it('reads advanced S3 data selectors: every bucket, or whole buckets named by StartsWith, per readOnly', () => {
    const s = summariseSelectors(
      [],
      [
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['true'] }] },
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'readOnly', Equals: ['false'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::logs/', 'arn:aws:s3:::data/x/'] },
          ],
        },
      ],
      'aws',
    );
    expect(s).toMatchObject({ includeManagementEvents: false, s3ObjectReadArns: ['arn:aws:s3:::'], s3ObjectWriteArns: ['arn:aws:s3:::logs/'] });
  });
});

describe('wholeBucketArn', () => {
  it('normalises every-bucket and whole-bucket values and rejects object prefixes', () => {
    expect(wholeBucketArn('arn:aws:s3', 'aws')).toBe('arn:aws:s3:::');
    expect(wholeBucketArn('arn:aws-cn:s3:::', 'aws')).toBe('arn:aws-cn:s3:::');
    expect(wholeBucketArn('arn:aws:s3:::logs', 'aws')).toBe('arn:aws:s3:::logs/');
    expect(wholeBucketArn('arn:aws:s3:::logs/', 'aws')).toBe('arn:aws:s3:::logs/');
    expect(wholeBucketArn('arn:aws:s3:::logs/AWSLogs/', 'aws')).toBeNull();
  });
});
