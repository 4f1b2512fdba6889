import { matchesEvent } from './filter-match.js';
import { FilterPatternError, parseFilterPattern, type FilterPattern } from './filter-pattern.js';
import { cloudTrailEvent } from './cloudtrail-event.js';
import { monitoringRequirements } from './requirements/index.js';

/**
 * Routine traffic no CIS pattern catches: successful read calls and an IAM user's console sign-in with MFA. A
 * filter that matches them counts nearly every event, so its alarm sits in ALARM and, notifying only on a change
 * of state, never tells anyone about the event it is meant for. Such a filter covers no requirement.
 */
export const routineEvents: readonly Record<string, unknown>[] = [
  cloudTrailEvent('sts.amazonaws.com', 'GetCallerIdentity', { readOnly: true, responseElements: { account: '123456789012' } }),
  cloudTrailEvent('ec2.amazonaws.com', 'DescribeInstances', { readOnly: true }),
  cloudTrailEvent('signin.amazonaws.com', 'ConsoleLogin', {
    eventType: 'AwsConsoleSignIn',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
  }),
];

export interface PatternAnalysis {
  /** 'empty', 'json', 'terms', 'space-delimited', or 'invalid' when the pattern does not parse. */
  syntax: FilterPattern['syntax'] | 'invalid';
  error: string | null;
  parsed: FilterPattern | null;
  /** True when the pattern also matches one of routineEvents: it then covers nothing. */
  matchesRoutine: boolean;
  /** Keys of the monitoring requirements whose every sample event the pattern matches, sorted. */
  covers: string[];
  /** Per requirement key, the labels of the sample events the pattern does not match (empty when covered). */
  missed: Record<string, string[]>;
}

export function analyseFilterPattern(pattern: string | null | undefined): PatternAnalysis {
  let parsed: FilterPattern;
  try {
    parsed = parseFilterPattern(pattern ?? '');
  } catch (error) {
    if (!(error instanceof FilterPatternError)) throw error;
    const missed = Object.fromEntries(monitoringRequirements.map((r) => [r.key, r.events.map((e) => e.label)]));
    return { syntax: 'invalid', error: error.message, parsed: null, matchesRoutine: false, covers: [], missed };
  }
  const missed: Record<string, string[]> = {};
  const covers: string[] = [];
  const matchesRoutine = routineEvents.some((e) => matchesEvent(parsed, e));
  for (const r of monitoringRequirements) {
    missed[r.key] = r.events.filter((e) => !matchesEvent(parsed, e.event)).map((e) => e.label);
    if (missed[r.key]!.length === 0 && !matchesRoutine) covers.push(r.key);
  }
  return { syntax: parsed.syntax, error: null, parsed, matchesRoutine, covers: covers.sort(), missed };
}
