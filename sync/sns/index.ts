import type { Collector } from '../types.js';
import { subscriptionsCollector, topicsCollector } from './topics.js';

export const collectors: Collector[] = [topicsCollector, subscriptionsCollector];
