import type { Collector } from '../types.js';
import { deliveryChannelsCollector, recordersCollector } from './recorders.js';

export const collectors: Collector[] = [recordersCollector, deliveryChannelsCollector];
