import type { Collector } from '../types.js';
import { delegatedAdministratorsCollector } from './delegated-administrators.js';
import { iamFeaturesCollector } from './iam-features.js';
import { policiesCollector } from './policies.js';
import { resourcePolicyCollector } from './resource-policy.js';
import { structureCollector } from './structure.js';

/** Each collector first asks DescribeOrganization: only a management account reads organization-wide data. */
export const collectors: Collector[] = [structureCollector, policiesCollector, delegatedAdministratorsCollector, resourcePolicyCollector, iamFeaturesCollector];
