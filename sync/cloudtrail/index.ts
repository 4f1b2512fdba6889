import type { Collector } from '../types.js';
import { trailsCollector } from './trails.js';

export const collectors: Collector[] = [trailsCollector];
