import type { Collector } from '../types.js';
import { distributionsCollector } from './distributions.js';

export const collectors: Collector[] = [distributionsCollector];
