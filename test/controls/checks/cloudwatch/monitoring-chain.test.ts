import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { account, seedChain } from './chain-fixture.js';

// Every link of the 4.x chain, shown on 4.5 (CloudTrail changes), against the real check SQL.
const id = 'cloudwatch_alarm_cloudtrail_changes';
const trailNames = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'];
const cis = `{ ${trailNames.map((n) => `($.eventName = ${n})`).join(' || ')} }`;
const closest = 'The closest metric filter on the trail log group, cloudtrail/all:cis, ';
const alarmSays = 'The alarm cis on the metric of cloudtrail/all:cis ';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const reasons = async () => (await checkFindings(db, id)).map((r) => r.reason);

describe('the metric filter', () => {
  it('passes any spacing and quoting', async () => {
    await seedChain(db, { pattern: `{($.eventName="StopLogging")||($.eventName = 'StartLogging') ||  ( $.eventName =DeleteTrail )||($.eventName=UpdateTrail)||($.eventName = "CreateTrail")}` });
    expect(await reasons()).toEqual([]);
  });

  it('passes extra terms that every required event satisfies', async () => {
    await seedChain(db, { pattern: `{ (${cis.slice(2, -2)}) && ($.userIdentity.type != "AWSService") && ($.eventSource = cloudtrail.amazonaws.com) }` });
    expect(await reasons()).toEqual([]);
  });

  it('passes a wildcard that catches the required name, and ?term alternatives', async () => {
    await seedChain(db, { pattern: `{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = St*Logging) }` });
    expect(await reasons()).toEqual([]);
    db = await memoryDb();
    await seedChain(db, { pattern: trailNames.map((n) => `?${n}`).join(' ') });
    expect(await reasons()).toEqual([]);
  });

  it('fails a filter that adds a term no required event satisfies', async () => {
    await seedChain(db, { pattern: `{ (${cis.slice(2, -2)}) && ($.eventSource = "kms.amazonaws.com") }` });
    expect(await reasons()).toEqual([`${closest}does not match ${trailNames.map((n) => `eventName ${n}`).join(', ')}`]);
  });

  it('fails a filter that ANDs two values of eventName, which no event has', async () => {
    await seedChain(db, { pattern: `{ ${trailNames.map((n) => `($.eventName = ${n})`).join(' && ')} }` });
    expect(await reasons()).toEqual([`${closest}does not match ${trailNames.map((n) => `eventName ${n}`).join(', ')}`]);
  });

  it('does not take a longer event name for the required one', async () => {
    await seedChain(db, { pattern: `{ ${trailNames.slice(0, 4).map((n) => `($.eventName = ${n})`).join(' || ')} || ($.eventName = StopLoggingX) }` });
    expect(await reasons()).toEqual([`${closest}does not match eventName StopLogging`]);
  });

  it('fails a filter matching every event: its alarm would sit in ALARM', async () => {
    await seedChain(db, { pattern: '' });
    expect(await reasons()).toEqual([`${closest}also matches routine traffic (successful read calls or console sign-ins with MFA), so an alarm on it sits in ALARM and never notifies`]);
  });

  it('fails a pattern AWS would not parse, and a space-delimited one, saying why', async () => {
    await seedChain(db, { pattern: '{ ($.eventName = CreateTrail) || }' });
    expect((await reasons())[0]).toMatch(/^The closest metric filter on the trail log group, cloudtrail\/all:cis, is not a valid filter pattern \(expected a selector starting with \$/);
    db = await memoryDb();
    await seedChain(db, { pattern: '[version, account, eventName = CreateTrail, ...]' });
    expect(await reasons()).toEqual([`${closest}is a space-delimited pattern, which does not read CloudTrail's JSON events`]);
  });

  it('fails a filter stored before Calabi analysed patterns, asking for a new sync', async () => {
    await seedChain(db, { pattern: cis });
    await db.run('UPDATE aws_logs_metric_filters SET covers = NULL');
    expect(await reasons()).toEqual([`${closest}was synced before Calabi analysed filter patterns; sync again`]);
  });

  it('names the closest of two equally close filters by filter id, every time', async () => {
    await seedChain(db, { pattern: '{ $.eventName = CreateTrail }' });
    await seed(db, 'aws_logs_metric_filters', [{ ...(await db.all('SELECT * FROM aws_logs_metric_filters'))[0], filter_id: 'cloudtrail/all:a-first', filter_name: 'a-first' }]);
    for (let i = 0; i < 3; i++) {
      expect(await reasons()).toEqual(['The closest metric filter on the trail log group, cloudtrail/all:a-first, does not match eventName UpdateTrail, eventName DeleteTrail, eventName StartLogging, eventName StopLogging']);
    }
  });
});

describe('the alarm', () => {
  it('passes Sum >= 1, Sum > 0 and SampleCount > 0 over one period', async () => {
    for (const alarm of [{}, { comparison_operator: 'GreaterThanThreshold', threshold: 0 }, { statistic: 'SampleCount', comparison_operator: 'GreaterThanThreshold', threshold: 0 }]) {
      db = await memoryDb();
      await seedChain(db, { pattern: cis, alarm });
      expect(await reasons(), JSON.stringify(alarm)).toEqual([]);
    }
  });

  it('fails Sum > 1: one event of value 1 never exceeds it', async () => {
    await seedChain(db, { pattern: cis, alarm: { comparison_operator: 'GreaterThanThreshold', threshold: 1 } });
    expect(await reasons()).toEqual([`${alarmSays}gets Sum = 1 from one event, which is not greater than its threshold 1`]);
  });

  it('fails a LessThan comparison', async () => {
    await seedChain(db, { pattern: cis, alarm: { comparison_operator: 'LessThanThreshold', threshold: 5 } });
    expect(await reasons()).toEqual([`${alarmSays}compares with LessThanThreshold, so more matching events do not make it fire`]);
  });

  it('fails an anomaly-detection alarm and one without a static threshold', async () => {
    await seedChain(db, { pattern: cis, alarm: { comparison_operator: 'GreaterThanUpperThreshold', threshold: null } });
    expect(await reasons()).toEqual([`${alarmSays}compares with GreaterThanUpperThreshold, so more matching events do not make it fire`]);
    db = await memoryDb();
    await seedChain(db, { pattern: cis, alarm: { threshold: null } });
    expect(await reasons()).toEqual([`${alarmSays}has no static threshold, so whether one event breaches it is unknown`]);
  });

  it('fails an alarm that needs two breaching periods, and one that treats missing data as breaching', async () => {
    await seedChain(db, { pattern: cis, alarm: { evaluation_periods: 3, datapoints_to_alarm: 2 } });
    expect(await reasons()).toEqual([`${alarmSays}needs 2 breaching periods, and one event breaches one`]);
    db = await memoryDb();
    await seedChain(db, { pattern: cis, alarm: { treat_missing_data: 'breaching' } });
    expect(await reasons()).toEqual([`${alarmSays}treats missing data as breaching, so it sits in ALARM while nothing happens and a new event changes nothing`]);
  });

  it('fails an alarm on dimensions the filter does not publish', async () => {
    await seedChain(db, { pattern: cis, alarm: { dimensions: [{ Name: 'Account', Value: account }] } });
    expect(await reasons()).toEqual([`${alarmSays}watches dimensions [{"Name":"Account","Value":"${account}"}] that the filter does not publish, so it never sees a datapoint`]);
  });

  it('fails a filter whose metric value comes from the event, or is zero', async () => {
    await seedChain(db, { pattern: cis, metric: { metricValue: '$.count' } });
    expect(await reasons()).toEqual([`${alarmSays}publishes $.count per event, not a fixed number, so one event may not reach its threshold`]);
    db = await memoryDb();
    await seedChain(db, { pattern: cis, metric: { metricValue: '0' } });
    expect(await reasons()).toEqual([`${alarmSays}publishes 0 per event, so matching events never raise the metric`]);
  });

  it('fails an alarm asking for another unit than the filter publishes', async () => {
    await seedChain(db, { pattern: cis, alarm: { unit: 'Seconds' } });
    expect(await reasons()).toEqual([`${alarmSays}asks for unit Seconds but the filter publishes None`]);
  });

  it('fails an alarm whose actions are disabled', async () => {
    await seedChain(db, { pattern: cis, alarm: { actions_enabled: false } });
    expect(await reasons()).toEqual([`${alarmSays}has its actions disabled`]);
  });

  it('fails when no alarm watches the metric, or only one in another namespace or region', async () => {
    const none = ['No CloudWatch alarm watches the metric of the matching filter (CISBenchmark/CisMetric)'];
    for (const alarm of [null, { namespace: 'Other' }, { region: 'eu-west-1' }]) {
      db = await memoryDb();
      await seedChain(db, { pattern: cis, alarm });
      expect(await reasons()).toEqual(none);
    }
  });
});

describe('the topic', () => {
  const unheard = ["No alarm that fires on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: cis)"];
  it('fails when the topic has no subscriber', async () => {
    await seedChain(db, { pattern: cis, subscription: null });
    expect(await reasons()).toEqual(unheard);
  });

  it('fails when the only subscription is pending confirmation', async () => {
    await seedChain(db, { pattern: cis, subscription: { subscription_arn: 'PendingConfirmation', confirmed: false } });
    expect(await reasons()).toEqual(unheard);
  });
});

describe('the trail', () => {
  const noTrail = ['No multi-region trail that is logging and records all read and write management events'];
  it.each([
    ['not multi-region', { is_multi_region: false }],
    ['not logging', { is_logging: false }],
    ['write-only', { read_write_type: 'WriteOnly' }],
    ['leaving out an event source', { excluded_management_event_sources: ['kms.amazonaws.com'] }],
    ['with an empty event-selector answer', { selectors_source: 'none', include_management_events: false, read_write_type: null }],
  ])('fails when the trail is %s', async (_what, trail) => {
    await seedChain(db, { pattern: cis, trail });
    expect(await reasons()).toEqual(noTrail);
  });

  it('fails when the compliant trail delivers to no log group', async () => {
    await seedChain(db, { pattern: cis, trail: { cloudwatch_logs_log_group_arn: null } });
    expect(await reasons()).toEqual(['No multi-region, logging, all-management-events trail delivers to a CloudWatch Logs group']);
  });

  it('fails when the filter sits on a log group the trail does not deliver to', async () => {
    await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
    await seedChain(db, { pattern: cis, trail: { cloudwatch_logs_log_group_arn: `arn:aws:logs:us-east-1:${account}:log-group:other:*` } });
    expect(await reasons()).toEqual([`The trail log group arn:aws:logs:us-east-1:${account}:log-group:other:* has no metric filter`]);
  });

  it('says so when the trail log group is in a region the sync did not scan', async () => {
    await seed(db, 'aws_regions', [{ region: 'eu-west-1' }]);
    await seedChain(db, { pattern: cis, trail: { cloudwatch_logs_log_group_arn: `arn:aws:logs:ap-south-1:${account}:log-group:trail:*` } });
    expect(await reasons()).toEqual([
      `The trail log group arn:aws:logs:ap-south-1:${account}:log-group:trail:* is in an account or region this sync did not cover, so its metric filters are unknown; sync it`,
    ]);
  });

  it('passes when a compliant trail delivers even though another trail does not qualify', async () => {
    await seedChain(db, { pattern: cis });
    await seed(db, 'aws_cloudtrail_trails', [{ arn: `arn:aws:cloudtrail:eu-west-1:${account}:trail/local`, name: 'local', region: 'eu-west-1', is_multi_region: false, is_logging: false }]);
    expect(await reasons()).toEqual([]);
  });

  it('reports each failing account once, and only the failing one', async () => {
    await seedChain(db, { pattern: cis });
    await seed(db, 'aws_accounts', [{ account_id: '222222222222', arn: 'arn:aws:::222222222222', partition: 'aws' }]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([['arn:aws:iam::222222222222:root', 'No CloudTrail trail, so no API activity reaches CloudWatch Logs']]);
  });
});
