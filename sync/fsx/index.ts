import type { Collector } from '../types.js';
import { fileSystemsCollector } from './file-systems.js';

export const collectors: Collector[] = [fileSystemsCollector];
