import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AsffFinding } from '../reports/interop/asff.js';
import type { FindingsImporter } from '../reports/interop/securityhub-push.js';

export interface ImporterOptions {
  profile?: string;
  /** Every call to this endpoint (moto, LocalStack); AWS_ENDPOINT_URL(_SECURITYHUB) also work through the SDK. */
  endpoint?: string;
  /** Where to ask STS who the caller is (a GovCloud or China account cannot use us-east-1); default $AWS_REGION. */
  stsRegion?: string;
}

/** Errors a whole BatchImportFindings call can end with that the SDK's own retries did not outlast: retried per item. */
const transientCall = /Throttl|TooManyRequests|LimitExceeded|InternalException|ServiceUnavailable|TimeoutError/;

/**
 * Security Hub through the AWS SDK: one client per region (a finding goes to the hub of the region in its
 * ProductArn), adaptive retry for throttling, the standard credential chain. Loaded only when `calabi push` runs.
 */
export function securityHubImporter(options: ImporterOptions): { importer: FindingsImporter; callerAccount: () => Promise<string> } {
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const common = { credentials, retryMode: 'adaptive', maxAttempts: 6, ...(options.endpoint ? { endpoint: options.endpoint } : {}) };
  const clients = new Map<string, SecurityHubClient>();
  const client = (region: string) => {
    let c = clients.get(region);
    if (!c) clients.set(region, (c = new SecurityHubClient({ ...common, region })));
    return c;
  };
  const importer: FindingsImporter = {
    async batchImport(region: string, findings: AsffFinding[]) {
      try {
        const out = await client(region).send(new BatchImportFindingsCommand({ Findings: findings as unknown as AwsSecurityFinding[] }));
        return { failed: (out.FailedFindings ?? []).map((f) => ({ Id: f.Id ?? '', ErrorCode: f.ErrorCode, ErrorMessage: f.ErrorMessage })) };
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        // A throttled call after the SDK's own attempts: every item of it failed transiently, and push retries them.
        if (transientCall.test(name)) return { failed: findings.map((f) => ({ Id: f.Id, ErrorCode: name, ErrorMessage: (error as Error).message })) };
        throw new Error(
          `Security Hub refused BatchImportFindings in ${region}: ${error instanceof Error ? error.message : String(error)}. ` +
            'Check that Security Hub is enabled in that region and that the identity may call securityhub:BatchImportFindings (README: Push to Security Hub)',
          { cause: error },
        );
      }
    },
  };
  const callerAccount = async () => {
    const sts = new STSClient({ ...common, region: options.stsRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1' });
    try {
      const { Account } = await sts.send(new GetCallerIdentityCommand({}));
      if (!Account) throw new Error('GetCallerIdentity returned no account');
      return Account;
    } catch (error) {
      throw new Error(`could not tell which account the credentials belong to (sts:GetCallerIdentity): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      sts.destroy();
    }
  };
  return { importer, callerAccount };
}
