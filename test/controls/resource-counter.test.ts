import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../controls/run-check.js';
import { ResourceCounter } from '../../controls/status.js';

const outcome = (checkId: string, resources: Array<[string, string, string]>): CheckOutcome => ({
  checkId, error: null, scopeProblems: [], evaluated: resources.length, digest: null, durationMs: 0, staged: null,
  findings: resources.map(([account_id, region, resource_id]) => ({ account_id, region, resource_id, reason: `${checkId} fails` })),
});

describe('counting a requirement\'s distinct resources', () => {
  it('counts a resource two checks find once, and tells resources apart by account and region', () => {
    const counter = new ResourceCounter();
    const a = outcome('a', [['1', 'us-east-1', 'r1'], ['1', 'us-east-1', 'r2'], ['1', 'us-east-1', 'r2']]);
    const b = outcome('b', [['1', 'us-east-1', 'r1'], ['2', 'us-east-1', 'r1'], ['1', 'eu-west-1', 'r1']]);
    expect(counter.count([a, b])).toBe(4);
    // Asked again, alone or together, with the same counter: each count stands on its own.
    expect(counter.count([a])).toBe(2);
    expect(counter.count([b])).toBe(3);
    expect(counter.count([a, b])).toBe(4);
    expect(counter.count([])).toBe(0);
  });

  it('keeps counting right past its first thousand resources', () => {
    const counter = new ResourceCounter();
    const many = outcome('m', Array.from({ length: 5000 }, (_, i) => ['1', 'us-east-1', `r${i % 3000}`] as [string, string, string]));
    const more = outcome('n', Array.from({ length: 2000 }, (_, i) => ['1', 'us-east-1', `r${2500 + i}`] as [string, string, string]));
    expect(counter.count([many])).toBe(3000);
    expect(counter.count([many, more])).toBe(4500);
  });
});
