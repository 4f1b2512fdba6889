import { describe, expect, it } from 'vitest';
import { withoutKeys } from '../../schema/lake-ddl.js';

describe('migration DDL on a lake (no keys in DuckLake)', () => {
  it('drops a column key and a table key, keeping NOT NULL and the columns', () => {
    const sql = `CREATE TABLE t (
          id VARCHAR PRIMARY KEY,
          a VARCHAR NOT NULL,          -- a comment
          b INTEGER,
          PRIMARY KEY (a, b)
        )`;
    const out = withoutKeys(sql);
    expect(out).not.toMatch(/PRIMARY KEY|UNIQUE/);
    expect(out).toMatch(/id VARCHAR,/);
    expect(out).toMatch(/a VARCHAR NOT NULL,/);
    expect(out).toMatch(/b INTEGER\s*\)/);
  });

  it('drops a table key that follows a commented column', () => {
    const sql = `CREATE TABLE e (
          exception_id VARCHAR NOT NULL,
          snapshot JSON NOT NULL,           -- the exception after this change (as JSON)
          PRIMARY KEY (exception_id, revision)
        )`;
    const out = withoutKeys(sql);
    expect(out).not.toMatch(/PRIMARY KEY/);
    expect(out).toMatch(/snapshot JSON NOT NULL\s*\)/);
  });

  it('leaves statements other than CREATE TABLE alone', () => {
    const insert = "INSERT INTO notes VALUES ('PRIMARY KEY, UNIQUE')";
    expect(withoutKeys(insert)).toBe(insert);
  });

  it('drops the key of a one-line table as schema_migrations declares it', () => {
    expect(withoutKeys('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)')).toBe(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)',
    );
  });
});
