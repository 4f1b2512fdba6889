import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { ConsoleError } from './guard.js';
import type { FromWorker, RunRequest } from './protocol.js';

export interface PoolLimits {
  timeoutMs: number;
  /** After the time limit the worker is asked to interrupt; after this grace it is killed. */
  graceMs: number;
  /** Resident memory at which a worker is killed, in bytes. */
  hardMemoryBytes: number;
  concurrency: number;
  queue: number;
}

export interface WorkerResult {
  columns: Array<{ name: string; type: string }>;
  /** Batches of rows as JSON text (arrays joined by commas): `[${rowsJson.join(',')}]` is the rows. */
  rowsJson: string[];
  rowCount: number;
  truncatedBy: 'rows' | 'bytes' | null;
}

const startupMs = 60_000;

const workerFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url));

/** Node options for the worker: TypeScript through tsx when we run from source, and a V8 heap cap. */
function execArgv(hardMemoryBytes: number): string[] {
  const heapMb = Math.max(64, Math.floor(hardMemoryBytes / 2 / 2 ** 20));
  const args = [`--max-old-space-size=${heapMb}`];
  if (workerFile.endsWith('.ts')) args.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  return args;
}

/** Resident set size of a process in bytes (Linux /proc); undefined where it cannot be read. */
function residentBytes(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return undefined; // the process is gone, or not Linux: the time limit and DuckDB's memory_limit still apply
  }
}

/**
 * Idle workers, shared by every console of this process (by their Node options): a worker is not tied to a
 * database (each request names its file), so a warm one serves whichever console needs it next.
 */
const idle = new Map<string, ChildProcess[]>();
const everyone = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of everyone) child.kill('SIGKILL');
});

/**
 * Stops every worker of this process and resolves once they have exited. A worker keeps the database it last
 * read open (the server's snapshot, or for `calabi query` the user's own file): the CLI waits for this before it
 * exits, so the next command never finds the file still locked by a worker on its way out.
 */
export async function stopWorkers(): Promise<void> {
  const alive = [...everyone].filter((c) => c.exitCode === null && c.signalCode === null);
  idle.clear();
  await Promise.all(
    alive.map((child) => {
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        if (child.exitCode !== null || child.signalCode !== null) resolve();
      });
      // Idle workers are unref'd (they never keep a process alive); waiting for this one's exit must.
      child.ref();
      child.kill('SIGKILL');
      return exited;
    }),
  );
}

/**
 * Console queries in child processes: at most `concurrency` at once (each in its own worker), `queue` waiting,
 * refused as busy beyond that. A query that outlives the time limit plus grace, or whose worker grows past the
 * memory cap, has its worker killed; that query fails with a message, the worker is replaced, nothing else is
 * affected. The server's event loop only ever handles small batches of rows.
 */
export class WorkerPool {
  private readonly slots;
  private readonly busy = new Set<ChildProcess>();
  private readonly args: string[];
  private readonly key: string;
  private nextId = 1;
  private closed = false;
  /** Queries accepted and not finished; counted here because p-limit moves a task to active only a tick later. */
  private inFlight = 0;

  constructor(private readonly limits: PoolLimits) {
    this.slots = pLimit(limits.concurrency);
    this.args = execArgv(limits.hardMemoryBytes);
    this.key = this.args.join(' ');
  }

  /** Starts a worker ahead of the first query (a fresh one takes a second or two to load DuckDB). */
  warm(): void {
    if (!this.closed && !(idle.get(this.key)?.length)) this.release(this.spawn());
  }

  /** Queues a query in call order; `source` gives the database file once its turn has come. */
  run(request: Omit<RunRequest, 'type' | 'id' | 'path'>, source: () => Promise<string>): Promise<WorkerResult> {
    if (this.closed) return Promise.reject(new ConsoleError('the SQL console is shutting down', 'sandbox'));
    if (this.inFlight >= this.limits.concurrency + this.limits.queue) {
      const running = Math.min(this.inFlight, this.limits.concurrency);
      return Promise.reject(new ConsoleError(`the SQL console is busy (${running} queries running, ${this.inFlight - running} waiting); try again shortly`, 'busy'));
    }
    this.inFlight++;
    return this.slots(async () => {
      const path = await source();
      return this.runOn(this.take(), { ...request, path, type: 'run', id: this.nextId++ });
    }).finally(() => {
      this.inFlight--;
    });
  }

  /** Kills the workers running this console's queries at once (SIGKILL), whatever they do: the server stops. */
  close(): void {
    this.closed = true;
    for (const child of this.busy) child.kill('SIGKILL');
    this.busy.clear();
  }

