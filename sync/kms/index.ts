import type { Collector } from '../types.js';
import { keyPoliciesCollector } from './key-policies.js';
import { keysCollector } from './keys.js';

export const collectors: Collector[] = [keysCollector, keyPoliciesCollector];
