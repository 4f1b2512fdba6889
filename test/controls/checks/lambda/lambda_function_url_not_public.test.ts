import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const fnArn = (name: string) => `arn:aws:lambda:us-east-1:111111111111:function:${name}`;
const url = (name: string, auth: string | null, qualifier = '') => ({
  function_arn: fnArn(name) + qualifier, function_name: name, auth_type: auth, function_url: `https://${name}.lambda-url.us-east-1.on.aws/`,
});
const check = 'lambda_function_url_not_public';

describe(check, () => {
  it('fails a URL without IAM authentication, naming a resource policy that lets anyone invoke, and an alias URL alike', async () => {
    await seed(db, 'aws_lambda_functions', [
      { arn: fnArn('hook'), function_name: 'hook', policy_is_public: true },
      { arn: fnArn('guarded'), function_name: 'guarded', policy_is_public: false },
    ]);
    await seed(db, 'aws_lambda_function_urls', [url('hook', 'NONE'), url('guarded', 'NONE', ':live'), url('guarded', 'AWS_IAM')]);
    expect((await checkFindings(db, check)).map((r) => [r.resource_id, r.reason])).toEqual([
      [`${fnArn('guarded')}:live`, 'Function guarded has a URL without IAM authentication (AuthType NONE): only its resource policy limits who may call https://guarded.lambda-url.us-east-1.on.aws/'],
      [fnArn('hook'), 'Function hook has a URL without IAM authentication (AuthType NONE), and its resource policy lets anyone invoke it'],
    ]);
  });

  it('fails a URL whose auth type was not reported (fail closed)', async () => {
    await seed(db, 'aws_lambda_function_urls', [url('mystery', null)]);
    expect((await checkFindings(db, check)).map((r) => r.reason)).toEqual([
      'The auth type of the URL of function mystery was not reported: it cannot be shown to require IAM (sync again)',
    ]);
  });

  it('passes URLs that require IAM', async () => {
    await seed(db, 'aws_lambda_function_urls', [url('signed', 'AWS_IAM')]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
