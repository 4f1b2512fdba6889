import { cloudtrailMapper } from './cloudtrail.js';
import { computeStorageMapper } from './compute-storage.js';
import { kmsKeyMapper, passwordPolicyMapper } from './account-settings.js';
import { accessAnalyzerMapper, securityHubMapper } from './account-services.js';
import { alarmMapper } from './alarms.js';
import { configMapper } from './config.js';
import { iamMapper } from './iam.js';
import { logsMapper } from './logs.js';
import { naclMapper } from './nacls.js';
import { snsMapper } from './sns.js';
import { s3Mapper } from './s3.js';
import { securityGroupMapper } from './security-groups.js';
import { vpcMapper } from './vpcs.js';
import type { Mapper } from './common.js';

/** One line per mapper. A resource type no mapper reads is counted in the report as not audited. */
export const mappers: readonly Mapper[] = [s3Mapper, securityGroupMapper, vpcMapper, passwordPolicyMapper, kmsKeyMapper, cloudtrailMapper, computeStorageMapper, iamMapper,
  naclMapper, configMapper, logsMapper, alarmMapper, snsMapper, accessAnalyzerMapper, securityHubMapper];

export const mappedTypes: ReadonlySet<string> = new Set(mappers.flatMap((m) => m.types));
