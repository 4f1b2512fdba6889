import type { Collector } from '../types.js';
import { certificatesCollector } from './certificates.js';

export const collectors: Collector[] = [certificatesCollector];
