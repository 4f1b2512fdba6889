import type { Collector } from '../types.js';
import { clustersCollector } from './clusters.js';
import { replicationGroupsCollector } from './replication-groups.js';

export const collectors: Collector[] = [replicationGroupsCollector, clustersCollector];
