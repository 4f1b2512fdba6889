import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Database } from '../../schema/db.js';
import { backendOf, openForReading } from '../backend.js';
import type { ExceptionWho } from '../beside/exception-ops.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface ScopeFlags {
  check?: string; benchmark?: string; requirement?: string; account?: string; region?: string; resource?: string; tag?: string;
  justification?: string; owner?: string; expires?: string; ticket?: string; by?: string; maxExceptionDays?: string;
}

// The store, zod, yaml and the check catalogue load when a subcommand runs, not for --help. Writes are operations
// (cli/beside/exception-ops.ts) that run on the file or inside a running `calabi serve`; reads use a reading database.
const store = () => import('../../controls/exceptions/store.js');

function scopeOptions(cmd: Command, required: boolean): Command {
  const r = required ? ' (required)' : '';
  return cmd
    .option('--check <id>', 'scope: findings of this check (in every requirement that maps it)')
    .option('--benchmark <id>', 'scope: with --requirement, findings of one requirement of this benchmark')
    .option('--requirement <id>', 'scope: the requirement id within --benchmark, e.g. 1.4')
    .option('--account <id>', 'only findings of this 12-digit account')
    .option('--region <name>', "only findings of this region ('global' for account-wide ones)")
    .option('--resource <glob>', 'only resource ids matching this glob: * any run of characters, ? one (e.g. "arn:aws:s3:::logs-*")')
    .option('--tag <key[=value]>', 'only resources whose inventory tags hold this key (and value)')
    .option('--justification <text>', `why the risk is accepted${r}`)
    .option('--owner <name>', `who owns the risk${r}`)
    .option('--expires <date>', `when it stops applying: YYYY-MM-DD (end of that day, UTC) or an ISO time${r}`)
    .option('--ticket <url>', 'the ticket that tracks the risk');
}

function common(cmd: Command): Command {
  return cmd
    .option('--by <name>', 'who makes the change (default: $CALABI_USER, else the login name)')
    .option('--max-exception-days <n>', 'longest life an exception may have (default: $CALABI_MAX_EXCEPTION_DAYS, else 365)');
}

function actor(flags: ScopeFlags): string {
  return flags.by?.trim() || process.env.CALABI_USER?.trim() || userInfo().username;
}

