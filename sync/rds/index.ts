import type { Collector } from '../types.js';
import { dbClusterSnapshotsCollector } from './db-cluster-snapshots.js';
import { dbClustersCollector } from './db-clusters.js';
import { dbInstancesCollector } from './db-instances.js';
import { dbParameterGroupsCollector } from './db-parameter-groups.js';
import { dbSnapshotsCollector } from './db-snapshots.js';
import { eventSubscriptionsCollector } from './event-subscriptions.js';

export const collectors: Collector[] = [
  dbInstancesCollector, dbClustersCollector, dbSnapshotsCollector, dbClusterSnapshotsCollector, dbParameterGroupsCollector, eventSubscriptionsCollector,
];
