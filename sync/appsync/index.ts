import type { Collector } from '../types.js';
import { apiCachesCollector } from './api-caches.js';
import { graphqlApisCollector } from './graphql-apis.js';

export const collectors: Collector[] = [graphqlApisCollector, apiCachesCollector];
