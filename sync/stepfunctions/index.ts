import type { Collector } from '../types.js';
import { stateMachinesCollector } from './state-machines.js';

export const collectors: Collector[] = [stateMachinesCollector];
