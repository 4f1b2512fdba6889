import type { Collector } from '../types.js';
import { projectsCollector } from './projects.js';
import { reportGroupsCollector } from './report-groups.js';

export const collectors: Collector[] = [projectsCollector, reportGroupsCollector];
