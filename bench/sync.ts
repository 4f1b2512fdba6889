// npm run bench:sync — seeds moto_server with a few thousand resources across two regions, runs the real sync,
// and prints resources per second, API calls per resource and peak memory. The sync's HTTP answers are recorded
// and replayed from memory with no latency, so Calabi's own CPU per resource (and the AWS SDK's share of it)
// shows. Then it measures DuckDB insert throughput on its own with a synthetic batch through the scope writer.
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateVolumeCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateLogGroupCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from '@aws-sdk/client-auto-scaling';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CreateEndpointCommand, DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { CreateFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { Database } from '../schema/db.js';
import { findTable } from '../schema/inventory.js';
import { runSync } from '../sync/runner.js';
import { writeScope } from '../sync/writer.js';
import { motoClientConfig, startMoto, testCredentials } from '../testkit/moto.js';
import { cpuMs, recorder, replayer, sdkShare } from './replay.js';
import { loadAverage, peakRssMb, pool, printTable, timed } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const regions = ['us-east-1', 'eu-west-1'];
const scale = Number(process.env.BENCH_SCALE ?? 1);

/** Insert throughput, measured apart from AWS and first, in a fresh heap: one 500,000-row scope through the writer. */
async function measureInserts(): Promise<void> {
  const table = findTable('aws_ec2_security_group_rules') ?? findTable('aws_regions')!;
  const n = Number(process.env.BENCH_INSERT_ROWS ?? 500_000);
  const rows = Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const c of table.columns) {
      if (c.type === 'VARCHAR') row[c.name] = `${c.name}-${i}`;
      else if (c.type === 'BOOLEAN') row[c.name] = i % 2 === 0;
      else if (c.type === 'INTEGER' || c.type === 'BIGINT' || c.type === 'DOUBLE') row[c.name] = i % 65536;
      else if (c.type === 'JSON') row[c.name] = { i, cidr: '10.0.0.0/8' };
      else if (c.type === 'VARCHAR[]') row[c.name] = ['a', 'b'];
    }
    return row;
  });
  console.log(`\nload average ${loadAverage()}`);
  console.log(`DuckDB insert throughput (${table.name}, ${table.columns.length} columns, ${n} rows in one scope transaction):`);
  const { rmSync } = await import('node:fs');
  // The writer's appender (its default) and the staged path (JSON files read by DuckDB, schema/staged-insert.ts),
  // in the same process, on the same rows. Closing is included: it checkpoints the write-ahead log into the file.
  for (const [label, path] of [['in memory', ':memory:'], ['file on disk (incl. WAL and checkpoint)', `/tmp/calabi-bench-insert-${process.pid}.duckdb`]] as const) {
    for (const via of ['appender', 'staged'] as const) {
      const target = await Database.open(path);
      const cpu = process.cpuUsage();
      const insert = await timed(async () => {
        await writeScope(target, { runId: 'bench', accountId: '111111111111', region: 'us-east-1', tables: [table], collected: { [table.name]: rows }, now: new Date(), errors: [], via });
        target.close();
      });
      const used = process.cpuUsage(cpu);
      if (path !== ':memory:') for (const suffix of ['', '.wal']) rmSync(`${path}${suffix}`, { force: true });
      printTable([[`${label}, ${via === 'appender' ? 'appender (default)' : 'staged JSON files'}: rows per second`, `${Math.round(n / (insert.ms / 1000))} (${(insert.ms / 1000).toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`]]);
    }
  }
}

if (process.argv.includes('--inserts-only')) {
  await measureInserts();
  process.exit(0);
}

/**
 * The services added for FSBP (issue 11), each with its own list call: CodeBuild projects, Auto Scaling groups and
 * launch configurations, Step Functions state machines, DMS endpoints, EMR clusters and Network Firewall firewalls.
 * (Kinesis is not seeded: its client speaks HTTP/2, which moto_server does not; moto has no DMS instances the SDK
 * can read nor Network Firewall policies: see docs/fsbp.md.)
 */
async function seedFsbpServices(region: string): Promise<void> {
  const cfg = motoClientConfig(moto, region);
  const n = (k: number) => Array.from({ length: k * scale }, (_, i) => i);
  const codebuild = new CodeBuildClient(cfg);
  await pool(n(50), 8, (i) => codebuild.send(new CreateProjectCommand({
    name: `bench-${i}`, source: { type: 'S3', location: 'bench-source/src.zip' }, artifacts: { type: 'NO_ARTIFACTS' },
    environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' }, serviceRole: 'arn:aws:iam::123456789012:role/bench',
  })));
  const as = new AutoScalingClient(cfg);
  await pool(n(50), 8, async (i) => {
    await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: `bench-${i}`, ImageId: 'ami-12c6146b', InstanceType: 't3.micro' }));
    await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: `bench-${i}`, LaunchConfigurationName: `bench-${i}`, MinSize: 0, MaxSize: 1, AvailabilityZones: [`${region}a`] }));
  });
  const sfn = new SFNClient(cfg);
  await pool(n(50), 8, (i) => sfn.send(new CreateStateMachineCommand({
    name: `bench-${i}`, roleArn: 'arn:aws:iam::123456789012:role/bench', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
  })));
  const dms = new DatabaseMigrationServiceClient(cfg);
  await pool(n(50), 8, (i) => dms.send(new CreateEndpointCommand({
    EndpointIdentifier: `bench-${i}`, EndpointType: 'source', EngineName: 'mysql', ServerName: 'db.example.com', Port: 3306, Username: 'u', Password: 'p',
  })));
  const emr = new EMRClient(cfg);
  await pool(n(10), 4, (i) => emr.send(new RunJobFlowCommand({
    Name: `bench-${i}`, ReleaseLabel: 'emr-7.2.0', JobFlowRole: 'EMR_EC2_DefaultRole', ServiceRole: 'EMR_DefaultRole',
    Instances: { KeepJobFlowAliveWhenNoSteps: true, MasterInstanceType: 'm5.xlarge', InstanceCount: 1 },
  })));
  const nfw = new NetworkFirewallClient(cfg);
  await pool(n(20), 8, (i) => nfw.send(new CreateFirewallCommand({
    FirewallName: `bench-${i}`, FirewallPolicyArn: `arn:aws:network-firewall:${region}:123456789012:firewall-policy/bench`, VpcId: 'vpc-1', SubnetMappings: [{ SubnetId: 'subnet-1' }],
  })));
}

