/**
 * bench:startup — how long the CLI takes before a command's own work starts: `calabi --version`, `--help`, and
 * `<command> --help` for every command (which loads exactly what that command loads, then stops). Runs the
 * compiled CLI (dist/, built by `npm run build` / `npm ci`) as a user does; each figure is the median of 5 runs,
 * wall and CPU (user + system) time: CPU time is steadier on a shared machine. The first row is Node starting an
 * empty script, measured the same way: the floor no CLI goes under, and on a busy machine the part of the wall
 * time that is waiting for a core rather than Calabi's own work (the load average is printed with it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { commandLoaders } from '../cli/commands/index.js';
import { packageRoot } from '../lib/package-root.js';

const bin = join(packageRoot, 'bin', 'calabi.js');
if (!existsSync(join(packageRoot, 'dist', '.built'))) {
  console.error('bench:startup measures the compiled CLI: run `npm run build` first.');
  process.exit(2);
}

/** Median wall and CPU time of `node <nodeArgs>`. */
function measure(nodeArgs: string[]): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const out = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...nodeArgs], { encoding: 'utf8' });
    walls.push(performance.now() - started);
    const [user, sys] = out.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    cpus.push((user! + sys!) * 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

const cases = [['--version'], ['--help'], ...Object.keys(commandLoaders).map((c) => [c, '--help'])];
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}\n`);
console.log('| command | wall ms | CPU ms |\n|---|---:|---:|');
const floor = measure(['-e', '0']);
console.log(`| \`node -e 0\` (Node alone, the floor) | ${floor.wall.toFixed(0)} | ${floor.cpu.toFixed(0)} |`);
for (const args of cases) {
  const { wall, cpu } = measure([bin, ...args]);
  console.log(`| \`calabi ${args.join(' ')}\` | ${wall.toFixed(0)} | ${cpu.toFixed(0)} |`);
}

// A command's own work starts in its action: these reach it and stop at its first step, a flag check (exit 2).
const actions = [['evaluate', 'cis-aws-3.0', '--format', 'x'], ['query', 'SELECT 1', '--format', 'x'], ['sync', '--concurrency', '0'], ['diff', 'a', 'b', '--format', 'x']];
console.log('\n| reaching the action (refuses a bad flag) | wall ms | CPU ms |\n|---|---:|---:|');
for (const args of actions) {
  const { wall, cpu } = measure([bin, ...args]);
  console.log(`| \`calabi ${args.join(' ')}\` | ${wall.toFixed(0)} | ${cpu.toFixed(0)} |`);
}
