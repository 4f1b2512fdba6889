import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { lambdaZip } from '../../testkit/lambda-zip.js';

type Cfg = (region?: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string }; forcePathStyle: boolean };

export interface AcmeNetwork {
  cfg: Cfg;
  vpc: string;
  routeTable: string;
  publicSubnets: string[];
  webGroup: string;
}

const account = '210987654321';
const region = 'us-east-1';
const policy = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/**
 * The Acme shop's web front ends and serverless pieces (the data of the CIS 2.0–7.0 requirements): an ALB whose
 * access logs nobody turned on, a CloudFront distribution in front of the assets bucket that logs, a partner
 * API Gateway stage without access logs, an order-events queue only the orders topic may write to, an image
 * resizer Lambda invoked by S3, a payment webhook Lambda whose function URL anyone may call, the database
 * secret, and an S3 gateway endpoint for the production VPC. An operations contact is registered, no security
 * contact. Every name is fixed so the sample regenerates the same way.
 */
export async function seedAcmeServices(n: AcmeNetwork): Promise<void> {
  const { cfg } = n;
  await new AccountClient(cfg()).send(
    new PutAlternateContactCommand({ AlternateContactType: 'OPERATIONS', Name: 'Acme platform on-call', Title: 'On-call', EmailAddress: 'oncall@acme.example', PhoneNumber: '+1-555-0142' }),
  );
  await new EC2Client(cfg()).send(new CreateVpcEndpointCommand({ VpcId: n.vpc, ServiceName: `com.amazonaws.${region}.s3`, VpcEndpointType: 'Gateway', RouteTableIds: [n.routeTable] }));

  const elb = new ElasticLoadBalancingV2Client(cfg());
  const alb = await elb.send(new CreateLoadBalancerCommand({ Name: 'acme-web-alb', Type: 'application', Scheme: 'internet-facing', Subnets: n.publicSubnets, SecurityGroups: [n.webGroup], Tags: [{ Key: 'env', Value: 'prod' }] }));
  await elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: alb.LoadBalancers![0]!.LoadBalancerArn!, Attributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }, { Key: 'deletion_protection.enabled', Value: 'true' }] }));

  await new CloudFrontClient(cfg()).send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: 'acme-prod-web-assets',
        Comment: 'static assets for www.acme.example',
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'assets', DomainName: 'acme-prod-web-assets.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E2EXAMPLE' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'assets', ViewerProtocolPolicy: 'redirect-to-https', MinTTL: 0, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } } },
        Logging: { Enabled: true, IncludeCookies: false, Bucket: 'acme-prod-logs.s3.amazonaws.com', Prefix: 'cloudfront/' },
      },
    }),
  );

  const apigw = new APIGatewayClient(cfg());
  const api = (await apigw.send(new CreateRestApiCommand({ name: 'acme-partner-api', description: 'order status for resellers' }))).id!;
  const root = (await apigw.send(new GetResourcesCommand({ restApiId: api }))).items!.find((r) => r.path === '/')!.id!;
  await apigw.send(new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'AWS_IAM' }));
  await apigw.send(new PutIntegrationCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  await apigw.send(new CreateDeploymentCommand({ restApiId: api, stageName: 'prod', stageDescription: 'production' }));

  const topic = (await new SNSClient(cfg()).send(new CreateTopicCommand({ Name: 'acme-orders' }))).TopicArn!;
  const queueArn = `arn:aws:sqs:${region}:${account}:acme-order-events`;
  await new SQSClient(cfg()).send(
    new CreateQueueCommand({
      QueueName: 'acme-order-events',
      Attributes: { Policy: policy({ Sid: 'OrdersTopic', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': topic } } }) },
    }),
  );

  const role = (await new IAMClient(cfg()).send(new CreateRoleCommand({
    RoleName: 'acme-lambda-exec',
    AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  }))).Role!.Arn!;
  const lambda = new LambdaClient(cfg());
  const fn = async (name: string, description: string) =>
    (await lambda.send(new CreateFunctionCommand({ FunctionName: name, Description: description, Runtime: 'nodejs20.x', Role: role, Handler: 'index.handler', Code: { ZipFile: lambdaZip('exports.handler = async () => ({ statusCode: 200 });\n') } }))).FunctionArn!;
  await fn('acme-image-resize', 'thumbnails for uploaded product images');
  await lambda.send(new AddPermissionCommand({ FunctionName: 'acme-image-resize', StatementId: 's3-uploads', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::acme-prod-web-assets', SourceAccount: account }));
  await fn('acme-payment-webhook', 'receives payment provider callbacks');
  await lambda.send(new AddPermissionCommand({ FunctionName: 'acme-payment-webhook', StatementId: 'public-url', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' }));

  await new SecretsManagerClient(cfg()).send(new CreateSecretCommand({ Name: 'acme/prod/postgres', Description: 'application database credentials', SecretString: '{"username":"acme","password":"not-a-real-password-1"}' }));
}
