import type { Collector } from '../types.js';
import { functionsCollector } from './functions.js';

export const collectors: Collector[] = [functionsCollector];
