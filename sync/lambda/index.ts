import type { Collector } from '../types.js';
import { functionsCollector } from './functions.js';
import { functionUrlsCollector } from './function-urls.js';

export const collectors: Collector[] = [functionsCollector, functionUrlsCollector];
