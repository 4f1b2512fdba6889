import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../controls/engine.js';
import { ExceptionInputError } from '../../../controls/exceptions/model.js';
import { changeException, createException, exceptionHistory, listExceptions, revokeException, type ExceptionContext } from '../../../controls/exceptions/store.js';
import { exportYaml, importYaml } from '../../../controls/exceptions/yaml.js';
import type { Catalog } from '../../../controls/loader.js';
import type { Database } from '../../../schema/db.js';
import { memoryDb } from '../../support/db.js';

// Issue 14: exceptions are validated with messages that say what to do, every change is kept (append-only history),
// revoking is an event, and the YAML file round-trips and re-imports idempotently. Real DuckDB, the built-in catalogue.
let db: Database;
let catalog: Catalog;
const check = 's3_bucket_default_encryption';
const now = new Date('2026-06-01T12:00:00Z');
const ctx = (over: Partial<ExceptionContext> = {}): ExceptionContext => ({ catalog, actor: 'alice', now, ...over });
const valid = { check, justification: 'encrypted by the application', owner: 'team-data', expires: '2026-09-30' };

beforeAll(async () => {
  catalog = loadCatalog({});
  db = await memoryDb();
});
afterAll(() => db?.close());

async function refusal(work: Promise<unknown>): Promise<ExceptionInputError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExceptionInputError);
  return error as ExceptionInputError;
}

describe('exception input', () => {
  it('refuses an exception without a justification, saying it is required', async () => {
    const { justification: _j, ...rest } = valid;
    expect((await refusal(createException(db, rest as never, ctx()))).message).toContain('justification is required');
    expect((await refusal(createException(db, { ...valid, justification: '  ' }, ctx()))).message).toContain('justification is required');
  });

  it('refuses an expiry beyond the maximum, naming the latest allowed day and how to raise it', async () => {
    const e = await refusal(createException(db, { ...valid, expires: '2027-06-02' }, ctx()));
    expect(e.message).toContain('more than the maximum of 365 days');
    expect(e.message).toContain('2027-06-01');
    expect(e.field).toBe('expires');
    expect((await refusal(createException(db, { ...valid, expires: '2026-07-15' }, ctx({ maxDays: 30 })))).message).toContain('maximum of 30 days');
    expect((await refusal(createException(db, { ...valid, expires: '2026-05-01' }, ctx()))).message).toContain('not in the future');
  });

  it('refuses an unknown check, an unknown requirement and a scope that names nothing', async () => {
    expect((await refusal(createException(db, { ...valid, check: 'no_such_check' }, ctx()))).message).toContain("unknown check 'no_such_check'");
    const { check: _c, ...noScope } = valid;
    expect((await refusal(createException(db, { ...noScope, benchmark: 'cis-aws-3.0', requirement: '99.99' }, ctx()))).message).toMatch(/no requirement '99\.99'|unknown benchmark/);
    expect((await refusal(createException(db, noScope, ctx()))).message).toContain('give a check, or a benchmark and requirement');
    expect((await refusal(createException(db, { ...valid, bogus: 1 } as never, ctx()))).message).toContain('unknown field(s) bogus');
  });
});

describe('exception history', () => {
  it('keeps every change with who, when and what, and a revoke as an event that deletes nothing', async () => {
    const e = await createException(db, valid, ctx());
    expect(e.expires_at).toBe('2026-09-30T23:59:59.999Z');
    expect(e.created_by).toBe('alice');
    const changed = await changeException(db, e.id, { owner: 'team-platform' }, ctx({ actor: 'bob' }));
    expect(changed!.changed).toEqual(['owner']);
    expect((await changeException(db, e.id, { owner: 'team-platform' }, ctx()))!.changed).toEqual([]);
    await revokeException(db, e.id, { actor: 'carol', now: new Date('2026-06-02T00:00:00Z') });
    const history = await exceptionHistory(db, e.id);
    expect(history.map((h) => [h.revision, h.action, h.actor])).toEqual([[1, 'created', 'alice'], [2, 'changed', 'bob'], [3, 'revoked', 'carol']]);
    expect(history[1]!.changes).toEqual({ owner: ['team-data', 'team-platform'] });
    const listed = (await listExceptions(db, now)).find((x) => x.id === e.id);
    expect(listed?.state).toBe('revoked');
    expect((await refusal(changeException(db, e.id, { owner: 'x' }, ctx()))).message).toContain('was revoked');
  });
});

describe('exceptions as YAML', () => {
  it('round-trips through a file, and importing it again changes nothing', async () => {
    const fresh = await memoryDb();
    try {
      const a = await createException(fresh, { ...valid, resource: 'arn:aws:s3:::logs-*', account: '111111111111', tag: 'env=legacy', ticket: 'https://tickets.example/SEC-1' }, ctx());
      const text = await exportYaml(fresh, now);
      expect(text).toContain('resource: arn:aws:s3:::logs-*');
      const other = await memoryDb();
      try {
        const first = await importYaml(other, text, ctx());
        expect(first).toEqual({ created: [a.id], changed: [], unchanged: [] });
        expect(await exportYaml(other, now)).toBe(text);
        expect(await importYaml(other, text, ctx())).toEqual({ created: [], changed: [], unchanged: [a.id] });
        // A reviewed change to the file changes just that field.
        const edited = await importYaml(other, text.replace('owner: team-data', 'owner: team-logs'), ctx());
        expect(edited).toEqual({ created: [], changed: [{ id: a.id, fields: ['owner'] }], unchanged: [] });
      } finally {
        other.close();
      }
    } finally {
      fresh.close();
    }
  });

  it('reads a hand-written file with a bare date and no id, idempotently', async () => {
    const fresh = await memoryDb();
    try {
      const text = `version: 1\nexceptions:\n  - check: ${check}\n    justification: legacy\n    owner: team\n    expires: 2026-08-01\n`;
      const first = await importYaml(fresh, text, ctx());
      expect(first.created).toHaveLength(1);
      expect(await importYaml(fresh, text, ctx())).toEqual({ created: [], changed: [], unchanged: first.created });
      expect((await listExceptions(fresh, now))[0]!.expires_at).toBe('2026-08-01T23:59:59.999Z');
    } finally {
      fresh.close();
    }
  });

  it('names the entry and the problem when a file entry is invalid', async () => {
    const text = `exceptions:\n  - check: ${check}\n    owner: team\n    expires: 2026-08-01\n`;
    expect((await refusal(importYaml(db, text, ctx(), 'risk.yaml'))).message).toMatch(/^risk\.yaml: exception #1: .*justification is required/);
    expect((await refusal(importYaml(db, 'exceptions: [oops', ctx(), 'bad.yaml'))).message).toContain('bad.yaml is not valid YAML');
  });
});
