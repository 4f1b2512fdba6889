import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

/**
 * An output file written all-or-nothing: the bytes go to a hidden temporary file beside the target, renamed over
 * it only when the writer finished; on any failure the temporary file is removed, so an auditor never finds a
 * truncated export under the real name. A target that cannot be written (missing folder, a directory, no
 * permission) is a UsageError with one line that says what to do, raised before any work.
 */
export class AtomicOutput {
  readonly stream: WriteStream;
  private readonly temp: string;
  private failure: Error | null = null;

  private constructor(readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
    this.stream = createWriteStream(this.temp, { flags: 'wx' });
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  static open(target: string, flag = '--output'): AtomicOutput {
    assertWritableTarget(target, flag);
    return new AtomicOutput(target);
  }

  /** Waits for the stream to finish, then renames; throws a UsageError when writing failed. */
  async commit(): Promise<void> {
    if (!this.stream.writableFinished && !this.failure) {
      await new Promise<void>((done) => {
        this.stream.once('finish', () => done());
        this.stream.once('close', () => done());
        this.stream.once('error', () => done());
      });
    }
    if (this.failure) {
      this.discard();
      throw outputError(this.target, this.failure);
    }
    try {
      renameSync(this.temp, this.target);
    } catch (error) {
      this.discard();
      throw outputError(this.target, error);
    }
  }

  /** Removes the temporary file; the target, if it existed, is left as it was. */
  discard(): void {
    this.stream.destroy();
    rmSync(this.temp, { force: true });
  }

  /**
   * The writer failed: remove the temporary file and return the error to throw — the file's own write error as a
   * one-line UsageError when there was one (a stream error surfaces in the writer with a stack), else `error`.
   */
  abandon(error: unknown): unknown {
    this.discard();
    return this.failure ? outputError(this.target, this.failure) : error;
  }
}

/** The folder must exist and be a folder; the target must not be a folder. */
export function assertWritableTarget(target: string, flag: string): void {
  if (target.trim() === '') throw new UsageError(`${flag} is empty: name the file to write, or use - for standard output`);
  const folder = dirname(resolve(target));
  const dirStat = statSync(folder, { throwIfNoEntry: false });
  if (!dirStat) throw new UsageError(`cannot write ${target}: the folder ${folder} does not exist (create it first, or choose another ${flag})`);
  if (!dirStat.isDirectory()) throw new UsageError(`cannot write ${target}: ${folder} is not a folder (choose another ${flag})`);
  const fileStat = statSync(target, { throwIfNoEntry: false });
  if (fileStat?.isDirectory()) throw new UsageError(`cannot write ${target}: it is a folder: give a file name inside it with ${flag}`);
}

function outputError(target: string, error: unknown): UsageError {
  const e = error as NodeJS.ErrnoException;
  const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'no space left on the device' : (e.message ?? String(error));
  return new UsageError(`cannot write ${target}: ${why} (choose another --output)`, { cause: error });
}
