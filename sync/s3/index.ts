import type { Collector } from '../types.js';
import { accessPointsCollector } from './access-points.js';
import { accountPublicAccessBlockCollector } from './account-public-access-block.js';
import {
  bucketLifecycleCollector,
  bucketNotificationsCollector,
  bucketObjectLockCollector,
  bucketOwnershipControlsCollector,
  bucketReplicationCollector,
} from './bucket-settings.js';
import { bucketsCollector } from './buckets.js';

export const collectors: Collector[] = [
  bucketsCollector,
  accountPublicAccessBlockCollector,
  bucketReplicationCollector,
  bucketLifecycleCollector,
  bucketNotificationsCollector,
  bucketOwnershipControlsCollector,
  bucketObjectLockCollector,
  accessPointsCollector,
];
