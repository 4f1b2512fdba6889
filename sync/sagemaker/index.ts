import type { Collector } from '../types.js';
import { endpointConfigsCollector } from './endpoint-configs.js';
import { modelsCollector } from './models.js';
import { notebookInstancesCollector } from './notebook-instances.js';

export const collectors: Collector[] = [notebookInstancesCollector, endpointConfigsCollector, modelsCollector];
