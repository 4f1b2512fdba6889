import type { Collector } from '../types.js';
import { firewallsCollector } from './firewalls.js';
import { policiesCollector } from './policies.js';
import { ruleGroupsCollector } from './rule-groups.js';

export const collectors: Collector[] = [firewallsCollector, policiesCollector, ruleGroupsCollector];
