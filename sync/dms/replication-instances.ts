import { DatabaseMigrationServiceClient, paginateDescribeReplicationInstances } from '@aws-sdk/client-database-migration-service';
import type { Row } from '../../schema/db.js';
import { awsDmsReplicationInstances } from '../../schema/dms.js';
import type { Collector } from '../types.js';

const table = awsDmsReplicationInstances.name;

/** DescribeReplicationInstances carries every column: no per-instance call. */
export const replicationInstancesCollector: Collector = {
  service: 'dms',
  name: 'replication-instances',
  scope: 'regional',
  tables: [awsDmsReplicationInstances],
  async collect(ctx) {
    const client = ctx.client(DatabaseMigrationServiceClient);
    const rows: Row[] = [];
    for await (const page of paginateDescribeReplicationInstances({ client }, { MaxRecords: 100 })) {
      for (const i of page.ReplicationInstances ?? []) {
        rows.push({
          arn: i.ReplicationInstanceArn!,
          identifier: i.ReplicationInstanceIdentifier ?? null,
          instance_class: i.ReplicationInstanceClass ?? null,
          status: i.ReplicationInstanceStatus ?? null,
          engine_version: i.EngineVersion ?? null,
          publicly_accessible: i.PubliclyAccessible ?? null,
          auto_minor_version_upgrade: i.AutoMinorVersionUpgrade ?? null,
          multi_az: i.MultiAZ ?? null,
          kms_key_id: i.KmsKeyId ?? null,
          vpc_id: i.ReplicationSubnetGroup?.VpcId ?? null,
          raw: i,
        });
      }
    }
    return { [table]: rows };
  },
};
