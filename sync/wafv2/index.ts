import type { Collector } from '../types.js';
import { ruleGroupsCollector } from './rule-groups.js';
import { webAclsCollector } from './web-acls.js';

export const collectors: Collector[] = [webAclsCollector, ruleGroupsCollector];
