import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { motoClientConfig, type Moto } from '../testkit/moto.js';

/**
 * One account of bench:scale, seeded through the real SDK into moto: moto keeps an account's resources apart by the
 * account of the credentials, and AssumeRole into `arn:aws:iam::ACCOUNT:role/calabi` returns credentials of that
 * account (as testkit/cis-accounts.ts seeds its two). A small, fixed estate per account: a sync's time is its
 * calls' latency, and the calls that list are the same few per service whatever the count of resources.
 */
export async function seedAccount(moto: Moto, account: string, regions: readonly string[]): Promise<void> {
  const assumed = await new STSClient(motoClientConfig(moto)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/calabi`, RoleSessionName: 'bench-seed' }));
  const c = assumed.Credentials!;
  const creds = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  const cfg = (region = 'us-east-1') => motoClientConfig(moto, region, creds);
  const iam = new IAMClient(cfg());
  for (let i = 0; i < 10; i++) await iam.send(new CreateUserCommand({ UserName: `user-${i}` }));
  const s3 = new S3Client(cfg());
  for (let i = 0; i < 4; i++) await s3.send(new CreateBucketCommand({ Bucket: `bench-${account}-${i}` }));
  for (const region of regions) {
    const ec2 = new EC2Client(cfg(region));
    for (let i = 0; i < 5; i++) {
      const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-${i}`, Description: 'bench' }));
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
    }
    for (let i = 0; i < 3; i++) await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 }));
    const logs = new CloudWatchLogsClient(cfg(region));
    for (let i = 0; i < 3; i++) await logs.send(new CreateLogGroupCommand({ logGroupName: `/bench/${i}` }));
    const sns = new SNSClient(cfg(region));
    for (let i = 0; i < 2; i++) await sns.send(new CreateTopicCommand({ Name: `bench-${i}` }));
  }
}
