import type { Collector } from '../types.js';
import { keysCollector } from './keys.js';

export const collectors: Collector[] = [keysCollector];
