import type { Collector } from '../types.js';
import { stacksCollector } from './stacks.js';

export const collectors: Collector[] = [stacksCollector];
