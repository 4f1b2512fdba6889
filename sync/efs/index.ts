import type { Collector } from '../types.js';
import { accessPointsCollector } from './access-points.js';
import { fileSystemsCollector } from './file-systems.js';

export const collectors: Collector[] = [fileSystemsCollector, accessPointsCollector];
