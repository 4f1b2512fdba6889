import type { Collector } from '../types.js';
import { deliveryStreamsCollector } from './delivery-streams.js';

export const collectors: Collector[] = [deliveryStreamsCollector];
