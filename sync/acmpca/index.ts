import type { Collector } from '../types.js';
import { certificateAuthoritiesCollector } from './certificate-authorities.js';

export const collectors: Collector[] = [certificateAuthoritiesCollector];
