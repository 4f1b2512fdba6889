import type { Collector } from '../types.js';
import { groupsCollector } from './groups.js';
import { launchConfigurationsCollector } from './launch-configurations.js';

export const collectors: Collector[] = [groupsCollector, launchConfigurationsCollector];
