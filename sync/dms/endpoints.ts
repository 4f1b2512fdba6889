import { DatabaseMigrationServiceClient, paginateDescribeEndpoints } from '@aws-sdk/client-database-migration-service';
import type { Row } from '../../schema/db.js';
import { awsDmsEndpoints } from '../../schema/dms.js';
import type { Collector } from '../types.js';

const table = awsDmsEndpoints.name;

/** DescribeEndpoints carries the SSL mode; AWS never returns an endpoint's password. */
export const endpointsCollector: Collector = {
  service: 'dms',
  name: 'endpoints',
  scope: 'regional',
  tables: [awsDmsEndpoints],
  async collect(ctx) {
    const client = ctx.client(DatabaseMigrationServiceClient);
    const rows: Row[] = [];
    for await (const page of paginateDescribeEndpoints({ client }, { MaxRecords: 100 })) {
      for (const e of page.Endpoints ?? []) {
        rows.push({
          arn: e.EndpointArn!,
          identifier: e.EndpointIdentifier ?? null,
          endpoint_type: e.EndpointType?.toUpperCase() ?? null,
          engine_name: e.EngineName ?? null,
          server_name: e.ServerName ?? null,
          ssl_mode: e.SslMode ?? null,
          status: e.Status ?? null,
          kms_key_id: e.KmsKeyId ?? null,
          raw: e,
        });
      }
    }
    return { [table]: rows };
  },
};
