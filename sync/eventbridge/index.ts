import type { Collector } from '../types.js';
import { eventBusesCollector } from './event-buses.js';

export const collectors: Collector[] = [eventBusesCollector];
