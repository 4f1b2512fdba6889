import type { Collector } from '../types.js';
import { environmentsCollector } from './environments.js';

export const collectors: Collector[] = [environmentsCollector];
