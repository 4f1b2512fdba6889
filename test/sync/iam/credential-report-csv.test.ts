import { describe, expect, it } from 'vitest';
import { parseCredentialReport, splitCsvLine } from '../../../sync/iam/credential-report-csv.js';

// Canned report text: moto writes no <root_account> row and only "now" dates, so the root row, old dates and
// the N/A / not_supported / no_information markers come from a report in AWS's documented format.
const header =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const root =
  '<root_account>,arn:aws:iam::111111111111:root,2019-03-01T10:00:00+00:00,not_supported,2026-11-20T08:15:00+00:00,not_supported,not_supported,false,' +
  'true,2020-01-01T00:00:00+00:00,2026-11-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const carol =
  'carol,arn:aws:iam::111111111111:user/ops/carol,2024-01-05T09:30:00+00:00,true,no_information,2024-01-05T09:31:00+00:00,N/A,true,' +
  'true,2024-01-05T09:32:00+00:00,N/A,N/A,N/A,true,2025-06-01T12:00:00+00:00,2025-07-01T12:00:00+00:00,eu-west-1,ec2,true,2024-02-01T00:00:00+00:00,false,N/A';
const generated = new Date('2026-11-22T09:00:00Z');

describe('parseCredentialReport', () => {
  it('keeps the <root_account> row and marks it as root', () => {
    const [row] = parseCredentialReport(`${header}\n${root}\n`, generated);
    expect(row).toMatchObject({
      user: '<root_account>',
      arn: 'arn:aws:iam::111111111111:root',
      is_root: true,
      password_enabled: null, // not_supported
      password_last_used: new Date('2026-11-20T08:15:00Z'),
      mfa_active: false,
      access_key_1_active: true,
      access_key_1_last_used_date: new Date('2026-11-01T00:00:00Z'),
      access_key_1_last_used_service: 's3',
      access_key_2_active: false,
      access_key_2_last_rotated: null,
      generated_time: generated,
    });
  });

  it('turns N/A, not_supported and no_information into NULL and parses booleans and dates', () => {
    const rows = parseCredentialReport(`${header}\r\n${root}\r\n${carol}`, generated);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      user: 'carol',
      is_root: false,
      user_creation_time: new Date('2024-01-05T09:30:00Z'),
      password_enabled: true,
      password_last_used: null,
      password_next_rotation: null,
      access_key_1_last_rotated: new Date('2024-01-05T09:32:00Z'),
      access_key_1_last_used_date: null,
      access_key_1_last_used_region: null,
      access_key_2_last_used_region: 'eu-west-1',
      cert_1_active: true,
      cert_2_last_rotated: null,
    });
    expect((rows[1]!.raw as Record<string, string>).password_last_used).toBe('no_information');
  });

  it('puts back a user name that contains commas, which the report does not quote', () => {
    const odd = carol.replace(/carol/g, 'a,b,c');
    const [row] = parseCredentialReport(`${header}\n${odd}`, null);
    expect(row).toMatchObject({ user: 'a,b,c', arn: 'arn:aws:iam::111111111111:user/ops/a,b,c', password_enabled: true, mfa_active: true });
  });

  it('puts back comma user names on top of the CSV parser: CRLF lines, a blank line, and a quoted name left whole', () => {
    const unquoted = carol.replace(/carol/g, 'x,y');
    const quoted = carol.replace('carol,arn:aws:iam::111111111111:user/ops/carol', '"q,r","arn:aws:iam::111111111111:user/ops/q,r"');
    const rows = parseCredentialReport(`${header}\r\n${unquoted}\r\n\r\n${quoted}\r\n`, null);
    expect(rows.map((r) => [r.user, r.arn, r.mfa_active])).toEqual([
      ['x,y', 'arn:aws:iam::111111111111:user/ops/x,y', true],
      ['q,r', 'arn:aws:iam::111111111111:user/ops/q,r', true],
    ]);
  });

  it('refuses a report that is not CSV, saying so', () => {
    expect(() => parseCredentialReport(`${header}\n"unterminated,${carol}`, null)).toThrow(/GetCredentialReport: the report is not CSV/);
  });

  it('returns no rows for a report with only a header, and rejects text that is not a credential report', () => {
    expect(parseCredentialReport(`${header}\n`, null)).toEqual([]);
    expect(() => parseCredentialReport('<html>error</html>\nx', null)).toThrow(/unexpected CSV header/);
    expect(() => parseCredentialReport(`${header}\n${carol.replace('2024-01-05T09:30:00+00:00', 'yesterday')}`, null)).toThrow(/user_creation_time of carol is not a date/);
  });

  it('honours quoted fields', () => {
    expect(splitCsvLine('"a,b","say ""hi""",c')).toEqual(['a,b', 'say "hi"', 'c']);
  });
});
