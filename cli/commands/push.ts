import type { Command } from 'commander';
import { backendOf } from '../backend.js';
import type { RegisterCommand } from './register.js';

interface PushFlags {
  scan: string;
  benchmark?: string;
  profile?: string;
  endpointUrl?: string;
  homeRegion?: string;
}

export const register: RegisterCommand = (program, setExit) => {
  const push = program.command('push').description('send a stored scan\'s findings to another tool');
  push
    .command('securityhub')
    .description('import a scan\'s failing findings into AWS Security Hub (BatchImportFindings, 100 per call) and archive those resolved since the last push')
    .option('--scan <ref>', 'the scan: an id, a unique prefix, or "latest"', 'latest')
    .option('--benchmark <id>', 'with "latest": the newest scan of this benchmark')
    .option('--profile <name>', 'AWS shared-config profile (default: $AWS_PROFILE / the standard chain)')
    .option('--endpoint-url <url>', 'send every call to this endpoint (LocalStack, moto); AWS_ENDPOINT_URL works too')
    .option('--home-region <region>', "the region findings about global resources (IAM, the account) go to (default: the partition's home region, us-east-1 for aws)")
    .action(async (flags: PushFlags, cmd: Command) => {
      // Reads the scan, calls Security Hub and records what it accepted: on the file, or inside a running
      // `calabi serve` (cli/beside/push-op.ts); printed here either way. The SDK loads when a push runs, not for --help.
      const { benchmarkId, scanId, account, summary: s } = await (await backendOf(cmd)).call('pushSecurityHub', {
        scan: flags.scan, benchmark: flags.benchmark, profile: flags.profile, endpoint: flags.endpointUrl, homeRegion: flags.homeRegion,
      });
      const out = process.stderr;
      out.write(`Pushed ${benchmarkId} scan ${scanId} to Security Hub for account ${account}: ${s.created} new, ${s.updated} updated, ${s.reopened} reopened, ${s.archived} archived (resolved), ${s.failed.length} failed\n`);
      if (s.otherAccounts > 0) out.write(`Skipped ${s.otherAccounts} finding(s) of other accounts: Security Hub takes a finding only from its own account; push again with that account's credentials (--profile)\n`);
      for (const f of s.failed.slice(0, 20)) out.write(`  failed ${f.Id} in ${f.region}: ${f.ErrorCode ?? 'error'} ${f.ErrorMessage ?? ''}\n`);
      if (s.failed.length > 20) out.write(`  … and ${s.failed.length - 20} more; they are sent again by the next push\n`);
      if (s.failed.length > 0) setExit(1);
    });
};
