import type { Collector } from '../types.js';
import { loadBalancersCollector } from './load-balancers.js';

export const collectors: Collector[] = [loadBalancersCollector];
