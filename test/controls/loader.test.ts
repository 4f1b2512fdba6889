import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../controls/loader.js';
import { tempDir } from '../support/db.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const meta = { title: 'Custom', severity: 'medium', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } };
const sql = "SELECT arn AS resource_id, account_id, region, 'x' AS reason FROM aws_s3_buckets";
function put(path: string, content: unknown): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
}
const load = () => loadCatalog({ checksDirs: [dir], env: {} });

describe('loadCatalog', () => {
  it('loads a custom check from nested folders with defaults for the optional fields', () => {
    put('team/acme_bucket_named.sql', `${sql};\n`);
    put('team/acme_bucket_named.json', meta);
    const check = load().checks.get('acme_bucket_named')!;
    expect(check).toMatchObject({ id: 'acme_bucket_named', service: 'acme', severity: 'medium', builtin: false, remediation: [], links: [] });
    expect(check.sql).toBe(sql);
    expect(check.file).toBe(join(dir, 'team/acme_bucket_named.sql'));
  });

  it('refuses metadata whose id differs from the file name', () => {
    put('acme_one.sql', sql);
    put('acme_one.json', { ...meta, id: 'acme_two' });
    const c = load();
    expect(c.checks.has('acme_one')).toBe(false);
    expect(c.broken.get('acme_one')?.message).toMatch(/acme_one\.json: id "acme_two" differs from the file name; the id must be "acme_one"/);
  });

  it('names the missing fields of a check and a query without metadata', () => {
    put('acme_fields.sql', sql);
    put('acme_fields.json', { title: 'x', tables: [] });
    put('acme_lonely.sql', sql);
    const c = load();
    expect(c.broken.get('acme_fields')?.message).toMatch(/severity: .*tables: list at least one table.*scope/s);
    expect(c.broken.get('acme_lonely')?.message).toMatch(/acme_lonely\.sql: no metadata: add acme_lonely\.json beside it/);
  });

  it('keeps the built-in check when a custom one reuses its id, and says so', () => {
    put('iam_root_mfa_enabled.sql', sql);
    put('iam_root_mfa_enabled.json', meta);
    const c = load();
    expect(c.checks.get('iam_root_mfa_enabled')?.builtin).toBe(true);
    expect(c.problems.map((p) => p.message).join()).toMatch(/duplicate check id iam_root_mfa_enabled: already defined by .*controls\/checks\/iam\/iam_root_mfa_enabled\.sql/);
  });

  it('loads a custom benchmark and reports a malformed one without dropping the others', () => {
    put('benchmarks/acme.json', { id: 'acme', title: 'ACME', version: '1', requirements: [{ id: '1', title: 't', section: 's', assessment: 'Automated', checks: ['acme_x'] }] });
    put('benchmarks/broken.json', { id: 'Not Valid', title: 'x', version: '1', requirements: [] });
    put('benchmarks/twice.json', { id: 'acme-2', title: 'x', version: '1', requirements: [{ id: '1', title: 't', section: 's', assessment: 'Manual' }, { id: '1', title: 't', section: 's', assessment: 'Manual' }] });
    put('benchmarks/cis.json', { id: 'cis-aws-3.0', title: 'mine', version: '9', requirements: [{ id: '1', title: 't', section: 's', assessment: 'Manual' }] });
    const c = load();
    expect(c.benchmarks.get('acme')).toMatchObject({ builtin: false, requirements: [{ id: '1', checks: ['acme_x'] }] });
    // A framework without levels keeps none (no invented level 1).
    expect(c.benchmarks.get('acme')?.requirements[0]?.level).toBeUndefined();
    expect(c.benchmarks.get('cis-aws-3.0')?.builtin).toBe(true);
    const messages = c.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/broken\.json: not a valid benchmark: id: use lower-case letters.*requirements: a benchmark needs at least one requirement/);
    expect(messages).toMatch(/twice\.json: requirement 1 appears twice/);
    expect(messages).toMatch(/cis\.json: duplicate benchmark id cis-aws-3\.0/);
  });
});
