import type { Collector } from '../types.js';
import { clientVpnEndpointsCollector } from './endpoints.js';

export const collectors: Collector[] = [clientVpnEndpointsCollector];
