import type { Collector } from '../types.js';
import { dbInstancesCollector } from './db-instances.js';

export const collectors: Collector[] = [dbInstancesCollector];
