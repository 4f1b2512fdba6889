import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckTables } from '../../controls/check-tables.js';
import { loadCatalog } from '../../controls/loader.js';
import { requiredColumns } from '../../controls/run-check.js';
import { findTable } from '../../schema/inventory.js';
import { memoryDb } from '../support/db.js';

// Built-ins only: an analyst's $CALABI_CHECKS must not leak into the registry.
const catalog = loadCatalog({ env: {} });
const checks = [...catalog.checks.values()];
const published: Record<string, { count: number; csv: string }> = {
  'cis-aws-3.0': { count: 62, csv: 'cis_aws_v3.0.0.csv' },
  'cis-aws-1.5': { count: 63, csv: 'cis_aws_v1.5.0.csv' },
  'cis-aws-1.4': { count: 58, csv: 'cis_aws_v1.4.0.csv' },
};
const referenceDir = '/work/shared/reference';

describe('check catalogue', () => {
  it('loads every built-in check: SQL beside metadata whose id is the file name', () => {
    expect([...catalog.broken.values()].map((b) => b.message)).toEqual([]);
    expect(catalog.problems).toEqual([]);
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      expect(basename(c.file, '.sql')).toBe(c.id);
      expect(basename(dirname(c.file)), `${c.id} lives in the folder of its service`).toBe(c.id.split('_')[0]);
      expect(c.service).toBe(c.id.split('_')[0]);
      const meta = JSON.parse(readFileSync(c.file.replace(/\.sql$/, '.json'), 'utf8')) as { id?: string };
      expect(meta.id, `${c.id}.json names its id`).toBe(c.id);
    }
  });

  it('gives every built-in check a description, rationale, remediation steps and AWS links', () => {
    for (const c of checks) {
      expect(c.description.length, `${c.id} description`).toBeGreaterThan(0);
      expect(c.rationale.length, `${c.id} rationale`).toBeGreaterThan(0);
      expect(c.remediation.length, `${c.id} remediation`).toBeGreaterThan(0);
      expect(c.links.length, `${c.id} links`).toBeGreaterThan(0);
      for (const link of c.links) expect(link, `${c.id} link`).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|repost\.aws)\//);
    }
  });

  it('names only tables that exist in schema/inventory.ts', () => {
    for (const c of checks) {
      for (const t of [...c.tables, c.scope.table]) expect(findTable(t), `${c.id} reads ${t}`).toBeDefined();
      expect(c.tables, `${c.id}: its scope table is one it reads`).toContain(c.scope.table);
    }
  });

  it('declares in "tables" exactly the tables its SQL reads, as DuckDB parses it (views and macros expanded)', async () => {
    const db = await memoryDb();
    const conn = await db.connect();
    try {
      const derive = await CheckTables.load(conn);
      for (const c of checks) {
        const read = await derive.of(c.sql);
        expect(read, `${c.id} parses`).not.toBeNull();
        expect([...read!].sort(), `${c.id}.json "tables"`).toEqual([...c.tables].sort());
      }
    } finally {
      conn.closeSync();
      db.close();
    }
  });

  it('runs every check on an empty inventory and returns the required columns', async () => {
    const db = await memoryDb();
    const conn = await db.connect();
    try {
      for (const c of checks) {
        const prepared = await conn.prepare(c.sql).catch((e: Error) => {
          throw new Error(`${c.file}: ${e.message}`);
        });
        const columns = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
        for (const col of requiredColumns) expect(columns, `${c.id} returns ${col}`).toContain(col);
        const rows = await db.all(c.sql);
        expect(rows, `${c.id} on an empty inventory`).toEqual([]);
        if (c.scope.where) await db.all(`SELECT count(*) FROM ${c.scope.table} WHERE ${c.scope.where}`);
      }
    } finally {
      conn.closeSync();
      db.close();
    }
  });

  it('uses every check in at least one benchmark', () => {
    const mapped = new Set([...catalog.benchmarks.values()].flatMap((b) => b.requirements.flatMap((r) => r.checks)));
    expect(checks.map((c) => c.id).filter((id) => !mapped.has(id))).toEqual([]);
  });
});

describe('benchmarks', () => {
  it('ships the three CIS benchmarks with the published requirement counts', () => {
    expect([...catalog.benchmarks.keys()].sort()).toEqual(['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-3.0']);
    for (const [id, { count }] of Object.entries(published)) expect(catalog.benchmarks.get(id)?.requirements).toHaveLength(count);
  });

  it('maps only existing checks, at least one per automated requirement, and none for manual ones', () => {
    for (const b of catalog.benchmarks.values()) {
      for (const r of b.requirements) {
        if (r.assessment === 'Automated') {
          expect(r.checks.length, `${b.id} ${r.id} maps a check`).toBeGreaterThan(0);
          for (const id of r.checks) expect(catalog.checks.has(id), `${b.id} ${r.id} maps ${id}`).toBe(true);
        } else {
          expect(r.checks, `${b.id} ${r.id} is manual`).toEqual([]);
          expect(r.evidence?.length, `${b.id} ${r.id} says what evidence to look at`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('maps the version-specific requirements to their own checks', () => {
    const checksOf = (b: string, r: string) => catalog.benchmarks.get(b)!.requirements.find((x) => x.id === r)?.checks;
    expect(checksOf('cis-aws-3.0', '2.1.1')).toEqual(['s3_bucket_denies_http']);
    expect(checksOf('cis-aws-1.5', '2.1.1')).toEqual(['s3_bucket_default_encryption']);
    expect(checksOf('cis-aws-1.4', '2.1.1')).toEqual(['s3_bucket_default_encryption']);
    expect(checksOf('cis-aws-1.5', '3.3')).toEqual(['cloudtrail_bucket_not_public']);
    expect(checksOf('cis-aws-1.5', '3.4')).toEqual(['cloudtrail_cloudwatch_logs_integrated']);
    expect(checksOf('cis-aws-3.0', '3.3')).toEqual(['config_recorder_enabled_all_regions']);
    expect(checksOf('cis-aws-1.4', '3.5')).toEqual(['config_recorder_enabled_all_regions']);
    expect(checksOf('cis-aws-1.5', '2.4.1')).toEqual([]);
    expect(checksOf('cis-aws-3.0', '2.4.1')).toEqual(['efs_file_system_encrypted']);
    expect(checksOf('cis-aws-1.4', '5.3')).toEqual(['ec2_default_sg_restricts_all_traffic']);
    expect(checksOf('cis-aws-1.5', '5.3')).toEqual(['ec2_sg_no_admin_ports_open_ipv6']);
  });

  it.skipIf(!existsSync(referenceDir))('carries the published ids, titles, sections, levels and assessments', () => {
    for (const [id, { csv }] of Object.entries(published)) {
      const lines = readFileSync(`${referenceDir}/${csv}`, 'utf8').trim().split(/\r?\n/).slice(1);
      const reqs = catalog.benchmarks.get(id)!.requirements;
      expect(reqs.map((r) => r.id)).toEqual(lines.map((l) => l.split(',')[0]));
      for (const r of reqs) {
        const line = lines.find((l) => l.startsWith(`${r.id},`))!;
        // The last three fields never contain commas; titles may (quoted).
        const [section, level, assessment] = line.split(',').slice(-3);
        expect([r.section, String(r.level), r.assessment], `${id} ${r.id}`).toEqual([section, level, assessment]);
        expect(line).toContain(r.title.includes('"') || r.title.includes(',') ? `"${r.title.replace(/"/g, '""')}"` : `,${r.title},`);
      }
    }
  });
});
