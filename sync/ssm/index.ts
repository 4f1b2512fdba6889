import type { Collector } from '../types.js';
import { documentsCollector } from './documents.js';

export const collectors: Collector[] = [documentsCollector];
