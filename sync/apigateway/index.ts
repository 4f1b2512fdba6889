import type { Collector } from '../types.js';
import { restApiAuthorizersCollector } from './rest-api-authorizers.js';
import { restApiStagesCollector } from './rest-api-stages.js';
import { v2RoutesCollector } from './v2-routes.js';
import { v2StagesCollector } from './v2-stages.js';

export const collectors: Collector[] = [restApiStagesCollector, restApiAuthorizersCollector, v2StagesCollector, v2RoutesCollector];
