import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const arn = (kind: string, name: string) => `arn:aws:dms:us-east-1:111111111111:${kind}:${name}`;
const instance = (name: string, extra: Row = {}): Row => ({
  arn: arn('rep', name), identifier: name, publicly_accessible: false, auto_minor_version_upgrade: true, multi_az: true, engine_version: '3.5.3', ...extra,
});
const endpoint = (name: string, extra: Row = {}): Row => ({
  arn: arn('endpoint', name), identifier: name, endpoint_type: 'SOURCE', engine_name: 'mysql', ssl_mode: 'verify-full', ...extra,
});
const task = (name: string, extra: Row = {}): Row => ({
  arn: arn('task', name), identifier: name, logging_enabled: true, source_capture_severity: 'LOGGER_SEVERITY_DEFAULT', source_unload_severity: 'LOGGER_SEVERITY_DEFAULT',
  target_apply_severity: 'LOGGER_SEVERITY_DEFAULT', target_load_severity: 'LOGGER_SEVERITY_DEFAULT', ...extra,
});

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; name: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'dms_replication_instance_not_public', table: 'aws_dms_replication_instances', make: instance, name: 'replication_instance',
    failing: [
      ['open', { publicly_accessible: true }, 'DMS replication instance open is publicly accessible'],
      ['unknown', { publicly_accessible: null }, 'DMS replication instance unknown did not report whether it is publicly accessible'],
    ],
    passing: [instance('private')] },
  { id: 'dms_replication_instance_minor_upgrade_enabled', table: 'aws_dms_replication_instances', make: instance, name: 'replication_instance',
    failing: [
      ['frozen', { auto_minor_version_upgrade: false }, 'DMS replication instance frozen does not apply minor version upgrades automatically'],
      ['unknown', { auto_minor_version_upgrade: null }, 'DMS replication instance unknown did not report its automatic minor version upgrade setting'],
    ],
    passing: [instance('upgrading')] },
  { id: 'dms_endpoint_ssl_enabled', table: 'aws_dms_endpoints', make: endpoint, name: 'endpoint',
    failing: [
      ['plain', { ssl_mode: 'none' }, 'DMS source endpoint plain (mysql) does not use SSL (SslMode none)'],
      ['unknown', { ssl_mode: null, endpoint_type: 'TARGET', engine_name: 'postgres' }, 'DMS target endpoint unknown (postgres) did not report its SSL mode'],
    ],
    passing: [endpoint('verified'), endpoint('required', { ssl_mode: 'require' }), endpoint('ca', { ssl_mode: 'verify-ca' })] },
  { id: 'dms_replication_task_target_logging', table: 'aws_dms_replication_tasks', make: task, name: 'replication_task',
    failing: [
      ['off', { logging_enabled: false }, 'DMS replication task off has logging disabled'],
      ['quiet', { target_apply_severity: 'LOGGER_SEVERITY_WARNING', target_load_severity: null }, 'DMS replication task quiet logs the target below default severity: TARGET_APPLY LOGGER_SEVERITY_WARNING, TARGET_LOAD not set'],
      ['unknown', { logging_enabled: null }, 'DMS replication task unknown did not report its logging settings'],
    ],
    // Source components below default do not concern the target control.
    passing: [task('logged', { source_capture_severity: 'LOGGER_SEVERITY_ERROR' }), task('verbose', { target_apply_severity: 'LOGGER_SEVERITY_DETAILED_DEBUG', target_load_severity: 'LOGGER_SEVERITY_DEBUG' })] },
  { id: 'dms_replication_task_source_logging', table: 'aws_dms_replication_tasks', make: task, name: 'replication_task',
    failing: [
      ['off', { logging_enabled: false }, 'DMS replication task off has logging disabled'],
      ['quiet', { source_capture_severity: null, source_unload_severity: 'LOGGER_SEVERITY_INFO' }, 'DMS replication task quiet logs the source below default severity: SOURCE_CAPTURE not set, SOURCE_UNLOAD LOGGER_SEVERITY_INFO'],
      ['unknown', { logging_enabled: null }, 'DMS replication task unknown did not report its logging settings'],
    ],
    passing: [task('logged', { target_load_severity: 'LOGGER_SEVERITY_ERROR' }), task('verbose', { source_capture_severity: 'LOGGER_SEVERITY_DEBUG' })] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r[c.name], r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(c.make(c.failing[0]![0]).arn);
  });
  it('passes resources configured as it asks', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
