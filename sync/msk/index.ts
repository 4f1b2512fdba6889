import type { Collector } from '../types.js';
import { clustersCollector } from './clusters.js';

export const collectors: Collector[] = [clustersCollector];
