import type { Collector } from '../types.js';
import { projectsCollector } from './projects.js';
import { reportGroupsCollector } from './report-groups.js';
import { sourceCredentialsCollector } from './source-credentials.js';

export const collectors: Collector[] = [projectsCollector, reportGroupsCollector, sourceCredentialsCollector];
