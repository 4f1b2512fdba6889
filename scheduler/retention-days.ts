/** How many days of scans to keep; its own file so `calabi serve --help` and `run --help` need not load the pruning. */
export const defaultRetentionDays = 90;

/** CALABI_RETENTION_DAYS or the default; a bad value fails at start with a message that says what to change. */
export function retentionDaysFrom(value: string | number | undefined = process.env.CALABI_RETENTION_DAYS): number {
  if (value === undefined || value === '') return defaultRetentionDays;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 36_500) {
    throw new Error(`[retention] retention must be a whole number of days from 1 to 36500, not '${value}' (set --retention-days or CALABI_RETENTION_DAYS)`);
  }
  return n;
}
