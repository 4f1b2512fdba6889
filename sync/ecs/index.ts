import type { Collector } from '../types.js';
import { clustersCollector } from './clusters.js';
import { servicesCollector } from './services.js';
import { taskDefinitionsCollector } from './task-definitions.js';

export const collectors: Collector[] = [clustersCollector, servicesCollector, taskDefinitionsCollector];
