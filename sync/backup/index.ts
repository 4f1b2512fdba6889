import type { Collector } from '../types.js';
import { plansCollector } from './plans.js';
import { recoveryPointsCollector } from './recovery-points.js';
import { regionSettingsCollector } from './region-settings.js';
import { selectionsCollector } from './selections.js';
import { vaultsCollector } from './vaults.js';

export const collectors: Collector[] = [vaultsCollector, plansCollector, recoveryPointsCollector, selectionsCollector, regionSettingsCollector];
