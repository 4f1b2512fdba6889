import { AccessAnalyzerClient, ListAnalyzersCommand, type ListAnalyzersCommandOutput } from '@aws-sdk/client-accessanalyzer';
import { describe, expect, it } from 'vitest';
import { analyzersCollector } from '../../../sync/accessanalyzer/analyzers.js';
import type { SyncContext } from '../../../sync/types.js';

// Canned SDK responses: moto 5.2.1 answers every Access Analyzer call with HTTP 500, so the shape of a real
// ListAnalyzers answer (two pages, several types and states) is served by a middleware on a real client.
const pages: Record<string, Partial<ListAnalyzersCommandOutput>> = {
  first: {
    analyzers: [
      { arn: 'arn:aws:access-analyzer:eu-west-1:111111111111:analyzer/external', name: 'external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2025-01-02T03:04:05Z'), lastResourceAnalyzedAt: new Date('2026-11-01T00:00:00Z'), tags: { owner: 'sec' } },
    ],
    nextToken: 'page-2',
  },
  'page-2': {
    analyzers: [
      { arn: 'arn:aws:access-analyzer:eu-west-1:111111111111:analyzer/unused', name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'FAILED', statusReason: { code: 'SERVICE_LINKED_ROLE_CREATION_FAILED' }, createdAt: new Date('2025-05-05T00:00:00Z') },
    ],
  },
};

function cannedContext(seen: Array<string | undefined>): SyncContext {
  const client = new AccessAnalyzerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      if (context.commandName !== ListAnalyzersCommand.name) throw new Error(`unexpected ${context.commandName}`);
      const token = (args.input as { nextToken?: string }).nextToken;
      seen.push(token);
      return { output: { $metadata: {}, ...pages[token ?? 'first'] }, response: {} } as never;
    },
    { step: 'initialize', name: 'cannedListAnalyzers' },
  );
  return {
    accountId: '111111111111',
    partition: 'aws',
    region: 'eu-west-1',
    clientRegion: 'eu-west-1',
    regions: ['eu-west-1'],
    now: new Date(),
    client: () => client as never,
    map: (items, fn) => Promise.all(items.map(fn)),
    itemError: (error) => {
      throw error;
    },
    shared: (_key, load) => load(),
  };
}

describe('analyzers collector on a canned ListAnalyzers answer', () => {
  it('follows nextToken and maps type, status, reason, dates and tags', async () => {
    const seen: Array<string | undefined> = [];
    const collected = await analyzersCollector.collect(cannedContext(seen));
    expect(seen).toEqual([undefined, 'page-2']);
    const rows = collected.aws_accessanalyzer_analyzers!;
    expect(rows.map(({ raw: _raw, ...r }) => r)).toEqual([
      { arn: 'arn:aws:access-analyzer:eu-west-1:111111111111:analyzer/external', name: 'external', type: 'ACCOUNT', status: 'ACTIVE', status_reason: null, created_at: new Date('2025-01-02T03:04:05Z'), last_resource_analyzed_at: new Date('2026-11-01T00:00:00Z'), tags: { owner: 'sec' } },
      { arn: 'arn:aws:access-analyzer:eu-west-1:111111111111:analyzer/unused', name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'FAILED', status_reason: 'SERVICE_LINKED_ROLE_CREATION_FAILED', created_at: new Date('2025-05-05T00:00:00Z'), last_resource_analyzed_at: null, tags: {} },
    ]);
    expect(rows[1]!.raw).toMatchObject({ name: 'unused', statusReason: { code: 'SERVICE_LINKED_ROLE_CREATION_FAILED' } });
  });
});
