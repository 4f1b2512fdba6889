import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'ssm_document_not_public';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const doc = (name: string, shared: string[] | null) => ({
  arn: `arn:aws:ssm:us-east-1:111111111111:document/${name}`, name, shared_account_ids: shared, is_public: shared === null ? null : shared.includes('all'),
});

describe(id, () => {
  it('fails documents shared with all and documents whose sharing could not be read', async () => {
    await seed(db, 'aws_ssm_documents', [doc('open', ['all']), doc('unknown', null), doc('partner', ['222222222222'])]);
    expect((await checkFindings(db, id)).map((r) => [r.document_name, r.reason])).toEqual([
      ['open', 'SSM document open is shared with every AWS account (public)'],
      ['unknown', 'The sharing permissions of SSM document unknown could not be read'],
    ]);
  });
  it('passes private documents and documents shared with named accounts', async () => {
    await seed(db, 'aws_ssm_documents', [doc('private', []), doc('partner', ['222222222222', '333333333333'])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
