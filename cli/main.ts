import { Command, CommanderError } from 'commander';
import { packageVersion } from '../lib/package-root.js';
import { commandsFor } from './commands/index.js';
import { exitCodeFor, reportError } from './errors.js';
import { addStoreOptions } from './store-option.js';

/** Runs the CLI and resolves to the process exit code (0 ok, 1 finished with problems, 2 could not run). */
export async function main(argv: string[]): Promise<number> {
  const program = addStoreOptions(new Command('calabi'))
    .description('SQL-queryable inventory of AWS estates with compliance views')
    .version(packageVersion)
    .option('--db <path>', 'DuckDB database file (default: $CALABI_DB or ./calabi.duckdb)')
    .option('--json-logs', 'machine-readable log lines on stderr')
    .showHelpAfterError()
    .exitOverride();
  let code = 0;
  try {
    for (const register of await commandsFor(argv)) register(program, (c) => (code = c));
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return 2;
    }
    reportError(error);
    return exitCodeFor(error);
  }
}
