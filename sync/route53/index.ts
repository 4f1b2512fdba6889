import type { Collector } from '../types.js';
import { hostedZonesCollector } from './hosted-zones.js';

export const collectors: Collector[] = [hostedZonesCollector];
