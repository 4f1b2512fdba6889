import type { Collector } from '../types.js';
import { streamsCollector } from './streams.js';

export const collectors: Collector[] = [streamsCollector];