console.log(`load average ${loadAverage()} on ${(await import('node:os')).availableParallelism()} cores (the machine may be shared)`);
const moto = await startMoto();
const tape = recorder();
let live: Awaited<ReturnType<typeof runSync>>;
try {
  console.log(`seeding moto at ${moto.endpoint} (scale ${scale}) …`);
  const seed = await timed(async () => {
    const iam = new IAMClient(motoClientConfig(moto));
    await pool(Array.from({ length: 300 * scale }, (_, i) => i), 8, (i) => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` })));
    const s3 = new S3Client(motoClientConfig(moto));
    await pool(Array.from({ length: 100 * scale }, (_, i) => i), 8, (i) => s3.send(new CreateBucketCommand({ Bucket: `calabi-bench-${i}` })));
    for (const region of regions) {
      const ec2 = new EC2Client(motoClientConfig(moto, region));
      await pool(Array.from({ length: 300 * scale }, (_, i) => i), 8, async (i) => {
        const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: 'bench' }));
        await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      });
      await pool(Array.from({ length: 200 * scale }, (_, i) => i), 8, () => ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 })));
      await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 50 * scale, MaxCount: 50 * scale, InstanceType: 't3.micro' }));
      const logs = new CloudWatchLogsClient(motoClientConfig(moto, region));
      await pool(Array.from({ length: 100 * scale }, (_, i) => i), 8, (i) => logs.send(new CreateLogGroupCommand({ logGroupName: `/bench/${i}` })));
      const sns = new SNSClient(motoClientConfig(moto, region));
      await pool(Array.from({ length: 100 * scale }, (_, i) => i), 8, (i) => sns.send(new CreateTopicCommand({ Name: `bench-${i}` })));
      await seedFsbpServices(region);
    }
  });
  console.log(`seeded in ${(seed.ms / 1000).toFixed(1)} s`);

  const db = await Database.open(':memory:');
  const rssBefore = peakRssMb();
  const sync = await timed(() => runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions, configureClient: tape.configure }));
  const r = sync.value;
  console.log('\nsync against moto_server (2 regions):');
  printTable([
    ['resources (rows written)', r.resources],
    ['API calls', r.apiCalls],
    ['API calls per resource', (r.apiCalls / Math.max(1, r.resources)).toFixed(2)],
    ['duration', `${(sync.ms / 1000).toFixed(2)} s`],
    ['resources per second', Math.round(r.resources / (sync.ms / 1000))],
    ['collection errors', r.errors.length],
    ['peak RSS (process)', `${peakRssMb()} MB (before sync ${rssBefore} MB)`],
  ]);
  if (r.errors.length) console.log('  collection errors:', r.errors.map((e) => `${e.service} ${e.operation} ${e.region ?? ''} ${e.code}`).join('; '));
  console.log('  busiest services by API calls:', Object.entries(r.apiCallsByService).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([s, n]) => `${s}=${n}`).join(' '));
  db.close();
  live = r;
} finally {
  await moto.stop();
}

// The same sync answered from the tape (moto is stopped): no network, no latency, only CPU.
const replaySync = async (configureClient: (client: unknown, service: string) => void) => {
  const target = await Database.open(':memory:');
  try {
    return await runSync({ db: target, credentials: testCredentials, endpoint: moto.endpoint, regions, configureClient });
  } finally {
    target.close();
  }
};
const first = replayer(tape.tape);
const replay = await cpuMs(() => replaySync(first.configure));
const profiled = await sdkShare(() => replaySync(replayer(tape.tape).configure));
console.log(`\nreplay of the ${tape.calls()} recorded answers from memory (zero latency):`);
printTable([
  ['resources (rows written)', `${replay.value.resources} (live: ${live.resources})`],
  ['answers missing from the tape', first.misses()],
  ['CPU time', `${Math.round(replay.cpuMs)} ms (wall ${Math.round(replay.wallMs)} ms)`],
  ['CPU per resource', `${(replay.cpuMs / Math.max(1, replay.value.resources)).toFixed(3)} ms`],
  ['share inside the AWS SDK (sampled)', `${Math.round(profiled.sdkShare * 100)} %`],
]);

// In its own process, so its 500,000 rows neither inflate the sync's peak memory nor feel the sync's heap.
const { spawnSync } = await import('node:child_process');
spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--inserts-only'], { stdio: 'inherit' });
