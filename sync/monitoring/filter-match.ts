import type { FilterPattern, JsonExpr, JsonValue, Term } from './filter-pattern.js';

/**
 * Whether a parsed filter pattern matches one log event, the way CloudWatch Logs evaluates it:
 * - a JSON comparison reads the selected property; a property that is absent (or an object or array where a
 *   scalar is compared) makes the comparison false, `!=` included — only `NOT EXISTS` holds for an absent one.
 *   This is the reading that never credits a filter with events AWS might not count;
 * - strings compare exactly and case-sensitively, `*` in the pattern's value matching any run of characters;
 *   a number in the pattern compares numerically against a JSON number;
 * - term patterns search the event's text (a CloudTrail event as CloudWatch Logs receives it: one JSON line);
 * - space-delimited patterns are not evaluated against JSON events: they match nothing here.
 */
export function matchesEvent(pattern: FilterPattern, event: unknown): boolean {
  switch (pattern.syntax) {
    case 'empty':
      return true;
    case 'json':
      return evalExpr(pattern.expr, event);
    case 'terms':
      return matchTerms(pattern.terms, JSON.stringify(event));
    case 'space-delimited':
      return false;
  }
}

function evalExpr(e: JsonExpr, event: unknown): boolean {
  switch (e.kind) {
    case 'and':
      return e.of.every((x) => evalExpr(x, event));
    case 'or':
      return e.of.some((x) => evalExpr(x, event));
    case 'not_exists':
      return select(event, e.path) === ABSENT;
    case 'is': {
      const v = select(event, e.path);
      return e.what === 'null' ? v === null : v === (e.what === 'true');
    }
    case 'compare':
      return compare(select(event, e.path), e.op, e.value);
  }
}

const ABSENT = Symbol('absent');

function select(event: unknown, path: (string | number)[]): unknown {
  let v: unknown = event;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(v) || key >= v.length) return ABSENT;
      v = v[key];
    } else {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return ABSENT;
      v = (v as Record<string, unknown>)[key];
    }
  }
  return v;
}

function compare(actual: unknown, op: string, value: JsonValue): boolean {
  if (actual === ABSENT || actual === null || typeof actual === 'object') return false;
  if (value.type === 'number') {
    if (typeof actual !== 'number') return false;
    switch (op) {
      case '=': return actual === value.value;
      case '!=': return actual !== value.value;
      case '<': return actual < value.value;
      case '>': return actual > value.value;
      case '<=': return actual <= value.value;
      default: return actual >= value.value;
    }
  }
  const text = String(actual);
  const hit = value.type === 'regex' ? new RegExp(value.source).test(text) : wildcard(value.text).test(text);
  return op === '=' ? hit : !hit;
}

function wildcard(text: string): RegExp {
  return new RegExp(`^${text.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function matchTerms(terms: Term[], message: string): boolean {
  const has = (t: Term) => ('regex' in t ? new RegExp(t.regex).test(message) : message.includes(t.text));
  if (terms.some((t) => t.mode === 'any')) return terms.some(has);
  return terms.every((t) => (t.mode === 'none' ? !has(t) : has(t)));
}
