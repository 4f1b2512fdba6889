import type { Collector } from '../types.js';
import { projectsCollector } from './projects.js';

export const collectors: Collector[] = [projectsCollector];
