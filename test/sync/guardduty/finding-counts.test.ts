import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { cannedFindingStatistics } from './canned-statistics.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let east: string;
let west: string;
let canned: ReturnType<typeof cannedFindingStatistics>;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  moto = await startMoto();
  east = (await new GuardDutyClient(motoClientConfig(moto, 'us-east-1')).send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
  west = (await new GuardDutyClient(motoClientConfig(moto, 'eu-west-1')).send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
  // Two pages for the east detector (page size 2): the collector must follow NextToken to count every band.
  canned = cannedFindingStatistics({
    [east]: [
      { Severity: 2, TotalFindings: 4, LastGeneratedAt: at('2026-11-01T00:00:00Z') },
      { Severity: 5.5, TotalFindings: 3, LastGeneratedAt: at('2026-11-02T00:00:00Z') },
      { Severity: 8, TotalFindings: 2, LastGeneratedAt: at('2026-11-20T00:00:00Z') },
      { Severity: 7, TotalFindings: 1, LastGeneratedAt: at('2026-11-25T00:00:00Z') },
      { Severity: 9.5, TotalFindings: 1, LastGeneratedAt: at('2026-11-10T00:00:00Z') },
    ],
    [west]: [{ Severity: 3.9, TotalFindings: 6, LastGeneratedAt: at('2026-11-03T00:00:00Z') }],
  }, 2);
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['guardduty'], regions: ['us-east-1', 'eu-west-1'], configureClient: canned.configure });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('GuardDuty finding counts collector', () => {
  it("counts each detector's current findings in GuardDuty's severity bands, across pages", async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, detector_id, critical, high, medium, low, latest_high_or_critical_at FROM aws_guardduty_finding_counts ORDER BY region');
    expect(rows).toEqual([
      { region: 'eu-west-1', detector_id: west, critical: 0, high: 0, medium: 0, low: 6, latest_high_or_critical_at: null },
      { region: 'us-east-1', detector_id: east, critical: 1, high: 3, medium: 3, low: 4, latest_high_or_critical_at: '2026-11-25T00:00:00.000Z' },
    ]);
  });

  it('asks for current findings only, grouped by severity', () => {
    expect(canned.requests.length).toBe(3 + 1);
    for (const r of canned.requests) expect(r).toMatchObject({ GroupBy: 'SEVERITY', FindingCriteria: { Criterion: { 'service.archived': { Equals: ['false'] } } } });
  });

  it('fails the detector holding High or Critical findings', async () => {
    expect((await checkFindings(db, 'guardduty_no_high_severity_findings')).map((r) => r.detector_id)).toEqual([east]);
  });
});