function maxDays(flags: ScopeFlags): number {
  const raw = flags.maxExceptionDays ?? process.env.CALABI_MAX_EXCEPTION_DAYS;
  if (raw === undefined) return 365;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-exception-days must be a whole number of days, at least 1, not '${raw}'`);
  return n;
}

/** Who, when, the longest life and the catalogue's directories, resolved here (not in the server's environment). */
async function who(flags: ScopeFlags): Promise<ExceptionWho> {
  const { customCheckDirs } = await import('../../controls/loader.js');
  return { actor: actor(flags), now: new Date().toISOString(), maxDays: maxDays(flags), checksDirs: customCheckDirs({}) };
}

/** The flags given, as the store's input (undefined ones left out). */
function inputOf(f: ScopeFlags): Record<string, string> {
  const all = { check: f.check, benchmark: f.benchmark, requirement: f.requirement, account: f.account, region: f.region, resource: f.resource, tag: f.tag, justification: f.justification, owner: f.owner, expires: f.expires, ticket: f.ticket };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

async function reading<T>(cmd: Command, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openForReading(cmd, { readsOnly: true });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

const scopeText = (e: { check_id: string | null; benchmark_id: string | null; requirement_id: string | null; account_id: string | null; region: string | null; resource_pattern: string | null; tag_key: string | null; tag_value: string | null }) =>
  [e.check_id ? `check ${e.check_id}` : `${e.benchmark_id} ${e.requirement_id}`, e.account_id && `account ${e.account_id}`, e.region && `region ${e.region}`, e.resource_pattern && `resource ${e.resource_pattern}`, e.tag_key && `tag ${e.tag_key}${e.tag_value === null ? '' : `=${e.tag_value}`}`]
    .filter(Boolean).join(', ');

export const register: RegisterCommand = (program) => {
  const ex = program.command('exception').description('accepted risks: findings an exception covers are EXCEPTED until it expires or is revoked (docs/exceptions.md)');

  scopeOptions(common(ex.command('add').description('accept the findings in a scope: needs a check (or benchmark and requirement), justification, owner and expiry')), true)
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: ScopeFlags & { format: string }, cmd: Command) => {
      const e = await (await backendOf(cmd)).call('exceptionAdd', { ...(await who(flags)), input: inputOf(flags) });
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(e, null, 2)}\n` : `created exception ${e.id}: ${scopeText(e)}, owner ${e.owner}, expires ${e.expires_at}\n`);
    });

  ex.command('list')
    .description('exceptions with their state (active, expired, revoked); active only unless --all')
    .option('--all', 'include expired and revoked ones')
    .option('--format <format>', 'text, json or csv (for auditors: scope, justification, owner, expiry, ticket)', 'text')
    .action(async (flags: { all?: boolean; format: string }, cmd: Command) => {
      if (!['text', 'json', 'csv'].includes(flags.format)) throw new UsageError(`--format must be text, json or csv, not '${flags.format}'`);
      const { listExceptions } = await store();
      const list = (await reading(cmd, (db) => listExceptions(db, new Date()))).filter((e) => flags.all || e.state === 'active');
      if (flags.format === 'json') return void process.stdout.write(`${JSON.stringify({ exceptions: list }, null, 2)}\n`);
      if (flags.format === 'csv') {
        const { csvText } = await import('../../lib/csv/write.js');
        const head = ['id', 'state', 'scope', 'justification', 'owner', 'created_by', 'created_at', 'expires_at', 'ticket', 'revoked_at', 'revoked_by'];
        return void process.stdout.write(csvText([head, ...list.map((e) => [e.id, e.state, scopeText(e), e.justification, e.owner, e.created_by, e.created_at, e.expires_at, e.ticket, e.revoked_at, e.revoked_by])]));
      }
      if (!list.length) return void process.stdout.write(flags.all ? 'no exceptions\n' : 'no active exceptions (--all lists expired and revoked ones)\n');
      for (const e of list) process.stdout.write(`${e.id}  ${e.state.padEnd(7)}  expires ${e.expires_at.slice(0, 10)}  ${scopeText(e)}  owner ${e.owner}: ${e.justification}\n`);
    });

  scopeOptions(common(ex.command('change <id>').description('change an exception (each change is kept in its history)')), false)
    .action(async (id: string, flags: ScopeFlags, cmd: Command) => {
      const out = await (await backendOf(cmd)).call('exceptionChange', { ...(await who(flags)), id, patch: inputOf(flags) });
      if (!out) throw new UsageError(`no exception ${id}; \`calabi exception list --all\` lists them`);
      process.stdout.write(out.changed.length ? `changed exception ${id}: ${out.changed.join(', ')} (revision ${out.exception.revision})\n` : `exception ${id} unchanged\n`);
    });

  common(ex.command('revoke <id>').description('stop an exception applying from the next evaluation (kept, with who and when)'))
    .action(async (id: string, flags: ScopeFlags, cmd: Command) => {
      const e = await (await backendOf(cmd)).call('exceptionRevoke', { id, actor: actor(flags), now: new Date().toISOString() });
      if (!e) throw new UsageError(`no exception ${id}; \`calabi exception list --all\` lists them`);
      process.stdout.write(`revoked exception ${id} (by ${e.revoked_by} at ${e.revoked_at})\n`);
    });

  ex.command('history <id>')
    .description('every change to an exception: who, when, what')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      const { exceptionHistory } = await store();
      const events = await reading(cmd, (db) => exceptionHistory(db, id));
      if (!events.length) throw new UsageError(`no exception ${id}; \`calabi exception list --all\` lists them`);
      for (const e of events) process.stdout.write(`${e.changed_at}  r${e.revision}  ${e.action.padEnd(7)}  by ${e.actor}: ${Object.entries(e.changes).map(([k, [a, b]]) => `${k} ${JSON.stringify(a)} → ${JSON.stringify(b)}`).join('; ')}\n`);
    });

  common(ex.command('import <file>').description('apply a YAML file of exceptions: creates new ones, changes those that differ, reports what changed (idempotent)'))
    .action(async (file: string, flags: ScopeFlags, cmd: Command) => {
      const { readFileSync } = await import('node:fs');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const r = await (await backendOf(cmd)).call('exceptionImport', { ...(await who(flags)), text, file });
      for (const id of r.created) process.stdout.write(`created  ${id}\n`);
      for (const c of r.changed) process.stdout.write(`changed  ${c.id}: ${c.fields.join(', ')}\n`);
      process.stdout.write(`${r.created.length} created, ${r.changed.length} changed, ${r.unchanged.length} unchanged\n`);
    });

  ex.command('export [file]')
    .description('write the exceptions in force as YAML (to a file, or stdout)')
    .action(async (file: string | undefined, _flags: unknown, cmd: Command) => {
      const { exportYaml } = await import('../../controls/exceptions/yaml.js');
      const text = await reading(cmd, (db) => exportYaml(db, new Date()));
      if (!file) return void process.stdout.write(text);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, text);
      process.stderr.write(`wrote ${file}\n`);
    });
};
