/**
 * The CloudWatch Logs filter-pattern grammar (metric filters), parsed into a tree that sync stores and the
 * matcher evaluates. Grammar, from AWS's "Filter pattern syntax for metric filters, subscription filters, filter
 * log events, and Live Tail":
 *
 *   - empty pattern: matches every log event;
 *   - JSON pattern `{ <expr> }`: comparisons `$.sel = value`, `!=`, and for numbers `<`, `>`, `<=`, `>=`;
 *     `$.sel IS TRUE | IS FALSE | IS NULL`, `$.sel NOT EXISTS`; `&&`, `||` and parentheses. String values are
 *     bare words or double-quoted, with `*` as a wildcard; `%regex%` values are regular expressions;
 *   - term patterns: words or "quoted phrases" that must all appear (`-term` must not appear, `?a ?b` any of),
 *     or a standalone `%regex%`;
 *   - space-delimited patterns `[a, b=..., ...]` over space-separated fields. A CloudTrail event delivered to
 *     CloudWatch Logs is one JSON object, so such a pattern is recognised but not evaluated: it covers nothing.
 *
 * AWS does not document the relative precedence of && and ||; we bind && tighter, as every C-like language does.
 * Keywords are accepted in any case; values are case sensitive, as AWS matches them.
 */
export type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type JsonExpr =
  | { kind: 'and'; of: JsonExpr[] }
  | { kind: 'or'; of: JsonExpr[] }
  | { kind: 'compare'; path: (string | number)[]; op: Comparison; value: JsonValue }
  | { kind: 'is'; path: (string | number)[]; what: 'true' | 'false' | 'null' }
  | { kind: 'not_exists'; path: (string | number)[] };

export type JsonValue = { type: 'string'; text: string } | { type: 'number'; value: number } | { type: 'regex'; source: string };

export type Term = { text: string; mode: 'all' | 'any' | 'none' } | { regex: string; mode: 'all' };

export type FilterPattern =
  | { syntax: 'empty' }
  | { syntax: 'json'; expr: JsonExpr }
  | { syntax: 'terms'; terms: Term[] }
  | { syntax: 'space-delimited'; text: string };

export class FilterPatternError extends Error {}

export function parseFilterPattern(pattern: string): FilterPattern {
  const text = pattern.trim();
  if (text === '') return { syntax: 'empty' };
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new FilterPatternError('a JSON pattern must end with }');
    const p = new JsonParser(text.slice(1, -1));
    const expr = p.parseOr();
    p.expectEnd();
    return { syntax: 'json', expr };
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new FilterPatternError('a space-delimited pattern must end with ]');
    return { syntax: 'space-delimited', text };
  }
  return { syntax: 'terms', terms: parseTerms(text) };
}

function parseTerms(text: string): Term[] {
  if (/^%.*%$/s.test(text)) return [{ regex: compileRegex(text.slice(1, -1)), mode: 'all' }];
  const terms: Term[] = [];
  const re = /\s*([?-]?)(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length && (m = re.exec(text)) !== null) {
    at = re.lastIndex;
    const word = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
    terms.push({ text: word, mode: m[1] === '?' ? 'any' : m[1] === '-' ? 'none' : 'all' });
  }
  if (text.slice(at).trim() !== '') throw new FilterPatternError(`unterminated quoted term in ${JSON.stringify(text)}`);
  const any = terms.filter((t) => t.mode === 'any').length;
  if (any > 0 && any !== terms.length) throw new FilterPatternError('?term alternatives cannot be mixed with required or excluded terms');
  return terms;
}

function compileRegex(source: string): string {
  try {
    new RegExp(source);
  } catch (error) {
    throw new FilterPatternError(`invalid regular expression %${source}%: ${(error as Error).message}`);
  }
  return source;
}

class JsonParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseOr(): JsonExpr {
    const of = [this.parseAnd()];
    while (this.eat('||')) of.push(this.parseAnd());
    return of.length === 1 ? of[0]! : { kind: 'or', of };
  }

  private parseAnd(): JsonExpr {
    const of = [this.parsePrimary()];
    while (this.eat('&&')) of.push(this.parsePrimary());
    return of.length === 1 ? of[0]! : { kind: 'and', of };
  }

  private parsePrimary(): JsonExpr {
    if (this.eat('(')) {
      const e = this.parseOr();
      if (!this.eat(')')) this.fail('expected )');
      return e;
    }
    const path = this.parseSelector();
    this.ws();
    const kw = /^(IS\s+(TRUE|FALSE|NULL)|NOT\s+EXISTS)\b/i.exec(this.s.slice(this.i));
    if (kw) {
      this.i += kw[0].length;
      if (kw[2]) return { kind: 'is', path, what: kw[2].toLowerCase() as 'true' | 'false' | 'null' };
      return { kind: 'not_exists', path };
    }
    const op = /^(!=|<=|>=|=|<|>)/.exec(this.s.slice(this.i))?.[1] as Comparison | undefined;
    if (!op) this.fail('expected a comparison (=, !=, <, >, <=, >=), IS TRUE/FALSE/NULL or NOT EXISTS');
    this.i += op!.length;
    const value = this.parseValue();
    if (op !== '=' && op !== '!=' && value.type !== 'number') this.fail(`${op} compares numbers only`);
    return { kind: 'compare', path, op: op!, value };
  }

  private parseSelector(): (string | number)[] {
    this.ws();
    if (this.s[this.i] !== '$') this.fail('expected a selector starting with $');
    this.i++;
    const path: (string | number)[] = [];
    for (;;) {
      const rest = this.s.slice(this.i);
      const prop = /^\.([^\s.[\]()=!<>&|{}"]+)/.exec(rest);
      const index = /^\[(\d+)\]/.exec(rest);
      if (prop) {
        path.push(prop[1]!);
        this.i += prop[0].length;
      } else if (index) {
        path.push(Number(index[1]));
        this.i += index[0].length;
      } else break;
    }
    if (path.length === 0) this.fail('a selector names a property: $.field');
    return path;
  }

  private parseValue(): JsonValue {
    this.ws();
    const rest = this.s.slice(this.i);
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest) ?? /^'((?:[^'\\]|\\.)*)'/.exec(rest);
    if (quoted) {
      this.i += quoted[0].length;
      return { type: 'string', text: quoted[1]!.replace(/\\(.)/g, '$1') };
    }
    const regex = /^%([^%]*)%/.exec(rest);
    if (regex) {
      this.i += regex[0].length;
      return { type: 'regex', source: compileRegex(regex[1]!) };
    }
    const bare = /^[^\s()&|{}"']+/.exec(rest);
    if (!bare) this.fail('expected a value');
    this.i += bare![0].length;
    const word = bare![0];
    if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(word)) return { type: 'number', value: Number(word) };
    return { type: 'string', text: word };
  }

  expectEnd(): void {
    this.ws();
    if (this.i < this.s.length) this.fail('unexpected text');
  }

  private eat(token: string): boolean {
    this.ws();
    if (!this.s.startsWith(token, this.i)) return false;
    this.i += token.length;
    return true;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private fail(what: string): never {
    throw new FilterPatternError(`${what} at character ${this.i + 2} of the JSON pattern (near ${JSON.stringify(this.s.slice(this.i, this.i + 20))})`);
  }
}
