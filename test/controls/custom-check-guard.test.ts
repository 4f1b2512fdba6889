import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { ControlReport } from '../../controls/types.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
let dir: string;
let cleanup: () => void;
const cols = "account_id AS resource_id, account_id, region, 'x' AS reason";
const hostile: Array<[string, string, RegExp, string?]> = [
  ['deletes after its SELECT', `SELECT ${cols} FROM aws_accounts; DELETE FROM scans`, /a check runs one statement at a time; this text holds 2/],
  ['reads a file', `SELECT ${cols}, line FROM aws_accounts, read_csv('/etc/passwd', columns = {'line': 'VARCHAR'})`, /disabled by configuration|Permission Error/],
  ['reads a file with read_text', `SELECT ${cols}, content FROM aws_accounts, read_text('/etc/hostname')`, /disabled by configuration|Permission Error/],
  ['copies to a file', "COPY (SELECT 1) TO 'OUT.csv'", /COPY is not allowed in a check|disabled by configuration/],
  ['attaches a database', "ATTACH ':memory:' AS other", /ATTACH is not allowed in a check/],
  ['runs SQL assembled at run time', `SELECT ${cols} FROM aws_accounts, query('SELECT 1')`, /query\(\) changes the database or its settings and is not allowed in a check/],
  ['changes a setting', "SET threads = 1", /SET is not allowed in a check/],
  ['hides a statement in its scope filter', `SELECT ${cols} FROM aws_accounts WHERE false`, /a check runs one statement at a time/, "1=1); DELETE FROM scans; SELECT (1"],
];

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'benchmarks'));
  const requirements = hostile.map(([name, sql, , where], i) => {
    const id = `t_hostile_${i}`;
    writeFileSync(join(dir, `${id}.sql`), sql.replace('OUT', join(dir, 'out')));
    writeFileSync(join(dir, `${id}.json`), JSON.stringify({ title: name, severity: 'low', tables: ['aws_accounts'], scope: { table: 'aws_accounts', ...(where ? { where } : {}) } }));
    return { id: `H.${i}`, title: name, section: 'H', level: 1, assessment: 'Automated', checks: [id] };
  });
  writeFileSync(join(dir, 't_honest.sql'), `SELECT ${cols} FROM aws_accounts WHERE alias IS NULL`);
  writeFileSync(join(dir, 't_honest.json'), JSON.stringify({ title: 'honest', severity: 'low', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } }));
  requirements.push({ id: 'OK', title: 'honest', section: 'H', level: 1, assessment: 'Automated', checks: ['t_honest'] });
  writeFileSync(join(dir, 'benchmarks', 'hostile.json'), JSON.stringify({ id: 'hostile', title: 'Hostile', version: '1', requirements }));
});
afterAll(() => cleanup());

describe('custom checks', () => {
  it('run as single read-only statements: writes, files, settings and hidden statements are refused with a message', async () => {
    const db = await memoryDb();
    try {
      await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
      const report = await evaluateBenchmark({ db, benchmarkId: 'hostile', checksDirs: [dir] });
      const byId = new Map<string, ControlReport>(report.controls.map((c) => [c.id, c]));
      hostile.forEach(([name, , message], i) => {
        const c = byId.get(`H.${i}`)!;
        expect(c.status, name).toBe('ERROR');
        expect(c.reason, name).toMatch(message);
        expect(c.reason, name).toMatch(new RegExp(`t_hostile_${i}\\.sql`));
      });
      expect(byId.get('OK')!.status).toBe('FAIL');
      // Nothing was deleted, written or attached.
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM scans'))!.n).toBe(1);
      expect(existsSync(join(dir, 'out.csv'))).toBe(false);
      expect(await db.all("SELECT database_name FROM duckdb_databases() WHERE database_name = 'other'")).toEqual([]);
    } finally {
      db.close();
    }
  });
});
