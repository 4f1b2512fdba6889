import { DescribeNotebookInstanceCommand, paginateListNotebookInstances, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { awsSagemakerNotebookInstances } from '../../schema/sagemaker.js';
import type { Collector } from '../types.js';
import { describeEach } from './describe-each.js';

const table = awsSagemakerNotebookInstances.name;

/** ListNotebookInstances has no root access, subnet or KMS key: DescribeNotebookInstance per instance does. */
export const notebookInstancesCollector: Collector = {
  service: 'sagemaker',
  name: 'notebook-instances',
  scope: 'regional',
  tables: [awsSagemakerNotebookInstances],
  async collect(ctx) {
    const client = ctx.client(SageMakerClient);
    const items: { name: string; arn: string }[] = [];
    for await (const page of paginateListNotebookInstances({ client }, { MaxResults: 100 })) {
      for (const n of page.NotebookInstances ?? []) items.push({ name: n.NotebookInstanceName!, arn: n.NotebookInstanceArn! });
    }
    const rows = await describeEach(
      ctx, items, { operation: 'DescribeNotebookInstance', table },
      (name) => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })),
      (item, d) => ({
        arn: d.NotebookInstanceArn ?? item.arn,
        name: item.name,
        status: d.NotebookInstanceStatus ?? null,
        instance_type: d.InstanceType ?? null,
        direct_internet_access: d.DirectInternetAccess ?? null,
        // AWS's default is Enabled; a describe that leaves it out is taken as not reported, not as Disabled.
        root_access: d.RootAccess ?? null,
        subnet_id: d.SubnetId ?? null,
        security_group_ids: d.SecurityGroups ?? null,
        kms_key_id: d.KmsKeyId ?? null,
        raw: { ...d, $metadata: undefined },
      }),
    );
    return { [table]: rows };
  },
};
