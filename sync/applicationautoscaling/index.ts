import type { Collector } from '../types.js';
import { scalableTargetsCollector } from './scalable-targets.js';

export const collectors: Collector[] = [scalableTargetsCollector];
