import type { Collector } from '../types.js';
import { accessKeysCollector } from './access-keys.js';
import { accountSummaryCollector } from './account-summary.js';
import { authorizationDetailsCollector } from './authorization-details.js';
import { credentialReportCollector } from './credential-report.js';
import { passwordPolicyCollector } from './password-policy.js';
import { policyEntitiesCollector } from './policy-entities.js';
import { samlProvidersCollector } from './saml-providers.js';
import { serverCertificatesCollector } from './server-certificates.js';
import { virtualMfaDevicesCollector } from './virtual-mfa-devices.js';

/** IAM is global: every collector runs once per account, against the partition's home region. */
export const collectors: Collector[] = [
  authorizationDetailsCollector,
  accessKeysCollector,
  credentialReportCollector(),
  accountSummaryCollector,
  passwordPolicyCollector,
  virtualMfaDevicesCollector,
  serverCertificatesCollector,
  samlProvidersCollector,
  policyEntitiesCollector,
];
