import type { Collector } from '../types.js';
import { tablesCollector } from './tables.js';

export const collectors: Collector[] = [tablesCollector];
