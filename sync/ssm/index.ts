import type { Collector } from '../types.js';
import { complianceSummariesCollector } from './compliance-summaries.js';
import { documentsCollector } from './documents.js';
import { managedInstancesCollector } from './managed-instances.js';
import { parametersCollector } from './parameters.js';

export const collectors: Collector[] = [documentsCollector, managedInstancesCollector, complianceSummariesCollector, parametersCollector];
