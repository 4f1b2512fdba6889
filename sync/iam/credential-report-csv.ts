import { parseCsv } from '../../lib/csv/read.js';
import type { Row } from '../../schema/db.js';

/** The values AWS writes where a date or flag does not apply; they become NULL. */
const absent = new Set(['N/A', 'not_supported', 'no_information', '']);

const booleanColumns = new Set([
  'password_enabled',
  'mfa_active',
  'access_key_1_active',
  'access_key_2_active',
  'cert_1_active',
  'cert_2_active',
]);
const dateColumns = new Set([
  'user_creation_time',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'cert_1_last_rotated',
  'cert_2_last_rotated',
]);
const textColumns = new Set(['user', 'arn', 'access_key_1_last_used_region', 'access_key_1_last_used_service', 'access_key_2_last_used_region', 'access_key_2_last_used_service']);

/**
 * Parses the credential report CSV (GetCredentialReport's Content) into aws_iam_credential_report rows: one per
 * line, including `<root_account>`. Unknown extra columns are kept in raw only, so a new AWS column never
 * breaks the sync.
 */
export function parseCredentialReport(csv: string, generatedTime: Date | null): Row[] {
  const header = csv.slice(0, csv.search(/\r?\n|$/));
  let records: string[][];
  try {
    records = parseCsv(csv, { skipBlankRows: true });
  } catch (cause) {
    throw new Error(`[sync] iam GetCredentialReport: the report is not CSV (${(cause as Error).message}); header "${header.slice(0, 80)}"`, { cause });
  }
  const names = records.shift();
  if (!names) return [];
  if (names[0] !== 'user' || names[1] !== 'arn') {
    throw new Error(`[sync] iam GetCredentialReport: unexpected CSV header "${header.slice(0, 80)}"; expected it to start with user,arn`);
  }
  return records.map((record) => {
    const values = fitToHeader(record, names.length);
    const raw: Record<string, string> = {};
    names.forEach((n, i) => (raw[n] = values[i] ?? ''));
    const row: Row = { is_root: raw.user === '<root_account>', generated_time: generatedTime, raw };
    for (const n of names) {
      const v = raw[n] ?? '';
      if (textColumns.has(n)) row[n] = absent.has(v) ? null : v;
      else if (booleanColumns.has(n)) row[n] = absent.has(v) ? null : v.toLowerCase() === 'true';
      else if (dateColumns.has(n)) row[n] = absent.has(v) ? null : toDate(v, n, raw.user ?? '');
    }
    return row;
  });
}

function toDate(value: string, column: string, user: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`[sync] iam credential report: ${column} of ${user} is not a date: "${value}"`);
  return d;
}

/** Splits one CSV line, honouring double quotes (AWS does not quote today, but CSV allows it). */
export function splitCsvLine(line: string): string[] {
  return parseCsv(line)[0] ?? [''];
}

/**
 * The quirk on top of the CSV parser: IAM user names may contain commas and the report does not quote them, so
 * such a name splits into extra fields twice: in `user` and inside `arn`. The surplus is even; put each half
 * back together. (A quoted field, should AWS ever quote, is already whole and leaves no surplus.)
 */
function fitToHeader(values: string[], width: number): string[] {
  const surplus = values.length - width;
  if (surplus <= 0 || surplus % 2 !== 0) return values;
  const k = surplus / 2;
  return [values.slice(0, k + 1).join(','), values.slice(k + 1, 2 * k + 2).join(','), ...values.slice(2 * k + 2)];
}
