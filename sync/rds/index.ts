import type { Collector } from '../types.js';
import { dbClustersCollector } from './db-clusters.js';
import { dbInstancesCollector } from './db-instances.js';

export const collectors: Collector[] = [dbInstancesCollector, dbClustersCollector];
