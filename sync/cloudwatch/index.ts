import type { Collector } from '../types.js';
import { alarmsCollector } from './alarms.js';

export const collectors: Collector[] = [alarmsCollector];
