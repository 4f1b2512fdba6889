import { afterEach, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../schema/db.js';
import { readFindingGroups } from '../../controls/read-findings.js';
import { Digester, findingLine, findingsDigest } from '../../controls/report-hash.js';
import type { ResourceFinding } from '../../controls/types.js';
import { memoryDb } from '../support/db.js';

let db: Database | undefined;
let conn: DuckDBConnection | undefined;
afterEach(() => {
  conn?.closeSync();
  db?.close();
});

/** Findings whose text JavaScript and DuckDB could render or order differently. */
const tricky: ResourceFinding[] = [
  { resource_id: 'arn:aws:s3:::b/*', account_id: '1', region: 'global', reason: 'quote " and backslash \\ and slash /' },
  { resource_id: 'ctl\u0001\u001f\u007f', account_id: '1', region: 'r', reason: 'tab\there, newline\nthere' },
  { resource_id: 'literal \\u001f escape', account_id: '1', region: 'r', reason: 'not a control character' },
  { resource_id: '\ue000 private use', account_id: '1', region: 'r', reason: 'sorts before the emoji in code-point order' },
  { resource_id: '😀 beyond the BMP', account_id: '1', region: 'r', reason: 'é€ unicode' },
  { resource_id: 'same', account_id: '2', region: 'r', reason: 'b' },
  { resource_id: 'same', account_id: '2', region: 'r', reason: 'a' },
  { resource_id: '', account_id: '', region: '', reason: '' },
];

async function duckDigest(findings: readonly ResourceFinding[] | string, rows?: number): Promise<{ digest: string | undefined; read: ResourceFinding[] }> {
  db = await memoryDb();
  conn = await db.connect();
  await conn.run('CREATE TEMP TABLE f (resource_id VARCHAR, account_id VARCHAR, region VARCHAR, reason VARCHAR)');
  if (typeof findings === 'string') await conn.run(`INSERT INTO f ${findings}`);
  else for (const f of findings) await conn.run('INSERT INTO f VALUES ($1, $2, $3, $4)', [f.resource_id, f.account_id, f.region, f.reason]);
  const digests = new Map<string, string>();
  const groups = await readFindingGroups(conn, { from: 'f', key: "''", rows, digests });
  return { digest: digests.get(''), read: groups.get('') ?? [] };
}

describe('the findings digest', () => {
  it('is the same whether DuckDB renders the lines or JavaScript does, for text the two could write differently', async () => {
    const { digest, read } = await duckDigest([...tricky].reverse());
    expect(digest).toBe(findingsDigest(tricky));
    expect(read).toHaveLength(tricky.length);
    expect(findingsDigest(read)).toBe(digest);
  });

  it('is the same when the findings are read in parts (over 50,000 findings)', async () => {
    const n = 120_000;
    const { digest, read } = await duckDigest(`SELECT 'r-' || (i % 7), CAST(i AS VARCHAR), 'us-east-1', 'why ' || i FROM range(${n}) t(i)`, n);
    expect(read).toHaveLength(n);
    expect(digest).toBe(findingsDigest(read));
  });

  it('writes a control character as DuckDB does and leaves an escaped backslash alone', () => {
    expect(findingLine({ resource_id: 'a\u001fb', account_id: '\\u001f', region: 'r', reason: 'x' })).toBe('["a\\u001Fb","\\\\u001f","r","x"]');
  });

  it('changes when one finding changes', () => {
    const changed = tricky.map((f, i) => (i === 0 ? { ...f, reason: `${f.reason}!` } : f));
    expect(findingsDigest(changed)).not.toBe(findingsDigest(tricky));
  });

  it('digests several checks\' findings together as findingsDigest does their concatenation, in any order and when asked again', () => {
    const a = tricky.slice(0, 3);
    const b = [...tricky.slice(2), { resource_id: 'a', account_id: '2', region: 'r', reason: 'x' }];
    const c = [{ resource_id: 'z', account_id: '1', region: 'r', reason: 'y' }, { resource_id: 'a', account_id: '1', region: 'r', reason: 'y' }];
    // A list larger than the digester's 1 MiB staging buffer, sharing findings with the others.
    const big = Array.from({ length: 20_000 }, (_, i) => ({ resource_id: `arn:aws:s3:::bucket-${i % 7000}`, account_id: String(i % 3), region: 'eu-west-1', reason: `${'x'.repeat(i % 50)} ${i}` }));
    // A run of adjacent findings larger than a line or two but smaller than the buffer, between two of c's.
    const mid = Array.from({ length: 2_000 }, (_, i) => ({ resource_id: `m-${String(i).padStart(5, '0')}`, account_id: '1', region: 'r', reason: 'x'.repeat(60) }));
    const digester = new Digester();
    digester.request('cmid', [c, mid]);
    digester.request('abc', [a, b, c]);
    digester.request('cab', [c, a, b]);
    digester.request('b', [b]);
    digester.request('ac', [a, c]);
    digester.request('ab', [a, b]);
    digester.request('none', []);
    digester.request('big', [big, a, c]);
    const got = digester.finish();
    expect(got.get('abc')).toBe(findingsDigest([...a, ...b, ...c]));
    expect(got.get('cab')).toBe(findingsDigest([...a, ...b, ...c]));
    expect(got.get('b')).toBe(findingsDigest(b));
    expect(got.get('ac')).toBe(findingsDigest([...a, ...c]));
    expect(got.get('ac')).not.toBe(got.get('ab'));
    expect(got.get('none')).toBe(findingsDigest([]));
    expect(got.get('big')).toBe(findingsDigest([...big, ...a, ...c]));
    expect(got.get('cmid')).toBe(findingsDigest([...c, ...mid]));
  });
});
