import type { Collector } from '../types.js';
import { listenersCollector } from './listeners.js';
import { loadBalancersCollector } from './load-balancers.js';

export const collectors: Collector[] = [loadBalancersCollector, listenersCollector];
