import type { Collector } from '../types.js';
import { workgroupsCollector } from './workgroups.js';

export const collectors: Collector[] = [workgroupsCollector];
