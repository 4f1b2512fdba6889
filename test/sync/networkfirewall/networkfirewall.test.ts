import {
  CreateFirewallCommand, DescribeFirewallPolicyCommand, DescribeRuleGroupCommand, ListFirewallPoliciesCommand, ListRuleGroupsCommand,
  NetworkFirewallClient, UpdateLoggingConfigurationCommand,
} from '@aws-sdk/client-network-firewall';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const arn = (kind: string, name: string) => `arn:aws:network-firewall:us-east-1:${account}:${kind}/${name}`;

// moto 5.2.1 implements firewalls and their logging only: ListFirewallPolicies, DescribeFirewallPolicy,
// ListRuleGroups and DescribeRuleGroup are answered here, as AWS answers them (us-east-1 only; other regions empty).
// 'strict' drops full and fragmented packets and references both kinds of group; 'open' passes everything and
// references none. 'empty' is a stateless group without rules, 'filled' one with a rule, 'suricata' is stateful.
const policies: Record<string, object> = {
  strict: {
    StatelessDefaultActions: ['aws:forward_to_sfe'], StatelessFragmentDefaultActions: ['aws:drop'],
    StatelessRuleGroupReferences: [{ ResourceArn: arn('stateless-rulegroup', 'filled'), Priority: 1 }],
    StatefulRuleGroupReferences: [{ ResourceArn: arn('stateful-rulegroup', 'suricata') }],
  },
  open: { StatelessDefaultActions: ['aws:pass'], StatelessFragmentDefaultActions: ['aws:pass'] },
};
const rule = { Priority: 1, RuleDefinition: { Actions: ['aws:drop'], MatchAttributes: { Sources: [{ AddressDefinition: '203.0.113.0/24' }] } } };
const groups: Record<string, { type: 'STATELESS' | 'STATEFUL'; source: object }> = {
  empty: { type: 'STATELESS', source: { StatelessRulesAndCustomActions: { StatelessRules: [] } } },
  filled: { type: 'STATELESS', source: { StatelessRulesAndCustomActions: { StatelessRules: [rule] } } },
  suricata: { type: 'STATEFUL', source: { RulesString: 'drop tcp any any -> any 23 (sid:1;)' } },
};
const groupArn = (name: string) => arn(`${groups[name]!.type.toLowerCase()}-rulegroup`, name);

function cannedPoliciesAndGroups(client: unknown, service: string): void {
  if (service !== 'NetworkFirewall') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void }; config: { region: () => Promise<string> } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const region = await (client as { config: { region: () => Promise<string> } }).config.region();
        const here = region === 'us-east-1';
        const out = (o: object) => ({ output: { $metadata: {}, ...o } });
        switch (context.commandName) {
          case ListFirewallPoliciesCommand.name:
            return out({ FirewallPolicies: here ? Object.keys(policies).map((n) => ({ Name: n, Arn: arn('firewall-policy', n) })) : [] });
          case DescribeFirewallPolicyCommand.name: {
            const n = String(args.input.FirewallPolicyArn).split('/').pop()!;
            return out({ UpdateToken: 't', FirewallPolicy: policies[n], FirewallPolicyResponse: { FirewallPolicyName: n, FirewallPolicyArn: args.input.FirewallPolicyArn, FirewallPolicyId: n } });
          }
          case ListRuleGroupsCommand.name:
            return out({ RuleGroups: here ? Object.keys(groups).map((n) => ({ Name: n, Arn: groupArn(n) })) : [] });
          case DescribeRuleGroupCommand.name: {
            const n = String(args.input.RuleGroupArn).split('/').pop()!;
            return out({
              UpdateToken: 't', RuleGroup: { RulesSource: groups[n]!.source },
              RuleGroupResponse: { RuleGroupArn: groupArn(n), RuleGroupName: n, RuleGroupId: n, Type: groups[n]!.type, Capacity: 100, NumberOfAssociations: n === 'empty' ? 0 : 1 },
            });
          }
          default:
            return next(args);
        }
      },
    { step: 'initialize', name: 'cannedNetworkFirewall' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const nfw = new NetworkFirewallClient(motoClientConfig(moto, 'us-east-1'));
  const edge = await nfw.send(new CreateFirewallCommand({
    FirewallName: 'edge', FirewallPolicyArn: arn('firewall-policy', 'strict'), VpcId: 'vpc-1', SubnetMappings: [{ SubnetId: 'subnet-1' }], DeleteProtection: true,
  }));
  await nfw.send(new UpdateLoggingConfigurationCommand({
    FirewallArn: edge.Firewall!.FirewallArn, LoggingConfiguration: { LogDestinationConfigs: [{ LogType: 'ALERT', LogDestinationType: 'S3', LogDestination: { bucketName: 'fw-logs' } }] },
  }));
  await nfw.send(new CreateFirewallCommand({
    FirewallName: 'bare', FirewallPolicyArn: arn('firewall-policy', 'open'), VpcId: 'vpc-2', SubnetMappings: [{ SubnetId: 'subnet-2' }], DeleteProtection: false,
  }));
  db = await memoryDb();
  result = await runSync({
    db, credentials: testCredentials, endpoint: moto.endpoint, services: ['networkfirewall'], regions: ['us-east-1', 'eu-west-1'], configureClient: cannedPoliciesAndGroups,
  });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('network firewall collectors', () => {
  it('writes firewalls with deletion protection and logging, no logging as a fact', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, name, vpc_id, policy_arn, deletion_protection, log_types, log_destination_types FROM aws_networkfirewall_firewalls ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'bare', vpc_id: 'vpc-2', policy_arn: arn('firewall-policy', 'open'), deletion_protection: false, log_types: [], log_destination_types: [] },
      { region: 'us-east-1', name: 'edge', vpc_id: 'vpc-1', policy_arn: arn('firewall-policy', 'strict'), deletion_protection: true, log_types: ['ALERT'], log_destination_types: ['S3'] },
    ]);
  });

  it('writes policies with their stateless default actions and rule groups', async () => {
    const rows = await db.all(`SELECT name, stateless_default_actions, stateless_fragment_default_actions, stateless_rule_group_arns, stateful_rule_group_arns
      FROM aws_networkfirewall_policies ORDER BY name`);
    expect(rows).toEqual([
      { name: 'open', stateless_default_actions: ['aws:pass'], stateless_fragment_default_actions: ['aws:pass'], stateless_rule_group_arns: [], stateful_rule_group_arns: [] },
      { name: 'strict', stateless_default_actions: ['aws:forward_to_sfe'], stateless_fragment_default_actions: ['aws:drop'], stateless_rule_group_arns: [groupArn('filled')], stateful_rule_group_arns: [groupArn('suricata')] },
    ]);
  });

  it('writes rule groups with the stateless rule count, none counted for stateful groups', async () => {
    const rows = await db.all('SELECT name, type, rule_count, association_count FROM aws_networkfirewall_rule_groups ORDER BY name');
    expect(rows).toEqual([
      { name: 'empty', type: 'STATELESS', rule_count: 0, association_count: 0 },
      { name: 'filled', type: 'STATELESS', rule_count: 1, association_count: 1 },
      { name: 'suricata', type: 'STATEFUL', rule_count: null, association_count: 1 },
    ]);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_networkfirewall_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
