import { describe, expect, it } from 'vitest';
import { syncSettings } from '../../cli/sync-options.js';
import { UsageError } from '../../cli/errors.js';
import { runCli } from '../support/cli.js';

// Issue 17: `--regions ",,,"` meant every region (the list parsed to nothing, read as "not given").
describe('sync flags', () => {
  it('refuses a --regions list that names nothing, saying what to give', () => {
    for (const regions of [',,,', ' ', ' , ,']) {
      expect(() => syncSettings({ regions }, {})).toThrow(UsageError);
      expect(() => syncSettings({ regions }, {})).toThrow(/--regions '.*' names nothing: give region names such as eu-west-1/);
    }
    expect(() => syncSettings({ services: ',' }, {})).toThrow(/--services ',' names nothing/);
  });

  it('keeps the named regions, trimmed, when some items are blank', () => {
    expect(syncSettings({ regions: 'eu-west-1,, us-east-1 ' }, {}).regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('applies call limits from flags, then environment, then defaults of 10 s connect, 60 s request and a 2 h deadline', () => {
    expect(syncSettings({}, {})).toMatchObject({ timeouts: { connectMs: 10_000, requestMs: 60_000 }, deadlineMs: 7_200_000 });
    expect(syncSettings({ callTimeout: '5' }, {})).toMatchObject({ timeouts: { connectMs: 5_000, requestMs: 5_000 } });
    expect(syncSettings({ callTimeout: '5', connectTimeout: '1.5' }, {})).toMatchObject({ timeouts: { connectMs: 1_500, requestMs: 5_000 } });
    expect(syncSettings({}, { CALABI_REQUEST_TIMEOUT: '2m', CALABI_SYNC_DEADLINE: '30m' })).toMatchObject({ timeouts: { requestMs: 120_000 }, deadlineMs: 1_800_000 });
    expect(syncSettings({ deadline: '90s' }, { CALABI_SYNC_DEADLINE: '30m' }).deadlineMs).toBe(90_000);
    expect(() => syncSettings({ deadline: '0' }, {})).toThrow(/--deadline \(CALABI_SYNC_DEADLINE\) must be a duration/);
  });

  it('caps calls in flight at 32 unless the flag or CALABI_MAX_IN_FLIGHT says otherwise, and refuses a cap that is not a whole number', () => {
    expect(syncSettings({}, {}).maxInFlight).toBe(32);
    expect(syncSettings({}, { CALABI_MAX_IN_FLIGHT: '8' }).maxInFlight).toBe(8);
    expect(syncSettings({ maxInFlight: '4' }, { CALABI_MAX_IN_FLIGHT: '8' }).maxInFlight).toBe(4);
    for (const bad of ['0', '2.5', 'many']) expect(() => syncSettings({ maxInFlight: bad }, {})).toThrow(/--max-in-flight \(CALABI_MAX_IN_FLIGHT\) must be a whole number from 1 to 512/);
  });

  it('makes calabi sync --regions ",,," a usage error (exit 2) before anything runs', async () => {
    const r = await runCli(['--db', '/nonexistent-dir/x.duckdb', 'sync', '--regions', ',,,']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--regions ',,,' names nothing/);
  });
});
