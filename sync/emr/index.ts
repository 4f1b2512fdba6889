import type { Collector } from '../types.js';
import { blockPublicAccessCollector } from './block-public-access.js';
import { clustersCollector } from './clusters.js';

export const collectors: Collector[] = [clustersCollector, blockPublicAccessCollector];
