import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const role = 'arn:aws:iam::111111111111:role/SNSFeedback';
const topic = (name: string, roles: Record<string, string> | null): Row => ({ arn: `arn:aws:sns:us-east-1:111111111111:${name}`, name, delivery_status_roles: roles });

describe('sns_topic_delivery_status_logging (SNS.2)', () => {
  it('fails a topic without delivery status logging, one with success logging only, and one whose attributes were not read', async () => {
    await seed(db, 'aws_sns_topics', [
      topic('a-silent', {}),
      topic('b-success-only', { HTTPSuccessFeedbackRoleArn: role }),
      topic('c-unread', null),
      topic('d-logged', { SQSFailureFeedbackRoleArn: role }),
    ]);
    const rows = await checkFindings(db, 'sns_topic_delivery_status_logging');
    expect(rows.map((r) => [r.topic, r.reason])).toEqual([
      ['a-silent', 'SNS topic a-silent logs the delivery status of no protocol (no FailureFeedbackRoleArn)'],
      ['b-success-only', 'SNS topic b-success-only logs the delivery status of no protocol (no FailureFeedbackRoleArn)'],
      ['c-unread', 'The attributes of SNS topic c-unread could not be read (sync again)'],
    ]);
  });

  it('passes a topic logging failed deliveries for any protocol', async () => {
    await seed(db, 'aws_sns_topics', [
      topic('d-logged', { SQSFailureFeedbackRoleArn: role }),
      topic('e-lambda', { LambdaFailureFeedbackRoleArn: role, LambdaSuccessFeedbackRoleArn: role }),
    ]);
    expect(await checkFindings(db, 'sns_topic_delivery_status_logging')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'sns_topic_delivery_status_logging')).toEqual([]);
  });
});
