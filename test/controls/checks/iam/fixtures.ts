import type { Database } from '../../../../schema/db.js';
import { seed } from '../../../support/checks.js';

export const acct = '111111111111';
export const other = '222222222222';

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export async function seedAccounts(db: Database, ...ids: string[]): Promise<void> {
  await seed(db, 'aws_accounts', ids.map((id) => ({ account_id: id, arn: `arn:aws:::${id}`, partition: 'aws' })));
}

export const userArn = (name: string, account = acct) => `arn:aws:iam::${account}:user/${name}`;
