import type { Collector } from '../types.js';
import { endpointsCollector } from './endpoints.js';
import { replicationInstancesCollector } from './replication-instances.js';
import { replicationTasksCollector } from './replication-tasks.js';

export const collectors: Collector[] = [replicationInstancesCollector, endpointsCollector, replicationTasksCollector];
