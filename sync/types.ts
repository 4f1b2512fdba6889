import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Row } from '../schema/db.js';
import type { TableDef } from '../schema/table.js';

/** An SDK v3 client class; the context builds and caches one per account and region. */
export type ClientClass<C> = new (config: any) => C;

export interface SyncContext {
  readonly accountId: string;
  readonly partition: string;
  /** The scope's region: a region name, or 'global' for account-wide collectors. */
  readonly region: string;
  /** Where this scope's calls go (the partition's home region for global collectors). */
  readonly clientRegion: string;
  /** Every region scanned for this account (global collectors such as S3 use it to reach buckets). */
  readonly regions: readonly string[];
  /** A client for this account and region (or another region of the account, for S3 buckets). */
  client<C>(ctor: ClientClass<C>, region?: string): C;
  /** Run `fn` over items with this service's bounded concurrency; results keep the input order. */
  map<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]>;
  /**
   * Record a failed per-item call (GetBucketPolicy on one bucket, say). The collection goes on, the rows it
   * returns are written, and the table's scope is marked in error so the checks reading it report ERROR.
   */
  itemError(error: unknown, where: { operation: string; table: string; resourceId?: string }): void;
  /**
   * One answer for every collector of this service, account and client region that asks for `key`: the first
   * caller's `load` runs, later callers (running or not yet started) get the same promise, rejection included.
   * For a list two collectors both need (ListKeys for keys and key policies): asked once per sync, not once per
   * collector. `load` must only call AWS and return data: no itemError (it would land in the first caller's scope),
   * and callers must not change what it returns.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
  readonly now: Date;
}

/** Rows per table name. Every table a collector declares is replaced for the scope, even when it has no rows. */
export type Collected = Record<string, Row[]>;

export interface Collector {
  /** e.g. 's3' — matches --services and sync_errors.service */
  service: string;
  /** e.g. 'buckets' — for progress and errors */
  name: string;
  scope: 'global' | 'regional';
  tables: readonly TableDef[];
  collect(ctx: SyncContext): Promise<Collected>;
}

export type CredentialSource = AwsCredentialIdentity | AwsCredentialIdentityProvider;
