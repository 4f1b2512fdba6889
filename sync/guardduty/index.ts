import type { Collector } from '../types.js';
import { detectorsCollector } from './detectors.js';

export const collectors: Collector[] = [detectorsCollector];
