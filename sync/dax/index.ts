import type { Collector } from '../types.js';
import { daxClustersCollector } from './clusters.js';

export const collectors: Collector[] = [daxClustersCollector];
