import type { Collector } from '../types.js';
import { hubsCollector } from './hubs.js';

export const collectors: Collector[] = [hubsCollector];
