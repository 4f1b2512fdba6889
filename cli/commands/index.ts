import type { RegisterCommand } from './register.js';

export type { RegisterCommand } from './register.js';

type CommandModule = { register: RegisterCommand };

/**
 * One line per command file, loaded on demand: `calabi evaluate` imports the evaluate command (and what it
 * needs) and nothing else, so a command does not pay for the AWS SDK, the server or the PDF writer it never
 * uses. Help and unknown commands load them all, which stays cheap because a command file registers its options
 * with light imports only and loads its dependencies when its action runs (test/cli/command-loading.test.ts).
 */
export const commandLoaders: Record<string, () => Promise<CommandModule>> = {
  sync: () => import('./sync.js'),
  evaluate: () => import('./evaluate.js'),
  scan: () => import('./scan.js'),
  benchmarks: () => import('./benchmarks.js'),
  frameworks: () => import('./frameworks.js'),
  serve: () => import('./serve.js'),
  query: () => import('./query.js'),
  demo: () => import('./demo.js'),
  schedule: () => import('./schedule.js'),
  run: () => import('./run.js'),
  diff: () => import('./diff.js'),
  export: () => import('./export.js'),
  verify: () => import('./verify.js'),
  compare: () => import('./compare.js'),
  iac: () => import('./iac.js'),
  plan: () => import('./plan.js'),
  exception: () => import('./exception.js'),
  push: () => import('./push.js'),
  status: () => import('./status.js'),
};

/** Global options that take a value: the command name is the first argument that is neither one nor its value. */
const valued = new Set(['--db', '--store', '--data-path']);

/** The command an argument list names, or null (none, help, or a name we do not know). */
export function commandOf(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return Object.hasOwn(commandLoaders, a) ? a : null;
  }
  return null;
}

/** The register functions for an argument list: the named command only, or every command. */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const name = commandOf(argv);
  if (!name && (argv.includes('--version') || argv.includes('-V'))) return [];
  const loaders = name ? [commandLoaders[name]!] : Object.values(commandLoaders);
  return (await Promise.all(loaders.map((load) => load()))).map((m) => m.register);
}
