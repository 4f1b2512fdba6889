import type { Collector } from '../types.js';
import { detectorsCollector } from './detectors.js';
import { findingCountsCollector } from './finding-counts.js';

export const collectors: Collector[] = [detectorsCollector, findingCountsCollector];
