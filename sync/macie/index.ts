import type { Collector } from '../types.js';
import { sessionsCollector } from './sessions.js';

export const collectors: Collector[] = [sessionsCollector];
