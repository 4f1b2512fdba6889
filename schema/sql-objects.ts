/**
 * Views and macros that checks may use, (re)created at every open so they always match this release. Each is a
 * `CREATE OR REPLACE` statement that runs as-is in the duckdb shell. Keep them few: a check should read tables.
 */
export const sqlObjects: readonly string[] = [];
