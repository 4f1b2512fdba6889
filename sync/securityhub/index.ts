import type { Collector } from '../types.js';

export const collectors: Collector[] = [];
