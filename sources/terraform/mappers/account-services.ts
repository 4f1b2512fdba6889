import { awsAccessanalyzerAnalyzers } from '../../../schema/accessanalyzer.js';
import { awsSecurityhubHubs } from '../../../schema/securityhub.js';
import { asBool, knownString, placeholder, RowBuilder, mappedRow, type MappedRow, type Mapper } from './common.js';

/**
 * IAM Access Analyzer: aws_accessanalyzer_analyzer onto aws_accessanalyzer_analyzers, type ACCOUNT unless
 * set, status ACTIVE (the state of an analyzer that exists: the provider waits for it on create).
 */
export const accessAnalyzerMapper: Mapper = {
  tables: [awsAccessanalyzerAnalyzers.name],
  types: ['aws_accessanalyzer_analyzer'],
  map(resources, ctx) {
    return resources.map((r) => {
      const name = knownString(r, ['analyzer_name']) ?? placeholder(r);
      const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:access-analyzer:${ctx.region}:${ctx.accountId}:analyzer/${name}`;
      const b = new RowBuilder(r).set('type', ['type'], (v) => (typeof v === 'string' && v ? v : 'ACCOUNT'));
      Object.assign(b.row, { arn, name, status: 'ACTIVE', tags: r.values.tags ?? null, raw: r.values });
      return mappedRow(awsAccessanalyzerAnalyzers.name, arn, b, r);
    });
  },
};

/**
 * Security Hub: one aws_securityhub_hubs row for the plan's region when it declares aws_securityhub_account, or
 * a standards subscription (AWS enables a standard only in a region where Security Hub is enabled, so the
 * apply fails otherwise). The standards subscribed are kept in the row's raw JSON: no check reads them yet.
 */
export const securityHubMapper: Mapper = {
  tables: [awsSecurityhubHubs.name],
  types: ['aws_securityhub_account', 'aws_securityhub_standards_subscription'],
  map(resources, ctx) {
    if (resources.length === 0) return [];
    const account = resources.find((r) => r.type === 'aws_securityhub_account');
    const hubArn = (account && knownString(account, ['arn'])) ?? `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.accountId}:hub/default`;
    const standards = resources.filter((r) => r.type === 'aws_securityhub_standards_subscription').map((r) => knownString(r, ['standards_arn']) ?? placeholder(r));
    const out: MappedRow = {
      table: awsSecurityhubHubs.name,
      resourceId: hubArn,
      row: {
        hub_arn: hubArn,
        enabled: true,
        auto_enable_controls: account ? (asBool(account.values.auto_enable_controls) ?? true) : null,
        control_finding_generator: account ? (knownString(account, ['control_finding_generator']) ?? 'SECURITY_CONTROL') : null,
        raw: { account: account?.values ?? null, standards },
      },
      unknown: new Set(),
      addresses: resources.map((r) => r.address),
      moduleSource: (account ?? resources[0]!).moduleSource,
    };
    return [out];
  },
};
