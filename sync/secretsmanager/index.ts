import type { Collector } from '../types.js';
import { secretsCollector } from './secrets.js';

export const collectors: Collector[] = [secretsCollector];
