import type { Collector } from '../types.js';
import { domainsCollector } from './domains.js';

export const collectors: Collector[] = [domainsCollector];
