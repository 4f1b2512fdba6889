import type { Collector } from '../types.js';
import { alternateContactsCollector, contactInformationCollector } from './contacts.js';

export const collectors: Collector[] = [alternateContactsCollector, contactInformationCollector];
