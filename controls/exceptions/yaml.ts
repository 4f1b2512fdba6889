import { parse, stringify } from 'yaml';
import type { Database } from '../../schema/db.js';
import { ExceptionInputError, type Exception, type ExceptionInput } from './model.js';
import { changeException, createException, getException, listExceptions, type ExceptionContext } from './store.js';

/**
 * Exceptions as a file that can live in a repository and be reviewed:
 *
 *     version: 1
 *     exceptions:
 *       - id: 5b0c…            # kept on export; import creates one with this id when it is new
 *         check: s3_bucket_public_read
 *         resource: "arn:aws:s3:::public-logs-*"
 *         justification: …
 *         owner: team-logs
 *         expires: 2027-03-31
 *
 * Only exceptions in force (neither revoked nor expired) are exported; the file is the desired state of those it names.
 */
export const yamlVersion = 1;

type FileEntry = ExceptionInput & { id?: string };

function toEntry(e: Exception): Record<string, unknown> {
  const tag = e.tag_key ? (e.tag_value === null ? e.tag_key : `${e.tag_key}=${e.tag_value}`) : undefined;
  const entry: Record<string, unknown> = {
    id: e.id, check: e.check_id, benchmark: e.benchmark_id, requirement: e.requirement_id, account: e.account_id, region: e.region,
    resource: e.resource_pattern, tag, justification: e.justification, owner: e.owner, expires: e.expires_at, ticket: e.ticket,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null && v !== undefined));
}

export async function exportYaml(db: Database, now: Date): Promise<string> {
  const list = (await listExceptions(db, now)).filter((e) => e.state === 'active');
  const header = '# Calabi exceptions (risk acceptances): `calabi exception import <file>` applies this file; see docs/exceptions.md\n';
  return header + stringify({ version: yamlVersion, exceptions: list.map(toEntry) }, { lineWidth: 0 });
}

export interface ImportResult {
  created: string[];
  changed: Array<{ id: string; fields: string[] }>;
  unchanged: string[];
}

/** The file's entries, checked for shape (each entry's fields are checked by the store). */
export function parseYaml(text: string, file = 'the file'): FileEntry[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ExceptionInputError(`${file} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const d = doc as { version?: unknown; exceptions?: unknown } | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.exceptions)) throw new ExceptionInputError(`${file} must be a mapping with a list 'exceptions:' (see docs/exceptions.md)`);
  if (d.version !== undefined && d.version !== yamlVersion) throw new ExceptionInputError(`${file} has version ${String(d.version)}; this Calabi reads version ${yamlVersion}`);
  return d.exceptions.map((x, i) => {
    if (!x || typeof x !== 'object' || Array.isArray(x)) throw new ExceptionInputError(`${file}: exception #${i + 1} must be a mapping`);
    // YAML reads an unquoted 2027-03-31 as a date: keep the day the person wrote.
    const entry = { ...(x as Record<string, unknown>) };
    if (entry.expires instanceof Date) entry.expires = entry.expires.toISOString().replace(/T00:00:00\.000Z$/, '');
    return entry as FileEntry;
  });
}

/**
 * Applies a file idempotently: an entry with an unknown id (or none) is created, one with a known id is changed
 * where it differs, an identical one is left alone. Importing the same file twice changes nothing the second time.
 * Exceptions the file does not name are left as they are (revoke is explicit). All entries are validated first.
 */
export async function importYaml(db: Database, text: string, ctx: ExceptionContext, file?: string): Promise<ImportResult> {
  const entries = parseYaml(text, file);
  const result: ImportResult = { created: [], changed: [], unchanged: [] };
  for (const [i, { id, ...fields }] of entries.entries()) {
    const at = `exception #${i + 1}${id ? ` (${id})` : ''}`;
    try {
      // Without an id, an active exception with the same scope is the one the entry means (so re-import is idempotent).
      const existing = id ? await getException(db, id) : await sameScope(db, fields, ctx.now);
      const target = existing?.id;
      if (!existing) {
        result.created.push((await createException(db, fields, ctx, id)).id);
        continue;
      }
      if (existing.revoked_at) throw new ExceptionInputError(`it was revoked on ${existing.revoked_at}; remove it from the file or give it a new id`);
      const clear = { check: null, benchmark: null, requirement: null, account: null, region: null, resource: null, tag: null, ticket: null };
      const same = sameExpiry(existing.expires_at, fields.expires) ? { expires: undefined } : {};
      const out = await changeException(db, target!, { ...clear, ...fields, ...same }, ctx);
      if (out!.changed.length) result.changed.push({ id: target!, fields: out!.changed });
      else result.unchanged.push(target!);
    } catch (error) {
      if (error instanceof ExceptionInputError) throw new ExceptionInputError(`${file ?? 'import'}: ${at}: ${error.message}`, error.field);
      throw error;
    }
  }
  return result;
}

async function sameScope(db: Database, f: ExceptionInput, now: Date): Promise<Exception | undefined> {
  const [key, ...value] = f.tag ? f.tag.split('=') : [];
  const want = [f.check, f.benchmark, f.requirement, f.account, f.region, f.resource, key?.trim(), f.tag?.includes('=') ? value.join('=').trim() : undefined].map((v) => v ?? null);
  return (await listExceptions(db, now)).find(
    (e) => e.state === 'active' && JSON.stringify([e.check_id, e.benchmark_id, e.requirement_id, e.account_id, e.region, e.resource_pattern, e.tag_key, e.tag_value]) === JSON.stringify(want),
  );
}

/** An export writes the stored instant; a person may write the day. Both mean the stored expiry when equal. */
function sameExpiry(stored: string, written: unknown): boolean {
  if (typeof written !== 'string') return false;
  const w = /^\d{4}-\d{2}-\d{2}$/.test(written) ? new Date(`${written}T23:59:59.999Z`) : new Date(written);
  return new Date(stored).getTime() === w.getTime();
}
