import { describe, expect, it } from 'vitest';
import { analyseFilterPattern } from '../../../sync/monitoring/coverage.js';
import { matchesEvent } from '../../../sync/monitoring/filter-match.js';
import { FilterPatternError, parseFilterPattern } from '../../../sync/monitoring/filter-pattern.js';
import { monitoringRequirements } from '../../../sync/monitoring/requirements/index.js';
import { checkSql } from '../../support/checks.js';

const event = {
  eventName: 'ConsoleLogin',
  errorCode: 'Client.UnauthorizedOperation',
  latency: 250,
  enabled: true,
  disabledAt: null,
  userIdentity: { type: 'IAMUser' },
  resources: [{ ARN: 'arn:aws:s3:::logs' }, { ARN: 'arn:aws:s3:::data' }],
  tags: ['a', 'b'],
};
const matches = (pattern: string, e: unknown = event) => matchesEvent(parseFilterPattern(pattern), e);

describe('parseFilterPattern', () => {
  it('parses && tighter than || and keeps parentheses', () => {
    const p = parseFilterPattern('{ $.a = 1 || $.b = 2 && ($.c = 3 || $.d = 4) }');
    expect(p).toMatchObject({ syntax: 'json', expr: { kind: 'or', of: [{ kind: 'compare' }, { kind: 'and', of: [{ kind: 'compare' }, { kind: 'or' }] }] } });
  });

  it('reads quoted, bare, numeric and regex values', () => {
    const p = parseFilterPattern('{ $.a = "x y" && $.b = bare.word && $.c >= 1e3 && $.d = %^ab+% }');
    expect(p).toMatchObject({
      expr: {
        of: [
          { value: { type: 'string', text: 'x y' } },
          { value: { type: 'string', text: 'bare.word' } },
          { op: '>=', value: { type: 'number', value: 1000 } },
          { value: { type: 'regex', source: '^ab+' } },
        ],
      },
    });
  });

  it('reads IS TRUE / IS NULL / NOT EXISTS and array indexes in selectors', () => {
    expect(parseFilterPattern('{ $.resources[1].ARN NOT EXISTS || $.enabled is true || $.x IS NULL }')).toMatchObject({
      expr: { kind: 'or', of: [{ kind: 'not_exists', path: ['resources', 1, 'ARN'] }, { kind: 'is', what: 'true' }, { kind: 'is', what: 'null' }] },
    });
  });

  it('classifies empty, term and space-delimited patterns', () => {
    expect(parseFilterPattern('  ').syntax).toBe('empty');
    expect(parseFilterPattern('ERROR -Exiting "two words"')).toEqual({
      syntax: 'terms',
      terms: [{ text: 'ERROR', mode: 'all' }, { text: 'Exiting', mode: 'none' }, { text: 'two words', mode: 'all' }],
    });
    expect(parseFilterPattern('[ip, user, status = 4*, ...]').syntax).toBe('space-delimited');
  });

  it.each([
    ['{ $.a = 1', 'must end with }'],
    ['{ a = 1 }', 'selector starting with $'],
    ['{ $.a ~ 1 }', 'expected a comparison'],
    ['{ $.a < "x" }', '< compares numbers only'],
    ['{ ($.a = 1 }', 'expected )'],
    ['{ $.a = 1 $.b = 2 }', 'unexpected text'],
    ['{ $.a = %(% }', 'invalid regular expression'],
    ['?a b', 'cannot be mixed'],
  ])('rejects %s with a message saying what is wrong', (pattern, message) => {
    expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
    expect(() => parseFilterPattern(pattern)).toThrow(message);
  });
});

