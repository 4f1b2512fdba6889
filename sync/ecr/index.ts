import type { Collector } from '../types.js';
import { repositoriesCollector } from './repositories.js';

export const collectors: Collector[] = [repositoriesCollector];