  private take(): ChildProcess {
    const list = idle.get(this.key) ?? [];
    let child = list.pop();
    while (child && (child.exitCode !== null || child.signalCode !== null)) child = list.pop();
    child ??= this.spawn();
    this.busy.add(child);
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
    return child;
  }

  private release(child: ChildProcess): void {
    this.busy.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) {
      // A killed worker is replaced at once, so the next query does not wait for a fresh one to load.
      if (!this.closed) this.warm();
      return;
    }
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    const list = idle.get(this.key) ?? [];
    list.push(child);
    idle.set(this.key, list);
  }

  private spawn(): ChildProcess {
    const child = fork(workerFile, [], { execArgv: this.args, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + String(d)).slice(-2000);
    });
    (child as ChildProcess & { lastStderr: () => string }).lastStderr = () => stderr;
    everyone.add(child);
    // A worker yields the CPU to the server, so /api/health and the page stay quick while a query grinds.
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // not permitted on this system: the worker runs at normal priority, which only costs latency
    }
    child.once('exit', () => {
      everyone.delete(child);
      const list = idle.get(this.key);
      const i = list?.indexOf(child) ?? -1;
      if (i >= 0) list!.splice(i, 1);
    });
    // Idle workers must not keep a CLI or test process alive.
    child.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    return child;
  }

  private runOn(child: ChildProcess, request: RunRequest): Promise<WorkerResult> {
    return new Promise<WorkerResult>((resolve, reject) => {
      let columns: WorkerResult['columns'] = [];
      const rowsJson: string[] = [];
      let rowCount = 0;
      let killedFor: 'timeout' | 'memory' | 'startup' | undefined;
      let settled = false;
      const kill = (why: 'timeout' | 'memory' | 'startup') => {
        killedFor ??= why;
        child.kill('SIGKILL');
      };
      // The time limit counts from the moment the worker runs the statement (not while a fresh worker starts); a
      // worker that cannot even start within startupMs is killed.
      let timer = setTimeout(() => kill('startup'), startupMs);
      const startClock = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          killedFor = 'timeout';
          child.send({ type: 'interrupt', id: request.id });
          grace = setTimeout(() => kill('timeout'), this.limits.graceMs);
        }, this.limits.timeoutMs);
      };
      let grace: NodeJS.Timeout | undefined;
      const watch = setInterval(() => {
        const rss = child.pid ? residentBytes(child.pid) : undefined;
        if (rss !== undefined && rss > this.limits.hardMemoryBytes) kill('memory');
      }, 50);
      const finish = (error?: Error, result?: WorkerResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(grace);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        this.release(child);
        if (error) reject(error);
        else resolve(result!);
      };
      const onMessage = (message: FromWorker) => {
        if (!('id' in message) || message.id !== request.id) return;
        if (message.type === 'started') startClock();
        else if (message.type === 'columns') columns = message.columns;
        else if (message.type === 'rows') {
          rowsJson.push(message.json);
          rowCount += message.count;
        } else if (message.type === 'done') finish(undefined, { columns, rowsJson, rowCount, truncatedBy: message.truncated_by });
        else if (message.type === 'error') {
          const code = killedFor === 'timeout' ? 'timeout' : (message.code as ConsoleError['code']);
          finish(new ConsoleError(killedFor === 'timeout' ? this.timeoutMessage() : message.message, code, message.position));
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.closed) return finish(new ConsoleError('the SQL console stopped because the server is shutting down', 'sandbox'));
        if (killedFor === 'timeout') return finish(new ConsoleError(this.timeoutMessage(), 'timeout'));
        if (killedFor === 'memory') {
          return finish(new ConsoleError(`the query needed more than ${Math.round(this.limits.hardMemoryBytes / 2 ** 20)} MiB of memory and was stopped; narrow it down (fewer rows, smaller values) — the server is unaffected`, 'memory'));
        }
        if (killedFor === 'startup') return finish(new ConsoleError(`the SQL console's worker did not start within ${startupMs / 1000} s; try again`, 'worker'));
        const detail = (child as ChildProcess & { lastStderr?: () => string }).lastStderr?.().trim().split('\n').slice(-1)[0];
        finish(new ConsoleError(`the query's worker process ended unexpectedly (${signal ?? `exit ${code}`}${detail ? `: ${detail}` : ''}); the server is unaffected, try again or narrow the query`, 'worker'));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(request, (error) => {
        if (error) finish(new ConsoleError(`the SQL console could not reach its worker: ${error.message}`, 'worker'));
      });
    });
  }

  private timeoutMessage(): string {
    return `the query ran longer than ${this.limits.timeoutMs / 1000} s and was stopped; narrow it down (a WHERE, a LIMIT) or ask for a longer limit`;
  }
}
