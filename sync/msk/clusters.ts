import { KafkaClient, paginateListClustersV2, type Cluster } from '@aws-sdk/client-kafka';
import { awsMskClusters } from '../../schema/msk.js';
import { allItems, listCollector } from '../ec2/shared.js';

/** ListClustersV2 answers each cluster with its encryption and monitoring settings: no per-cluster call. */
export const clustersCollector = listCollector<Cluster>({
  service: 'msk',
  name: 'clusters',
  table: awsMskClusters,
  list: (ctx) => allItems(paginateListClustersV2({ client: ctx.client(KafkaClient) }, { MaxResults: 100 }), (p) => p.ClusterInfoList),
  row: (c) => {
    const p = c.Provisioned;
    return {
      arn: c.ClusterArn!,
      name: c.ClusterName ?? null,
      cluster_type: c.ClusterType ?? null,
      state: c.State ?? null,
      in_cluster_encryption: p?.EncryptionInfo?.EncryptionInTransit?.InCluster ?? null,
      client_broker_encryption: p?.EncryptionInfo?.EncryptionInTransit?.ClientBroker ?? null,
      enhanced_monitoring: p?.EnhancedMonitoring ?? null,
      kafka_version: p?.CurrentBrokerSoftwareInfo?.KafkaVersion ?? null,
    };
  },
});
