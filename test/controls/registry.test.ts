import { readFileSync } from 'node:fs';
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
// Published requirement counts; the facts of each requirement are held to controls/reference/cis/ by
// benchmark-fidelity.test.ts.
const published: Record<string, number> = {
  'cis-aws-1.4': 58, 'cis-aws-1.5': 63, 'cis-aws-2.0': 64, 'cis-aws-3.0': 62, 'cis-aws-4.0': 64, 'cis-aws-5.0': 63, 'cis-aws-6.0': 63, 'cis-aws-7.0': 70,
};

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
      // aws_accounts and aws_regions define the scopes themselves: a check may count them without reading them.
      if (c.scope.table !== 'aws_accounts' && c.scope.table !== 'aws_regions') expect(c.tables, `${c.id}: its scope table is one it reads`).toContain(c.scope.table);
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
  const checksOf = (b: string, r: string) => catalog.benchmarks.get(b)!.requirements.find((x) => x.id === r)?.checks;

  it('ships the eight CIS benchmarks, AWS FSBP and the six regulatory frameworks with the published requirement counts', () => {
    const frameworks = ['gdpr', 'hipaa', 'nist-800-53-r5', 'pci-dss-3.2.1', 'pci-dss-4.0', 'soc2'];
    expect([...catalog.benchmarks.keys()].sort()).toEqual(['aws-fsbp', ...Object.keys(published), ...frameworks].sort());
    // Every control of controls/reference/frameworks/aws_fsbp.csv (Security Hub's FSBP standard).
    expect(catalog.benchmarks.get('aws-fsbp')?.requirements).toHaveLength(287);
    for (const [id, count] of Object.entries(published)) expect(catalog.benchmarks.get(id)?.requirements, id).toHaveLength(count);
  });

  it('maps only existing checks, and gives every requirement no check decides the evidence to collect', () => {
    for (const b of catalog.benchmarks.values()) {
      for (const r of b.requirements) {
        for (const id of r.checks) expect(catalog.checks.has(id), `${b.id} ${r.id} maps ${id}`).toBe(true);
        if (r.checks.length === 0) expect(r.evidence?.length, `${b.id} ${r.id} says what evidence to collect`).toBeGreaterThan(20);
        else expect(r.evidence, `${b.id} ${r.id} is decided by its checks`).toBeUndefined();
      }
    }
  });

  it('leaves MANUAL only what a person must decide (contacts, security questions, federation, peering routes, OU structure)', () => {
    const manual = (b: string) => catalog.benchmarks.get(b)!.requirements.filter((r) => r.checks.length === 0).map((r) => r.id);
    expect(manual('cis-aws-1.4')).toEqual(['1.1', '1.3', '1.21', '5.4']);
    expect(manual('cis-aws-3.0')).toEqual(['1.1', '1.3', '1.21', '5.5']);
    expect(manual('cis-aws-5.0')).toEqual(['1.1', '1.20', '5.6']);
    expect(manual('cis-aws-7.0')).toEqual(['2.1.4', '2.2', '2.19', '6.6']);
  });

  it('evaluates requirements CIS labels Manual when a check decides them (4.0 on labels whole sections Manual)', () => {
    const v7 = catalog.benchmarks.get('cis-aws-7.0')!.requirements;
    const monitoring = v7.filter((r) => r.id.startsWith('5.') && r.id !== '5.16');
    expect(monitoring).toHaveLength(15);
    for (const r of monitoring) {
      expect(r.assessment, r.id).toBe('Manual');
      expect(r.checks, r.id).toHaveLength(1);
      expect(r.checks[0], r.id).toMatch(/^cloudwatch_alarm_/);
    }
    expect(checksOf('cis-aws-1.5', '2.4.1')).toEqual(['efs_file_system_encrypted']);
    expect(catalog.benchmarks.get('cis-aws-1.5')!.requirements.find((r) => r.id === '2.4.1')?.assessment).toBe('Manual');
  });

  it('maps the version-specific requirements to their own checks', () => {
    expect(checksOf('cis-aws-3.0', '2.1.1')).toEqual(['s3_bucket_denies_http']);
    expect(checksOf('cis-aws-1.5', '2.1.1')).toEqual(['s3_bucket_default_encryption']);
    expect(checksOf('cis-aws-1.4', '2.1.1')).toEqual(['s3_bucket_default_encryption']);
    expect(checksOf('cis-aws-1.5', '3.3')).toEqual(['cloudtrail_bucket_not_public']);
    expect(checksOf('cis-aws-1.5', '3.4')).toEqual(['cloudtrail_cloudwatch_logs_integrated']);
    expect(checksOf('cis-aws-3.0', '3.3')).toEqual(['config_recorder_enabled_all_regions']);
    expect(checksOf('cis-aws-1.4', '3.5')).toEqual(['config_recorder_enabled_all_regions']);
    expect(checksOf('cis-aws-3.0', '2.4.1')).toEqual(['efs_file_system_encrypted']);
    expect(checksOf('cis-aws-1.4', '5.3')).toEqual(['ec2_default_sg_restricts_all_traffic']);
    expect(checksOf('cis-aws-1.5', '5.3')).toEqual(['ec2_sg_no_admin_ports_open_ipv6']);
  });

  it('maps by meaning across renumbering: 7.0 moved IAM to 2, logging to 4, monitoring to 5, networking to 6', () => {
    expect(checksOf('cis-aws-7.0', '2.4')).toEqual(checksOf('cis-aws-3.0', '1.4'));
    expect(checksOf('cis-aws-7.0', '4.3')).toEqual(checksOf('cis-aws-3.0', '3.3'));
    expect(checksOf('cis-aws-7.0', '5.1')).toEqual(checksOf('cis-aws-3.0', '4.1'));
    expect(checksOf('cis-aws-7.0', '6.3')).toEqual(checksOf('cis-aws-3.0', '5.2'));
    expect(checksOf('cis-aws-7.0', '6.1.1')).toEqual(['ec2_ebs_encryption_by_default']);
    expect(checksOf('cis-aws-4.0', '5.1.1')).toEqual(['ec2_ebs_encryption_by_default']);
    expect(checksOf('cis-aws-5.0', '1.10')).toEqual(['iam_user_no_initial_access_key']);
  });

  it('maps the requirements of the new data to their checks in every version that has them', () => {
    expect(checksOf('cis-aws-7.0', '2.1.1')).toEqual(['organizations_root_credentials_management_enabled']);
    expect(checksOf('cis-aws-7.0', '2.1.2')).toEqual(['organizations_scp_guardrails_attached']);
    expect(checksOf('cis-aws-7.0', '2.1.3')).toEqual(['organizations_management_account_no_workloads']);
    expect(checksOf('cis-aws-7.0', '2.1.5')).toEqual(['organizations_delegated_admin_for_policies']);
    expect(checksOf('cis-aws-7.0', '2.1.6')).toEqual(['organizations_delegated_admin_for_services']);
    expect(checksOf('cis-aws-7.0', '4.10')).toEqual(['cloudfront_distribution_access_logging', 'elbv2_access_logging_enabled', 'apigateway_stage_access_logging']);
    expect(checksOf('cis-aws-7.0', '2.21')).toEqual([
      's3_bucket_policy_not_public', 'sqs_queue_policy_not_public', 'sns_topic_policy_not_public',
      'lambda_function_policy_not_public', 'kms_key_policy_not_public', 'secretsmanager_secret_policy_not_public',
    ]);
    expect(checksOf('cis-aws-7.0', '6.8')).toEqual(['ec2_vpc_endpoints_for_aws_services']);
    for (const [b, r] of [['cis-aws-4.0', '2.2.4'], ['cis-aws-5.0', '2.2.4'], ['cis-aws-6.0', '3.2.4'], ['cis-aws-7.0', '3.2.4']] as const) {
      expect(checksOf(b, r), `${b} ${r}`).toEqual(['rds_instance_multi_az', 'rds_cluster_multi_az']);
    }
    for (const [b, r] of [['cis-aws-4.0', '5.1.2'], ['cis-aws-5.0', '5.1.2'], ['cis-aws-6.0', '6.1.2'], ['cis-aws-7.0', '6.1.2']] as const) {
      expect(checksOf(b, r), `${b} ${r}`).toEqual(['ec2_sg_no_cifs_port_open']);
    }
    const everywhere: Array<[string, string[]]> = [
      ['account_security_contact_registered', ['1.2', '1.2', '1.2', '1.2', '1.2', '1.2', '2.2', '2.3']],
      ['ec2_instance_uses_iam_role', ['1.18', '1.18', '1.18', '1.18', '1.18', '1.17', '2.17', '2.16']],
      ['macie_enabled_all_regions', ['2.1.4', '2.1.4', '2.1.3', '2.1.3', '2.1.3', '2.1.3', '3.1.3', '3.1.3']],
    ];
    const versions = Object.keys(published);
    for (const [check, ids] of everywhere) {
      versions.forEach((b, i) => expect(checksOf(b, ids[i]!), `${b} ${ids[i]} → ${check}`).toEqual([check]));
    }
    const cloudshell = versions.slice(2).map((b) => catalog.benchmarks.get(b)!.requirements.find((r) => r.title === 'Ensure access to AWSCloudShellFullAccess is restricted')?.checks);
    expect(cloudshell).toEqual(Array(6).fill(['iam_cloudshell_full_access_restricted']));
  });
});
