import type { Collector } from '../types.js';
import { queuesCollector } from './queues.js';

export const collectors: Collector[] = [queuesCollector];
