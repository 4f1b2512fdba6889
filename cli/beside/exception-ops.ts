import type { BesideContext } from '../../api/beside/routes.js';
import type { ExceptionContext } from '../../controls/exceptions/store.js';
import { UsageError } from '../errors.js';

/**
 * The writes of `calabi exception` as operations (cli/beside/ops.ts): on the file, or inside a running
 * `calabi serve`. Who, when, the longest life and the custom check directories are resolved by the command and
 * sent along, so the server's environment ($CALABI_USER, $CALABI_MAX_EXCEPTION_DAYS, $CALABI_CHECKS) changes
 * nothing. Reads (list, history, export) go through the command's reading database instead.
 */
export interface ExceptionWho {
  actor: string;
  /** ISO time the command started the change. */
  now: string;
  maxDays: number;
  /** Absolute, $CALABI_CHECKS included: the scope's ids are checked against this catalogue. */
  checksDirs: string[];
}

type Input = Record<string, string>;

const store = () => import('../../controls/exceptions/store.js');

async function contextOf(a: ExceptionWho): Promise<ExceptionContext> {
  const { CatalogConfigError, loadCatalog } = await import('../../controls/loader.js');
  try {
    return { catalog: loadCatalog({ checksDirs: a.checksDirs, env: {} }), actor: a.actor, now: new Date(a.now), maxDays: a.maxDays };
  } catch (error) {
    if (error instanceof CatalogConfigError) throw new UsageError(error.message.replace(/^\[controls\] /, ''), { cause: error });
    throw error;
  }
}

/** Input errors of the store become usage errors (exit 2, the message says what to fix) on both sides. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  const { ExceptionInputError } = await import('../../controls/exceptions/model.js');
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExceptionInputError) throw new UsageError(error.message.replace(/^--/, ''), { cause: error });
    throw error;
  }
}

export const exceptionOps = {
  exceptionAdd: async ({ db }: BesideContext, a: ExceptionWho & { input: Input }) =>
    asUsage(async () => (await store()).createException(db, a.input as never, await contextOf(a))),
  /** null: no such exception. */
  exceptionChange: async ({ db }: BesideContext, a: ExceptionWho & { id: string; patch: Input }) =>
    (await asUsage(async () => (await store()).changeException(db, a.id, a.patch, await contextOf(a)))) ?? null,
  /** null: no such exception. */
  exceptionRevoke: async ({ db }: BesideContext, a: { id: string; actor: string; now: string }) =>
    (await (await store()).revokeException(db, a.id, { actor: a.actor, now: new Date(a.now) })) ?? null,
  /** `text`: the YAML the command read; `file`: its name as the user gave it, for messages. */
  exceptionImport: async ({ db }: BesideContext, a: ExceptionWho & { text: string; file: string }) => {
    const { importYaml } = await import('../../controls/exceptions/yaml.js');
    return asUsage(async () => importYaml(db, a.text, await contextOf(a), a.file));
  },
};
