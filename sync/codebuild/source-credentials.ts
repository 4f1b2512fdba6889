import { CodeBuildClient, ListSourceCredentialsCommand, type SourceCredentialsInfo } from '@aws-sdk/client-codebuild';
import type { Row } from '../../schema/db.js';
import { awsCodebuildSourceCredentials } from '../../schema/codebuild.js';
import type { Collector } from '../types.js';

const table = awsCodebuildSourceCredentials.name;

/**
 * ListSourceCredentials answers every credential the region's CodeBuild holds for a source provider in one call
 * (the operation has no paging). It names the credential (ARN), the provider and how it authenticates; the token
 * or password itself is never returned.
 */
export const sourceCredentialsCollector: Collector = {
  service: 'codebuild',
  name: 'source-credentials',
  scope: 'regional',
  tables: [awsCodebuildSourceCredentials],
  async collect(ctx) {
    const out = await ctx.client(CodeBuildClient).send(new ListSourceCredentialsCommand({}));
    return { [table]: (out.sourceCredentialsInfos ?? []).map(credentialRow) };
  },
};

function credentialRow(c: SourceCredentialsInfo): Row {
  return {
    arn: c.arn!,
    server_type: c.serverType ?? null,
    auth_type: c.authType ?? null,
    resource: c.resource ?? null,
    raw: c,
  };
}
