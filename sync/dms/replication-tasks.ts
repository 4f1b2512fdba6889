import { DatabaseMigrationServiceClient, paginateDescribeReplicationTasks } from '@aws-sdk/client-database-migration-service';
import type { Row } from '../../schema/db.js';
import { awsDmsReplicationTasks } from '../../schema/dms.js';
import type { Collector } from '../types.js';
import { taskLogging } from './task-logging.js';

const table = awsDmsReplicationTasks.name;

/** DescribeReplicationTasks carries the task settings (a JSON string) with the logging configuration. */
export const replicationTasksCollector: Collector = {
  service: 'dms',
  name: 'replication-tasks',
  scope: 'regional',
  tables: [awsDmsReplicationTasks],
  async collect(ctx) {
    const client = ctx.client(DatabaseMigrationServiceClient);
    const rows: Row[] = [];
    // WithoutSettings false: the settings are the point (AWS's default already includes them).
    for await (const page of paginateDescribeReplicationTasks({ client }, { MaxRecords: 100, WithoutSettings: false })) {
      for (const t of page.ReplicationTasks ?? []) {
        rows.push({
          arn: t.ReplicationTaskArn!,
          identifier: t.ReplicationTaskIdentifier ?? null,
          migration_type: t.MigrationType ?? null,
          status: t.Status ?? null,
          replication_instance_arn: t.ReplicationInstanceArn ?? null,
          source_endpoint_arn: t.SourceEndpointArn ?? null,
          target_endpoint_arn: t.TargetEndpointArn ?? null,
          ...taskLogging(t.ReplicationTaskSettings),
          raw: t,
        });
      }
    }
    return { [table]: rows };
  },
};
