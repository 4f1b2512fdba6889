import type { Command } from 'commander';
import { register as sync } from './sync.js';
import { register as evaluate } from './evaluate.js';
import { register as scan } from './scan.js';
import { register as benchmarks } from './benchmarks.js';
import { register as serve } from './serve.js';
import { register as query } from './query.js';
import { register as demo } from './demo.js';
import { register as schedule } from './schedule.js';
import { register as run } from './run.js';
import { register as diff } from './diff.js';
import { register as exportCmd } from './export.js';
import { register as verify } from './verify.js';
import { register as compare } from './compare.js';

/** Registers a subcommand; `setExit` sets the process exit code the command ends with. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/** One line per command file. */
export const commands: RegisterCommand[] = [sync, evaluate, scan, benchmarks, serve, query, demo, schedule, run, diff, exportCmd, verify, compare];
