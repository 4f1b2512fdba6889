import type { Collector } from '../types.js';
import { analyzersCollector } from './analyzers.js';

export const collectors: Collector[] = [analyzersCollector];
