/**
 * The database file was migrated by a Calabi this build does not know (a newer one): writing to it could break the
 * newer schema, so write commands refuse it; read-only commands (query, benchmarks, export, diff, verify) open it
 * read-only instead. The CLI turns it into exit 2 with this message.
 */
export class NewerDatabaseError extends Error {
  readonly writtenBy: string | null;

  constructor(path: string, d: { version: number; writtenBy: string | null; thisVersion: string; knownUpTo: number }) {
    const who = d.writtenBy ? `Calabi ${d.writtenBy}` : 'a newer Calabi';
    super(
      `[db] ${path} was written by ${who} (schema version ${d.version}; this is Calabi ${d.thisVersion}, which knows versions up to ${d.knownUpTo}). ` +
        'Upgrade Calabi to write to it, or use a read-only command (query, benchmarks, export, diff, verify); to start afresh, choose another file with --db PATH.',
    );
    this.name = 'NewerDatabaseError';
    this.writtenBy = d.writtenBy;
  }
}
