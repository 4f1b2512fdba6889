import type { Command } from 'commander';

/** Registers a subcommand; `setExit` sets the process exit code the command ends with. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;
