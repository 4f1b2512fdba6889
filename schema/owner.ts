import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * The process that owns a running scan or sync run: pid, host and start time. A row still `running` whose owner is
 * gone was left by a killed process (kill -9, OOM, a reboot) and will never finish by itself.
 */
export interface ProcessOwner {
  pid: number;
  host: string;
  startedAt: Date;
}

const self: ProcessOwner = { pid: process.pid, host: hostname(), startedAt: new Date(Date.now() - process.uptime() * 1000) };

export function currentOwner(): ProcessOwner {
  return self;
}

/** True for this very process (pid, host and start time within a second: pids are reused). */
export function isCurrentProcess(owner: { pid: number | null; host: string | null; startedAt: Date | null }): boolean {
  return owner.pid === self.pid && owner.host === self.host && owner.startedAt !== null && Math.abs(owner.startedAt.getTime() - self.startedAt.getTime()) < 1000;
}

/**
 * Whether the owner may still be alive. On this host: its pid must exist and, where /proc tells a process's start
 * time, have started when the owner did (otherwise the pid was reused). Another host cannot be asked: callers rely
 * on DuckDB's exclusive file lock instead (see closeInterruptedRuns).
 */
export function isOwnerAlive(owner: { pid: number | null; host: string | null; startedAt: Date | null }): boolean {
  if (owner.pid === null || owner.host !== self.host) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: no such process
  }
  const started = processStartTime(owner.pid);
  if (started && owner.startedAt && Math.abs(started.getTime() - owner.startedAt.getTime()) > 5000) return false;
  return true;
}

/** Linux: boot time (/proc/stat btime) plus the process's start in clock ticks (/proc/PID/stat field 22). */
function processStartTime(pid: number): Date | null {
  try {
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 overall
    if (!Number.isFinite(btime) || !Number.isFinite(ticks)) return null;
    return new Date((btime + ticks / 100) * 1000); // USER_HZ is 100 on every Linux Node supports
  } catch {
    return null; // no /proc (macOS, Windows) or the process just ended: the pid check above stands alone
  }
}
