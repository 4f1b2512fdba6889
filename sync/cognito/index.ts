import type { Collector } from '../types.js';
import { userPoolsCollector } from './user-pools.js';

export const collectors: Collector[] = [userPoolsCollector];
