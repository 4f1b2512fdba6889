import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dirname, resolve } from 'node:path';
import { DatabaseOpenError } from './db-errors.js';

/**
 * The second store: a DuckLake (a SQL catalog database plus Parquet data files) instead of one DuckDB file. It is
 * named like a file path, `ducklake:CATALOG`, so everything that passes a database path around (the CLI, serve,
 * the scheduler) passes a lake the same way. CATALOG is a DuckDB file (one machine) or `postgres:<libpq string>`
 * (many writers); the data path (a directory or an s3:// URL) comes with it, or from CALABI_DATA_PATH.
 *
 * The lake is attached as `lake` and made every connection's default catalog (USE lake), so our tables, views
 * and macros are found by their bare names, exactly as in a file: checks need no change.
 */
export const lakePrefix = 'ducklake:';
export const lakeAlias = 'lake';

export interface LakeLocation {
  /** What follows `ducklake:`: a DuckDB file path or `postgres:…`. */
  catalog: string;
  /** Where the Parquet files go; undefined: DuckLake's default beside a DuckDB catalog file. */
  dataPath?: string;
}

export function isLakePath(path: string): boolean {
  return path.startsWith(lakePrefix);
}

/** `ducklake:CATALOG` with the data path given, else CALABI_DATA_PATH; a Postgres catalog must have one. */
export function lakeLocation(path: string, dataPath = process.env.CALABI_DATA_PATH): LakeLocation {
  const catalog = path.slice(lakePrefix.length).trim();
  if (catalog === '') throw new DatabaseOpenError(redactLake(path), { cause: new Error('the store names no catalog: give --store ducklake:FILE or --store ducklake:postgres:"dbname=… host=…"') });
  const data = dataPath?.trim() ? dataPath.trim() : undefined;
  if (isPostgres(catalog) && !data) {
    throw new DatabaseOpenError(redactLake(path), { cause: new Error('a lake catalogued in PostgreSQL needs a data path that every worker reaches: give --data-path DIR_OR_S3_URL or CALABI_DATA_PATH') });
  }
  return { catalog, dataPath: data };
}

const isPostgres = (catalog: string) => /^postgres(ql)?:/.test(catalog);

/**
 * DuckDB settings for a lake's in-memory host database. CALABI_EXTENSION_DIR points DuckDB at a local extension
 * directory (CI and tests fill one with scripts/duckdb-extensions.sh: they cannot reach DuckDB's repository);
 * unset, DuckDB uses its own directory and installs ducklake/postgres from its repository on first use.
 */
export function lakeConfig(): Record<string, string> {
  const dir = process.env.CALABI_EXTENSION_DIR?.trim();
  return dir ? { extension_directory: dir, autoinstall_known_extensions: 'false' } : {};
}

/**
 * The directories the lake's own files live in (its data path and a DuckDB catalog's folder), with a trailing '/'.
 * A sandboxed instance (serve's console, custom checks: enable_external_access=false) must still allow them, or
 * DuckDB refuses to read the lake's Parquet files.
 */
export function lakeDirectories(location: LakeLocation): string[] {
  const slash = (d: string) => (d.endsWith('/') ? d : `${d}/`);
  const catalogFile = isPostgres(location.catalog) ? undefined : resolve(location.catalog);
  const data = location.dataPath ?? (catalogFile ? `${catalogFile}.files` : undefined);
  return [
    ...(catalogFile ? [slash(dirname(catalogFile))] : []),
    ...(data ? [slash(/^[a-z0-9]+:\/\//i.test(data) ? data : resolve(data))] : []),
  ];
}

/** An in-memory DuckDB with the lake attached (read-only when asked) and the extensions it needs loaded. */
export async function openLakeInstance(path: string, options: { readOnly?: boolean; dataPath?: string; config?: Record<string, string> }): Promise<{ instance: DuckDBInstance; directories: string[] }> {
  const location = lakeLocation(path, options.dataPath);
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:', { ...options.config, ...lakeConfig() });
    const conn = await instance.connect();
    try {
      const local = lakeConfig().extension_directory !== undefined;
      for (const ext of ['ducklake', ...(isPostgres(location.catalog) ? ['postgres'] : [])]) {
        // A local directory already holds the files: INSTALL would try the network. Without one, DuckDB installs
        // from its repository once and then finds the file in its own directory.
        if (!local) await conn.run(`INSTALL ${ext}`);
        await conn.run(`LOAD ${ext}`);
      }
      const opts = [
        ...(location.dataPath ? [`DATA_PATH ${literal(location.dataPath)}`] : []),
        ...(options.readOnly ? ['READ_ONLY'] : []),
      ];
      await conn.run(`ATTACH ${literal(lakePrefix + location.catalog)} AS ${lakeAlias}${opts.length ? ` (${opts.join(', ')})` : ''}`);
    } finally {
      conn.closeSync();
    }
    return { instance, directories: lakeDirectories(location) };
  } catch (cause) {
    instance?.closeSync();
    // The catalog string may carry a password: name the store without it.
    throw new DatabaseOpenError(redactLake(path), { cause: new Error(redactLake(cause instanceof Error ? cause.message : String(cause)), { cause }) });
  }
}

/** Every connection on a lake's instance starts in the in-memory database: make the lake its default. */
export async function useLake(conn: DuckDBConnection): Promise<DuckDBConnection> {
  await conn.run(`USE ${lakeAlias}`);
  return conn;
}

/** A libpq string's password (password=… or a URL's user:pass@) replaced, for messages and logs. */
export function redactLake(text: string): string {
  return text.replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, '$1***').replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