describe('matchesEvent', () => {
  it('compares strings exactly and case-sensitively, with * as a wildcard anywhere', () => {
    expect(matches('{ $.eventName = ConsoleLogin }')).toBe(true);
    expect(matches('{ $.eventName = consolelogin }')).toBe(false);
    expect(matches('{ $.eventName = Console }')).toBe(false);
    expect(matches('{ $.errorCode = "*UnauthorizedOperation" }')).toBe(true);
    expect(matches('{ $.errorCode = "Client.*Operation" }')).toBe(true);
    expect(matches('{ $.errorCode = "AccessDenied*" }')).toBe(false);
    expect(matches('{ $.errorCode = "Client.Unauthorized(Operation)" }')).toBe(false);
  });

  it('treats an absent property as failing every comparison, != included; NOT EXISTS holds only for it', () => {
    expect(matches('{ $.missing != "x" }')).toBe(false);
    expect(matches('{ $.missing NOT EXISTS }')).toBe(true);
    expect(matches('{ $.eventName NOT EXISTS }')).toBe(false);
    expect(matches('{ $.userIdentity.invokedBy NOT EXISTS }')).toBe(true);
    expect(matches('{ $.userIdentity != "x" }')).toBe(false);
  });

  it('compares numbers numerically, and not against strings', () => {
    expect(matches('{ $.latency > 200 && $.latency <= 250 && $.latency != 1 }')).toBe(true);
    expect(matches('{ $.latency < 250 }')).toBe(false);
    expect(matches('{ $.eventName > 1 }')).toBe(false);
  });

  it('reads booleans, nulls, array elements and regular expressions', () => {
    expect(matches('{ $.enabled IS TRUE && $.disabledAt IS NULL && $.enabled IS FALSE }')).toBe(false);
    expect(matches('{ $.enabled IS TRUE && $.disabledAt IS NULL }')).toBe(true);
    expect(matches('{ $.resources[1].ARN = "arn:aws:s3:::data" && $.tags[0] = a }')).toBe(true);
    expect(matches('{ $.resources[2].ARN NOT EXISTS }')).toBe(true);
    expect(matches('{ $.eventName = %^Console.*n$% }')).toBe(true);
    expect(matches('{ $.eventName = %^Login% }')).toBe(false);
  });

  it('never matches when two values of one property are ANDed', () => {
    expect(matches('{ ($.eventName = ConsoleLogin) && ($.eventName = CreateTrail) }')).toBe(false);
  });

  it('searches the event text for terms, ?alternatives and -exclusions', () => {
    expect(matches('ConsoleLogin IAMUser')).toBe(true);
    expect(matches('ConsoleLogin -IAMUser')).toBe(false);
    expect(matches('?CreateTrail ?ConsoleLogin')).toBe(true);
    expect(matches('%Unauthori[sz]ed%')).toBe(true);
    expect(matches('')).toBe(true);
    expect(matches('[a, b]')).toBe(false);
  });
});

describe('analyseFilterPattern', () => {
  it('covers exactly the requirement whose CIS pattern it is, for every requirement', () => {
    const cis: Record<string, string> = {
      unauthorized_api_calls: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      root_usage: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      cloudtrail_changes: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    };
    for (const [key, pattern] of Object.entries(cis)) expect(analyseFilterPattern(pattern).covers, key).toEqual([key]);
  });

  it('lists the sample events a pattern misses, per requirement', () => {
    const a = analyseFilterPattern('{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }');
    expect(a.covers).toEqual([]);
    expect(a.missed.cmk_disable_or_deletion).toEqual(['eventName ScheduleKeyDeletion']);
  });

  it('records a pattern that does not parse as invalid, covering nothing', () => {
    const a = analyseFilterPattern('{ $.eventName = ');
    expect(a).toMatchObject({ syntax: 'invalid', parsed: null, covers: [] });
    expect(a.error).toMatch(/must end with }/);
  });

  it('is the requirement its check asks for: each 4.x check passes its own requirement key to the chain', () => {
    for (const r of monitoringRequirements) expect(checkSql(r.checkId), r.key).toContain(`calabi_cis_monitoring_failures('${r.key}')`);
    expect(new Set(monitoringRequirements.map((r) => r.key)).size).toBe(15);
  });

  it('gives every requirement at least one sample event with a real event source and name', () => {
    expect(monitoringRequirements).toHaveLength(15);
    for (const r of monitoringRequirements) {
      expect(r.events.length, r.key).toBeGreaterThan(0);
      for (const e of r.events) expect(e.event.eventSource, r.key).toMatch(/^[a-z0-9-]+\.amazonaws\.com$/);
    }
  });
});
