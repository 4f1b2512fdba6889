import type { Collector } from '../types.js';
import { accountPublicAccessBlockCollector } from './account-public-access-block.js';
import { bucketsCollector } from './buckets.js';

export const collectors: Collector[] = [bucketsCollector, accountPublicAccessBlockCollector];
