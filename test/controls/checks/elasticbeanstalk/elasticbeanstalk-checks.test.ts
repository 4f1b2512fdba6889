import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const env = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:elasticbeanstalk:us-east-1:111111111111:environment/shop/${name}`, environment_id: `e-${name}`, name, application_name: 'shop',
  health_reporting_system_type: 'enhanced', stream_logs: true, configuration_read: true, ...extra,
});

interface Case { id: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'elasticbeanstalk_enhanced_health_reporting',
    failing: [
      ['basic', { health_reporting_system_type: 'basic' }, 'Elastic Beanstalk environment basic uses basic health reporting, not enhanced'],
      ['silent', { health_reporting_system_type: null }, 'Elastic Beanstalk environment silent did not report its health reporting system'],
      ['unread', { health_reporting_system_type: null, configuration_read: false }, 'Elastic Beanstalk environment unread did not report its configuration'],
    ],
    passing: [env('prod')] },
  { id: 'elasticbeanstalk_logs_streamed_to_cloudwatch',
    failing: [
      ['local', { stream_logs: false }, 'Elastic Beanstalk environment local does not stream its logs to CloudWatch Logs'],
      ['unread', { stream_logs: null, configuration_read: false }, 'Elastic Beanstalk environment unread did not report its configuration'],
      ['unset', { stream_logs: null }, 'Elastic Beanstalk environment unset does not stream its logs to CloudWatch Logs'],
    ],
    passing: [env('prod')] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the environments that break it, with the reason, and only those', async () => {
    await seed(db, 'aws_elasticbeanstalk_environments', [...c.failing.map(([name, extra]) => env(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.environment_name, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(env(c.failing[0]![0]).arn);
  });
  it('passes environments configured as it asks', async () => {
    await seed(db, 'aws_elasticbeanstalk_environments', c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
