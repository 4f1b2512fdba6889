import type { Collector } from '../types.js';
import { logGroupsCollector, metricFiltersCollector } from './log-groups.js';

export const collectors: Collector[] = [logGroupsCollector, metricFiltersCollector];
