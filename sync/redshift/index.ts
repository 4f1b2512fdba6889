import type { Collector } from '../types.js';
import { clustersCollector } from './clusters.js';
import { parameterGroupsCollector } from './parameter-groups.js';

export const collectors: Collector[] = [clustersCollector, parameterGroupsCollector];
