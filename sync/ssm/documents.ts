import { DescribeDocumentPermissionCommand, paginateListDocuments, SSMClient, type DocumentIdentifier } from '@aws-sdk/client-ssm';
import type { Row } from '../../schema/db.js';
import { awsSsmDocuments } from '../../schema/ssm.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsSsmDocuments.name;

/**
 * Only documents the account owns can be shared, so ListDocuments asks for Owner=Self (AWS's and other accounts'
 * documents are not this account's to judge). Sharing has no list form: DescribeDocumentPermission once per
 * document, following NextToken for documents shared with many accounts.
 */
export const documentsCollector: Collector = {
  service: 'ssm',
  name: 'documents',
  scope: 'regional',
  tables: [awsSsmDocuments],
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    const docs: DocumentIdentifier[] = [];
    for await (const page of paginateListDocuments({ client }, { Filters: [{ Key: 'Owner', Values: ['Self'] }], MaxResults: 50 })) docs.push(...(page.DocumentIdentifiers ?? []));
    const rows = await ctx.map(docs, (doc) => documentRow(ctx, client, doc));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function documentRow(ctx: SyncContext, client: SSMClient, doc: DocumentIdentifier): Promise<Row | null> {
  const name = doc.Name ?? '';
  const arn = `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:document/${name}`;
  let shared: string[] | null = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeDocumentPermissionCommand({ Name: name, PermissionType: 'Share', NextToken: token }));
      shared.push(...(page.AccountIds ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    // Deleted between ListDocuments and this call: it no longer exists, so it has no row.
    if (isAwsError(error, 'InvalidDocument')) return null;
    ctx.itemError(error, { operation: 'DescribeDocumentPermission', table, resourceId: arn });
    shared = null;
  }
  return {
    arn,
    name,
    document_type: doc.DocumentType ?? null,
    document_format: doc.DocumentFormat ?? null,
    document_version: doc.DocumentVersion ?? null,
    platform_types: doc.PlatformTypes ?? [],
    shared_account_ids: shared,
    is_public: shared === null ? null : shared.some((a) => a.toLowerCase() === 'all'),
    raw: doc,
  };
}
