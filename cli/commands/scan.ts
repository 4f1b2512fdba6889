import type { Command } from 'commander';
import type { RegisterCommand } from './register.js';
import { addEvaluateOptions, prepareEvaluation, runEvaluation, type EvaluateFlags } from './evaluate.js';
import { addSyncOptions, syncFromFlags, type SyncFlags } from './sync.js';

/**
 * `calabi scan <benchmark>`: sync, then evaluate. The benchmark and flags are checked first so a typo does not
 * cost a sync. Collection errors are not an exit code of their own here: the requirements that read the failed
 * scopes come out ERROR, and --fail-on decides.
 */
export const register: RegisterCommand = (program, setExit) => {
  addEvaluateOptions(
    addSyncOptions(
      program
        .command('scan')
        .argument('<benchmark>', 'benchmark id, e.g. cis-aws-3.0 (see: calabi benchmarks)')
        .description('sync the inventory from AWS, then evaluate a benchmark and record the scan'),
    ),
  ).action(async (benchmarkId: string, flags: SyncFlags & EvaluateFlags, cmd: Command) => {
    const prepared = await prepareEvaluation(benchmarkId, flags);
    const sync = await syncFromFlags(cmd, flags);
    setExit(await runEvaluation(cmd, benchmarkId, prepared, sync.runId));
  });
};
